"""Crisis phrase families: plain wording kept as data (``resources/crisis/phrases.toml``).

Each family is a phrase list matched by the token matcher (fast, and readable by anyone
reviewing what the detector looks for), with two flags: ``negatable`` (a negation earlier in
the sentence softens the panel) and ``gentle`` (always the softened panel, for wording that
is a warning sign but often innocent). The regex families in :mod:`crisis` handle wording
that needs exceptions ("cut myself shaving").
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from safenote.core import resources
from safenote.core.policy.batch import Batch
from safenote.core.policy.tokens import PhraseMatcher


@dataclass(frozen=True)
class PhraseFamily:
    name: str
    why: str
    negatable: bool
    gentle: bool
    matcher: PhraseMatcher
    fires: tuple[str, ...]  # examples that must raise the panel
    quiet: tuple[str, ...]  # examples that must not

    @property
    def tag(self) -> str:
        """How the detector treats a hit: g(entle), n(egatable) or u(nnegatable)."""
        kind = "g" if self.gentle else "n" if self.negatable else "u"
        return f"{kind}:{self.name}"


@cache
def phrase_families() -> tuple[PhraseFamily, ...]:
    data = tomllib.loads(resources.read_text("crisis", "phrases.toml"))
    return tuple(
        PhraseFamily(
            name=str(raw["name"]),
            why=str(raw["why"]),
            negatable=bool(raw["negatable"]),
            gentle=bool(raw["gentle"]),
            matcher=PhraseMatcher([str(p) for p in raw["phrases"]]),
            fires=tuple(str(t) for t in raw.get("fires", [])),
            quiet=tuple(str(t) for t in raw.get("quiet", [])),
        )
        for raw in data["family"]
    )


def phrase_family_hits(batch: Batch) -> dict[int, list[tuple[int, int, str]]]:
    """Spans of every phrase family in ``batch``, tagged, by paragraph."""
    found: dict[int, list[tuple[int, int, str]]] = {}
    for family in phrase_families():
        for index, spans in batch.phrase_spans(family.matcher).items():
            found.setdefault(index, []).extend((s, e, family.tag) for s, e in spans)
    return found
