"""PySide6 front end: one widget or dialog per module, plus one controller."""

# Core first, then Qt. Once PySide6.QtCore is imported it reads the source of every module
# imported after it (looking for ``from __feature__ import``), a few milliseconds per
# dozen modules on every start-up. What the window needs from core (the vault with
# cryptography and sqlite3, logging, paths) has no Qt in it, so it loads before Qt does.
import safenote.core.logsetup
import safenote.core.resources
import safenote.core.vault  # noqa: F401
from safenote.gui.refcount_guard import install as _install_refcount_guard

# Before any widget exists: see refcount_guard for the PySide6 6.12.0 bug this works around.
_install_refcount_guard()
