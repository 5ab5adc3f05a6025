"""The one error a guidance pack or practice profile can raise while loading."""

from __future__ import annotations


class PackError(ValueError):
    """A pack (or a practice profile's rules) is not valid.

    The message names the file, the rule id, the field and what was expected, and the line
    where one is known, so a therapist editing a pack can find and fix the problem.
    """

    def __init__(
        self,
        problem: str,
        *,
        file: str = "",
        rule: str = "",
        field: str = "",
        line: int | None = None,
    ) -> None:
        self.problem = problem
        self.file = file
        self.rule = rule
        self.field = field
        self.line = line
        super().__init__(self._render())

    def _render(self) -> str:
        where = self.file or "pack"
        if self.line is not None:
            where += f", line {self.line}"
        parts = [where]
        if self.rule:
            parts.append(f"rule {self.rule!r}")
        if self.field:
            parts.append(f"field {self.field!r}")
        return f"{': '.join(parts)}: {self.problem}"


class NestedTooDeepError(PackError):
    """The TOML nests tables or arrays so deeply that the parser gives up (a hostile file)."""
