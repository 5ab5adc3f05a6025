"""Keep a dialog big enough for its wrapped text as parts appear, text grows or a longer
language is loaded.

Qt's minimum size for a window ignores height-for-width (wrapped labels), so a dialog whose
message grows can squeeze its other parts. :func:`grow_to_fit` resizes the window to the
height its layout really needs at its current width; dialogs call it on every layout request.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def grow_to_fit(window: QWidget) -> None:
    """Grow (never shrink) ``window`` so its layout fits, wrapped text included."""
    layout = window.layout()
    if layout is None:
        return
    width = max(window.width(), window.minimumSizeHint().width())
    needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else 0
    height = max(window.height(), window.minimumSizeHint().height(), needed)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
