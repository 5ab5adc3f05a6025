"""PySide6 front end: one widget or dialog per module, plus one controller."""

from safenote.gui.refcount_guard import install as _install_refcount_guard

# Before any widget exists: see refcount_guard for the PySide6 6.12.0 bug this works around.
_install_refcount_guard()
