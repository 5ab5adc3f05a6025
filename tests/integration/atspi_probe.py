"""What a screen reader sees: list or drive an application's AT-SPI tree.

Runs in Debian's ``/usr/bin/python3`` (pyatspi is a Debian package), as a separate process,
while the application under test keeps its Qt event loop turning.

    atspi_probe.py dump APP_NAME            -> JSON list of nodes on stdout
    atspi_probe.py type APP_NAME NAME TEXT  -> insert TEXT into the editable node named NAME

Exit 3 when the application is not on the bus (yet); the caller retries.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pyatspi

INTERACTIVE_ROLES = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "entry",
    "password text",
    "spin button",
    "slider",
    "list",
    "list item",
    "page tab",
    "menu item",
    "tree",
    "table",
    "link",
}


def find_app(name: str) -> Any:
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == name:
            return app
    return None


def walk(node: Any, path: str, out: list[dict[str, Any]], depth: int = 0) -> None:
    if node is None or depth > 40:
        return
    states = node.getState()
    entry: dict[str, Any] = {
        "path": path,
        "role": node.getRoleName(),
        "name": node.name or "",
        "description": node.description or "",
        "showing": states.contains(pyatspi.STATE_SHOWING),
        "focusable": states.contains(pyatspi.STATE_FOCUSABLE),
        "interactive": node.getRoleName() in INTERACTIVE_ROLES,
    }
    try:
        text = node.queryText()
        entry["text"] = text.getText(0, -1)
    except NotImplementedError:
        pass
    out.append(entry)
    for i in range(node.childCount):
        walk(node.getChildAtIndex(i), f"{path}/{i}", out, depth + 1)


def main(argv: list[str]) -> int:
    command, app_name = argv[1], argv[2]
    app = find_app(app_name)
    if app is None:
        return 3
    nodes: list[dict[str, Any]] = []
    walk(app, "0", nodes)
    if command == "dump":
        json.dump(nodes, sys.stdout)
        return 0
    if command == "type":
        target_name, text = argv[3], argv[4]

        def visit(node: Any) -> Any:
            if node is None:
                return None
            if node.name == target_name:
                try:
                    node.queryEditableText()
                    return node
                except NotImplementedError:
                    pass
            for i in range(node.childCount):
                found = visit(node.getChildAtIndex(i))
                if found is not None:
                    return found
            return None

        target = visit(app)
        if target is None:
            print(f"no editable node named {target_name!r}", file=sys.stderr)
            return 4
        editable = target.queryEditableText()
        editable.insertText(
            editable.characterCount if hasattr(editable, "characterCount") else 0, text, len(text)
        )
        return 0
    print(f"unknown command {command!r}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
