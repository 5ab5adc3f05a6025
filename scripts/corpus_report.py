"""Precision and recall of every guidance rule on the labelled corpus in tests/corpus/.

Usage: .venv/bin/python scripts/corpus_report.py [--misses] [--holdout] [--crisis] [PATH ...]

Each corpus line is a JSON object: ``id``, ``text``, ``context`` (relationship, channel,
subject, cc, sender_name, region, accepted_channels, portal_limit), ``expect`` (the rule ids
a careful reader expects to fire) and ``tags`` (e.g. ``idiom``). The messages are written
by the team, not collected from anyone. ``tests/unit/policy/test_corpus.py`` holds the
figures this prints to the project's targets.

``--holdout`` scores ``tests/corpus/holdout/`` instead: messages written after the rules
were tuned and never used to change them (nor by the tests), so its figures estimate how
the rules do on messages they have not seen. Don't tune rules against it; write a new
held-out set instead, and move the old one into the main corpus.

``--crisis`` prints one line per file on the crisis detector: how many crisis messages it
found (and how many only with the gentle, softened panel), false alarms on the rest (and
how many with the full panel), and idiom false alarms; with ``--misses``, the ids behind
the misses and false alarms. PATHs (files or folders of ``*.jsonl``) replace the corpus,
e.g. a sealed set kept outside the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from safenote.core.policy import (
    Channel,
    Context,
    Engine,
    PracticeContext,
    Relationship,
    load_default_engine,
)

CORPUS_DIR = Path(__file__).resolve().parent.parent / "tests" / "corpus"
HOLDOUT_DIR = CORPUS_DIR / "holdout"


@dataclass(frozen=True)
class Entry:
    id: str
    text: str
    context: Context
    expect: frozenset[str]
    tags: frozenset[str]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_ids: list[str] = field(default_factory=list)
    missed_ids: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _context(raw: dict[str, Any]) -> Context:
    practice = None
    if "accepted_channels" in raw or "portal_limit" in raw:
        practice = PracticeContext(
            accepted_channels=frozenset(Channel(c) for c in raw.get("accepted_channels", [])),
            portal_limit=raw.get("portal_limit"),
        )
    return Context(
        relationship=Relationship(raw.get("relationship", "current")),
        channel=Channel(raw.get("channel", "portal")),
        subject=raw.get("subject", ""),
        cc=tuple(raw.get("cc", [])),
        sender_name=raw.get("sender_name", ""),
        region=raw.get("region", "US"),
        practice=practice,
    )


def _entries(path: Path) -> list[Entry]:
    entries: list[Entry] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        entries.append(
            Entry(
                id=raw["id"],
                text=raw["text"],
                context=_context(raw.get("context", {})),
                expect=frozenset(raw["expect"]),
                tags=frozenset(raw.get("tags", [])),
            )
        )
    return entries


def load_corpus(directory: Path = CORPUS_DIR) -> list[Entry]:
    return [entry for path in sorted(directory.glob("*.jsonl")) for entry in _entries(path)]


def score(entries: Iterable[Entry], engine: Engine | None = None) -> dict[str, Score]:
    engine = engine or load_default_engine()
    scores = {rule.id: Score() for rule in engine.rules}
    for entry in entries:
        fired = {f.rule for f in engine.check(entry.text, entry.context)}
        for rule_id, result in scores.items():
            if rule_id in fired and rule_id in entry.expect:
                result.tp += 1
            elif rule_id in fired:
                result.fp += 1
                result.false_ids.append(entry.id)
            elif rule_id in entry.expect:
                result.fn += 1
                result.missed_ids.append(entry.id)
    return scores


def idiom_false_alarms(entries: Iterable[Entry], engine: Engine | None = None) -> list[str]:
    engine = engine or load_default_engine()
    return [
        e.id
        for e in entries
        if "idiom" in e.tags and any(f.rule == "crisis" for f in engine.check(e.text, e.context))
    ]


def crisis_summary(path: Path, engine: Engine | None = None, misses: bool = False) -> str:
    """One line on the crisis detector for one corpus file: recall and false alarms, each
    split into the full panel and the gentle (softened) one, and idiom false alarms. With
    ``misses``, a second line names the missed messages and the false alarms."""
    engine = engine or load_default_engine()
    found = gentle = missed = alarms = loud = idioms = idiom_alarms = negatives = 0
    missed_ids: list[str] = []
    alarm_ids: list[str] = []
    for entry in _entries(path):
        hits = [f for f in engine.check(entry.text, entry.context) if f.rule == "crisis"]
        full = any(not f.softened for f in hits)
        if "crisis" in entry.expect:
            found += bool(hits)
            gentle += bool(hits) and not full
            missed += not hits
            if not hits:
                missed_ids.append(entry.id)
        else:
            negatives += 1
            alarms += bool(hits)
            loud += full
            if hits:
                alarm_ids.append(f"{entry.id}({'full' if full else 'gentle'})")
        if "idiom" in entry.tags:
            idioms += 1
            idiom_alarms += bool(hits)
    line = (
        f"{path.name}: crisis found {found}/{found + missed} ({gentle} with the gentle panel); "
        f"false alarms {alarms}/{negatives} ({loud} full panel); idioms {idiom_alarms}/{idioms}"
    )
    if misses:
        line += f"\n  missed: {' '.join(missed_ids)}\n  false alarms: {' '.join(alarm_ids)}"
    return line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the ids behind each miss")
    parser.add_argument("--holdout", action="store_true", help="score the held-out set")
    parser.add_argument(
        "--crisis", action="store_true", help="one crisis summary line per corpus file"
    )
    parser.add_argument("paths", nargs="*", type=Path, help="corpus files or folders instead")
    args = parser.parse_args(argv)
    directory = HOLDOUT_DIR if args.holdout else CORPUS_DIR
    files = sorted(
        file
        for path in (args.paths or [directory])
        for file in (sorted(path.glob("*.jsonl")) if path.is_dir() else [path])
    )
    if args.crisis:
        engine = load_default_engine()
        for path in files:
            print(crisis_summary(path, engine, args.misses))
        return 0
    entries = [entry for path in files for entry in _entries(path)]
    scores = score(entries)
    where = directory if not args.paths else " ".join(map(str, args.paths))
    print(f"{len(entries)} labelled messages in {where}")
    print(
        f"{'rule':28} {'expected':>8} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>7}"
    )
    for rule_id, s in scores.items():
        print(
            f"{rule_id:28} {s.tp + s.fn:8d} {s.tp:4d} {s.fp:4d} {s.fn:4d} "
            f"{s.precision:10.2f} {s.recall:7.2f}"
        )
        if args.misses and (s.false_ids or s.missed_ids):
            print(f"{'':30}false: {' '.join(s.false_ids)}  missed: {' '.join(s.missed_ids)}")
    alarms = idiom_false_alarms(entries)
    idioms = sum("idiom" in e.tags for e in entries)
    print(f"idiom false alarms (crisis on {idioms} idioms): {len(alarms)} {' '.join(alarms)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
