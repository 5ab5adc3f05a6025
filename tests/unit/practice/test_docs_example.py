"""docs/practice-profiles.md: its complete example is a valid profile that does what it says."""

from __future__ import annotations

import re
from pathlib import Path

from safenote.core.policy import Channel, Severity, build_engine
from safenote.core.practice import load_practice_text, template_text

DOC = Path(__file__).resolve().parents[3] / "docs" / "practice-profiles.md"


def test_the_complete_example_validates() -> None:
    blocks = re.findall(r"```toml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    example = next(block for block in blocks if "[practice]" in block)
    profile = load_practice_text(example, "docs example")
    assert profile.context.accepted_channels == {Channel.PORTAL, Channel.ENCRYPTED, Channel.TEXT}
    assert profile.public_key.startswith("age1")
    engine = build_engine(profile.rules)
    assert "purpose-first" not in {rule.id for rule in engine.rules}
    brief = engine.rule("keep-it-brief")
    assert brief is not None
    assert brief.severity is Severity.CAUTION


def test_the_doc_lists_every_template_setting() -> None:
    doc = DOC.read_text(encoding="utf-8")
    for key in re.findall(r"^#? ?(\w+) = ", template_text(), re.MULTILINE):
        assert f"`{key}`" in doc, key
