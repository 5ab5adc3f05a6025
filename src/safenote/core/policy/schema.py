"""Reading TOML tables strictly: every problem becomes a PackError naming where it is.

Shared by the pack loader and the practice-profile loader.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from typing import Any

from safenote.core.policy.errors import NestedTooDeepError, PackError

_TOML_LINE = re.compile(r"at line (\d+)")


class TableReader:
    """Reads one table, remembering where it is for error messages."""

    def __init__(self, table: dict[str, Any], where: Where, prefix: str = "") -> None:
        self.table = table
        self.where = where
        self.prefix = prefix

    def fail(self, field: str, problem: str) -> PackError:
        return self.where.error(problem, field=(self.prefix + field).rstrip("."))

    def only(self, allowed: set[str]) -> None:
        for key in self.table:
            if key not in allowed:
                raise self.fail(key, f"unknown field; expected one of {', '.join(sorted(allowed))}")

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
        if key not in self.table:
            if default is None:
                raise self.fail(key, "is missing")
            return default
        value = self.table[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            names = (
                kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            )
            raise self.fail(key, f"expected {_friendly(names)}, got {type(value).__name__}")
        return value

    def text(self, key: str, default: str | None = None) -> str:
        value: str = self.get(key, str, default)
        if default is None and not value.strip():
            raise self.fail(key, "must not be empty")
        return value

    def strings(self, key: str, default: list[str] | None = None) -> list[str]:
        values: list[Any] = self.get(key, list, default)
        if default is None and not values:
            raise self.fail(key, "expected a non-empty list of strings")
        for value in values:
            if not isinstance(value, str) or not value.strip():
                raise self.fail(key, "expected a list of non-empty strings")
        return values

    def choice(
        self, key: str, choices: Callable[[str], Any], label: str, default: str | None = None
    ) -> Any:
        value = self.text(key, default)
        try:
            return choices(value)
        except ValueError:
            raise self.fail(key, f"{value!r} is not {label}") from None


def _friendly(name: str) -> str:
    return {
        "str": "text",
        "int": "a whole number",
        "bool": "true or false",
        "list": "a list",
        "dict": "a table",
    }.get(name, name)


class Where:
    def __init__(self, file: str, source: str) -> None:
        self.file = file
        self.lines = source.splitlines()
        self.rule = ""
        self.line: int | None = None

    def at_rule(self, rule_id: str) -> None:
        self.rule = rule_id
        needle = re.compile(r'^\s*id\s*=\s*["\']' + re.escape(rule_id) + r'["\']')
        self.line = next((n for n, line in enumerate(self.lines, 1) if needle.match(line)), None)

    def error(self, problem: str, field: str = "") -> PackError:
        return PackError(
            problem, file=self.file, rule=self.rule, field=field, line=self.field_line(field)
        )

    def field_line(self, field: str) -> int | None:
        """The line of ``field``'s last key inside the current rule, else the rule's line."""
        if self.line is None or not field:
            return self.line
        key = re.split(r"[.\[]", field.rstrip("."))[-1]
        needle = re.compile(r"(?:^|[{,\s])" + re.escape(key) + r"\s*=")
        for number in range(self.line, len(self.lines) + 1):
            line = self.lines[number - 1]
            if number > self.line and line.strip().startswith("[[rules]]"):
                break
            if needle.search(line):
                return number
        return self.line


def parse_toml(source: str, file: str) -> dict[str, Any]:
    try:
        return tomllib.loads(source)
    except tomllib.TOMLDecodeError as err:
        found = _TOML_LINE.search(str(err))
        line = int(found.group(1)) if found else None
        if line is None and "end of document" in str(err):
            line = source.count("\n") + 1
        raise PackError(f"not valid TOML ({err})", file=file, line=line) from None
    except RecursionError:  # tomllib recurses once per level of [[[...]]] or {a={...}}
        raise NestedTooDeepError(
            "nested too deeply to be a guidance pack (tables or arrays inside each other "
            "hundreds of levels down); check the file is the pack you meant",
            file=file,
        ) from None
