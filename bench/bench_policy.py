"""Speed of the guidance engine, as ratios against baselines measured in the same run.

Run: .venv/bin/python bench/bench_policy.py

For drafts of 1,000 and 10,000 words this measures (medians of repeats):
  * a full check (``Engine.check``);
  * an incremental re-check after one keystroke (``IncrementalChecker.update``), typing
    into a paragraph in the middle of the draft, a new character each time;
  * proselint's in-process check of the same text (a peer linter: the baseline);
  * one combined regex (every phrase and pattern of the default pack as one alternation)
    run once over the whole lower-cased text without IGNORECASE: near the floor for any
    regex-based checker (it does no crisis logic, no context and no paragraph caching).
Goals (issue 3): full check >= 10x faster than proselint at 10,000 words; keystroke at
10,000 words under 2 ms and under 5% of a full check.
"""

from __future__ import annotations

import random
import re
import statistics
import time
import tomllib
from collections.abc import Callable
from functools import partial

from safenote.core import resources
from safenote.core.policy import Channel, Context, IncrementalChecker, load_default_engine
from safenote.core.policy.matching import fold
from safenote.core.policy.phrases import compile_phrases

SENTENCES = [
    "I tried the breathing exercise before the meeting and it helped a little.",
    "My sister called again on Sunday and we ended up arguing about Mum.",
    "Work has been busy, and I notice I check my email in bed again.",
    "I slept badly on Tuesday and Wednesday but better at the weekend.",
    "I keep replaying what my manager said in the corridor.",
    "The thought record was hard to finish, but I did three columns.",
    "I went for a walk at lunch like we planned, twice this week.",
    "Could we talk about the holiday plans in our next session?",
    "I felt my chest tighten in the supermarket queue and used the counting.",
    "My partner has been supportive, though he doesn't really get it.",
    "I said no to an extra shift and nothing terrible happened.",
    "This traffic is killing me, so I might be a few minutes late on Thursday.",
    "I noticed the old thought that everyone is disappointed in me.",
    "I wrote in my journal every evening except Friday.",
    "Please let me know if the 4pm slot is still free next week.",
    "It was my grandmother's birthday, which was harder than I expected.",
]


def make_draft(words: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        paragraph = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(4, 7)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "Hi, an update before our session.\n\n" + "\n\n".join(paragraphs) + "\n\nThanks,\nSam"


def interleaved_medians(
    runners: dict[str, tuple[Callable[[], object], int]], rounds: int, peer_every: int
) -> dict[str, float]:
    """Median ms per call of each runner, measured round-robin (``peer`` every few rounds,
    it is slow); each runner does ``count`` timed calls per round."""
    samples: dict[str, list[float]] = {name: [] for name in runners}
    for fn, _ in runners.values():
        fn()  # warm up (imports, caches, compiled regexes)
    for round_index in range(rounds):
        for name, (fn, count) in runners.items():
            if name == "peer" and round_index % peer_every:
                continue
            for _ in range(count):
                start = time.perf_counter()
                fn()
                samples[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in samples.items()}


def combined_regex() -> re.Pattern[str]:
    """Every phrase list and pattern in the default pack, as one alternation."""
    data = tomllib.loads(resources.read_text("packs", "default.toml"))
    sources: list[str] = []
    for rule in data["rules"]:
        for check in rule["checks"]:
            if "phrases" in check:
                sources.append(
                    compile_phrases(check["phrases"], check.get("inflect", True)).pattern
                )
            sources.extend(check.get("patterns", []))
    return re.compile("|".join(f"(?:{s})" for s in sources))


def proselint_runner() -> Callable[[str], object] | None:
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    registry = CheckRegistry()
    if not registry.checks:
        registry.register_many(__register__)

    def lint(text: str) -> object:
        return LintFile("<bench>", text).lint()

    return lint


class Typist:
    """Types a new letter into the middle of a paragraph, re-checking after each one."""

    def __init__(self, text: str, ctx: Context) -> None:
        self.checker = IncrementalChecker(load_default_engine(), ctx)
        self.checker.update(text)
        self.text = text
        self.pos = len(text) // 2
        while self.text[self.pos] == "\n":  # not on a blank line between paragraphs
            self.pos += 1
        self.count = 0

    def keystroke(self) -> object:
        letter = "abcdefghij"[self.count % 10]
        self.text = self.text[: self.pos] + letter + self.text[self.pos :]
        self.pos += 1
        self.count += 1
        return self.checker.update(self.text)


def main() -> None:
    engine = load_default_engine()
    ctx = Context(channel=Channel.PORTAL, region="US", sender_name="Sam")
    lint = proselint_runner()
    pattern = combined_regex()
    print("guidance engine benchmark (medians, ms; ratios computed within this run)")
    for words in (1_000, 10_000):
        text = make_draft(words)
        repeats = 30 if words <= 1_000 else 21

        def full_check(text: str = text) -> object:
            return engine.check(text, ctx)

        def floor_pass(text: str = text) -> object:
            return list(pattern.finditer(fold(text).folded))

        typist = Typist(text, ctx)
        runners: dict[str, tuple[Callable[[], object], int]] = {
            "full": (full_check, 1),
            "keystroke": (typist.keystroke, 10),
            "floor": (floor_pass, 1),
        }
        if lint is not None:
            runners["peer"] = (partial(lint, text), 1)
        # Interleaved rounds: load from other jobs on the machine hits every measure alike,
        # so the ratios stay meaningful even when the absolute figures drift.
        medians = interleaved_medians(runners, repeats, peer_every=3)
        full, keystroke, floor = medians["full"], medians["keystroke"], medians["floor"]
        print(f"\n{len(text.split()):,} words ({len(text):,} characters)")
        print(f"  full check            {full:8.2f} ms")
        share = keystroke / full
        print(f"  keystroke (incr.)     {keystroke:8.3f} ms = {share:.1%} of a full check")
        print(f"  combined regex floor  {floor:8.2f} ms   full check = {full / floor:.2f}x it")
        if lint is not None:
            peer = medians["peer"]
            speedup = peer / full
            print(f"  proselint (peer)      {peer:8.2f} ms   full check is {speedup:.1f}x faster")
        else:
            print("  proselint (peer)      not installed")
    print("\nGoals: full check >= 10x faster than proselint at 10,000 words; keystroke at")
    print("10,000 words < 2 ms and < 5% of a full check.")


if __name__ == "__main__":
    main()
