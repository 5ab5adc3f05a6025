"""Press a control through AT-SPI, as a screen-reader or switch user would.

Runs in Debian's ``/usr/bin/python3`` (pyatspi), as a separate process:

    atspi_press.py APP_NAME NAME [ROLE]  -> do the default action of the showing node NAME

Exit 3 when the application is not on the bus, 4 when no such showing node exists.
"""

from __future__ import annotations

import sys
from typing import Any

import pyatspi


def find_app(name: str) -> Any:
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == name:
            return app
    return None


def find(node: Any, name: str, role: str, depth: int = 0) -> Any:
    if node is None or depth > 40:
        return None
    states = node.getState()
    if (
        node.name == name
        and (not role or node.getRoleName() == role)
        and states.contains(pyatspi.STATE_SHOWING)
    ):
        try:
            node.queryAction()
            return node
        except NotImplementedError:
            pass
    for i in range(node.childCount):
        found = find(node.getChildAtIndex(i), name, role, depth + 1)
        if found is not None:
            return found
    return None


def main(argv: list[str]) -> int:
    app = find_app(argv[1])
    if app is None:
        return 3
    target = find(app, argv[2], argv[3] if len(argv) > 3 else "")
    if target is None:
        print(f"no showing control named {argv[2]!r}", file=sys.stderr)
        return 4
    action = target.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    index = next((i for i, n in enumerate(names) if n in ("press", "click", "Press")), 0)
    action.doAction(index)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
