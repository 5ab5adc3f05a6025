"""Re-apply the stylesheet to a widget whose look depends on a property that just changed.

The stylesheet styles some widgets by a dynamic property (a save state, a flagged header
field, an over-the-limit count), and Qt does not re-read those rules by itself when a
property changes. The usual ``widget.style().unpolish(widget)`` / ``polish(widget)`` does,
but it hands Python the style object, and PySide builds QStyle's ~100 enum types the first
time it wraps one: several milliseconds on the way to an interactive window. Setting the
widget's own stylesheet (rules-free, so the application's stylesheet still decides every
look) makes Qt re-polish it the same way.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

_NO_RULES = "/* the application's stylesheet applies */"


def restyle(widget: QWidget) -> None:
    """Re-evaluate the stylesheet for ``widget`` (a no-op until it is first polished)."""
    widget.setStyleSheet(widget.styleSheet() or _NO_RULES)
