"""Architecture guards: core stays free of Qt, and nothing in SafeNote talks to a network."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import safenote

SRC = Path(safenote.__file__).resolve().parent
NETWORK_MODULES = {
    "socket",
    "ssl",
    "urllib",
    "http",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "telnetlib",
    "xmlrpc",
    "requests",
    "httpx",
    "aiohttp",
    "websocket",
    "websockets",
}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_core_imports_no_qt_in_a_fresh_interpreter() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import safenote.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'safenote.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "qt = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(len([n for n in sys.modules if n.startswith('safenote.core')]))\n"
        "sys.exit(', '.join(qt) if qt else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 4  # the walk really imported core's modules


def test_core_source_has_no_qt_import() -> None:
    for path in (SRC / "core").rglob("*.py"):
        assert not imported_roots(path) & {"PySide6", "shiboken6"}, path


def test_no_network_modules_anywhere_in_safenote() -> None:
    files = list(SRC.rglob("*.py"))
    assert len(files) > 10
    for path in files:
        assert not imported_roots(path) & NETWORK_MODULES, path
