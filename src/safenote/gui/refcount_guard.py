"""Keep CPython 3.11 alive under PySide6 6.12.0, which drops references to None and bools.

On CPython 3.11, PySide6 6.12.0 returns ``None`` from every void method and ``True`` from
``Signal.emit()`` without taking the reference it hands back, so each call lowers that
object's reference count by one; after some thousands of calls (a few seconds of typing)
the interpreter aborts with "deallocating None". 6.11.2 is not affected, and on CPython
3.12+ these objects are immortal (PEP 683), so the drop is harmless there.

:func:`install` measures the drop on the installed PySide6 and, only if it happens, does
what 3.12 does: gives ``None``, ``True`` and ``False`` a reference count so large they can
never reach zero. They are never freed anyway; nothing else changes.
"""

from __future__ import annotations

import sys
from typing import Any

# 2**60 references: at a billion dropped references a second, 36 years to run out.
_IMMORTAL = 1 << 60
_installed = False


def drops_references() -> bool:
    """True when a void PySide6 call or a signal emit lowers a singleton's count."""
    from PySide6.QtCore import QObject, QTimer, Signal

    class Probe(QObject):
        ping = Signal()

    probe = Probe()
    timer = QTimer()
    ping: Any = probe.ping
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(8):
        timer.setInterval(1)  # a void call: returns None
        ping.emit()  # returns a bool
    return sys.getrefcount(None) < none_before or sys.getrefcount(True) < true_before


def install() -> bool:
    """Make None/True/False immortal if this PySide6 needs it; returns whether it did."""
    global _installed
    if _installed:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not drops_references():
        return False
    import ctypes  # only on an affected PySide6: ctypes costs start-up time

    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt comes first
        refcount.value = max(refcount.value, _IMMORTAL)
    _installed = True
    return True
