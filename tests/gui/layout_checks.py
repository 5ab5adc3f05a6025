"""Checks that a laid-out dialog is readable: nothing clipped, nothing overlapping, every
interactive control named for screen readers."""

from __future__ import annotations

import re

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)


def visible_leaves(root: QWidget) -> list[QWidget]:
    """Visible labels and controls (the things that carry text) under ``root``."""
    return [
        w
        for w in root.findChildren(QWidget)
        if w.isVisibleTo(root)
        and isinstance(w, (QLabel, *INTERACTIVE))
        and w.window() is root
        # The line edit inside a spin box or combo box is part of that control.
        and not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))
    ]


def clipped(root: QWidget) -> list[str]:
    """Widgets narrower or shorter than they need to show their text."""
    problems = []
    for w in visible_leaves(root):
        need = w.minimumSizeHint()
        if isinstance(w, QLabel) and w.wordWrap():
            # A wrapping label needs its height for its current width.
            if w.heightForWidth(w.width()) > w.height() + 1:
                problems.append(f"{w.objectName() or w.text()[:30]!r} cut off at the bottom")
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            need = w.sizeHint()
        if w.width() + 1 < need.width() or w.height() + 1 < need.height():
            name = w.objectName() or getattr(w, "text", lambda: "")()[:30]
            problems.append(f"{type(w).__name__} {name!r}: {w.size().toTuple()} < {need.toTuple()}")
    return problems


def overlapping(root: QWidget) -> list[str]:
    """Pairs of visible sibling controls whose rectangles overlap."""
    problems = []
    leaves = visible_leaves(root)
    for i, a in enumerate(leaves):
        for b in leaves[i + 1 :]:
            if a.parentWidget() is not b.parentWidget():
                continue
            if a.geometry().intersects(b.geometry()):
                problems.append(f"{a.objectName() or a} overlaps {b.objectName() or b}")
    return problems


def unnamed_controls(root: QWidget) -> list[str]:
    """Interactive controls a screen reader would announce without a name (Qt's own
    accessibility interface: explicit names, buddy labels and button texts all count)."""
    problems = []
    for w in visible_leaves(root):
        if not isinstance(w, INTERACTIVE):
            continue
        iface = QAccessible.queryAccessibleInterface(w)
        name = iface.text(QAccessible.Text.Name) if iface is not None else ""
        if not name.replace("&", "").strip():
            problems.append(f"{type(w).__name__} {w.objectName()!r}")
    return problems


def clashing_accelerators(root: QWidget) -> list[str]:
    """Alt+letter shortcuts used by more than one visible label or button."""
    seen: dict[str, str] = {}
    clashes = []
    for w in visible_leaves(root):
        text = w.text() if isinstance(w, (QLabel, QAbstractButton)) else ""
        match = re.search(r"&([^&\s])", text.replace("&&", ""))
        if match is None:
            continue
        key = match.group(1).casefold()
        if key in seen:
            clashes.append(f"Alt+{key}: {seen[key]!r} and {text!r}")
        seen[key] = text
    return clashes
