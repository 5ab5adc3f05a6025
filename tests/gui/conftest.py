from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QWidget

from tests.qt_helpers import type_text as _type_text


@pytest.fixture
def type_text() -> Callable[[QWidget, str], None]:
    """Type any text (non-ASCII and emoji included) into a widget with real key events."""
    return _type_text
