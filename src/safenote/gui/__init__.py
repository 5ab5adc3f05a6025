"""PySide6 front end: one widget or dialog per module, plus one controller."""
