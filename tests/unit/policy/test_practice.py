"""Practice profiles: strictly validated, and unable to switch off safety or privacy rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from safenote.core.policy import Channel, Context, Severity, build_engine
from safenote.core.practice import PracticeError, load_practice, load_practice_text

PROFILE = """
[practice]
name = "Riverside Counselling"
therapist = "Dr. Ana Ruiz"
region = "gb"
response_time = "two business days"
crisis_instructions = "In office hours call 01234 567890."
portal_limit = 1000

[channels]
accepted = ["portal", "text"]
notes = { text = "Scheduling only, please." }

[overrides.keep-it-brief]
severity = "caution"
message = "Long messages wait for the session at Riverside."

[overrides.purpose-first]
enabled = false

[[rules]]
id = "homework-upload"
severity = "info"
message = "Upload worksheets on the portal's Documents page instead."
why = "Attachments in messages get lost."
source = "Riverside policy"
checks = [{ kind = "phrases", phrases = ["attached the worksheet", "attaching the worksheet"] }]
examples = [
  { text = "I've attached the worksheet.", expect = "fire" },
  { text = "See you Monday.", expect = "quiet" },
]
"""


def test_a_full_profile_loads_into_context_and_rules() -> None:
    profile = load_practice_text(PROFILE, "riverside.toml")
    ctx = profile.context
    assert ctx.practice_name == "Riverside Counselling"
    assert ctx.therapist_name == "Dr. Ana Ruiz"
    assert ctx.accepted_channels == frozenset({Channel.PORTAL, Channel.TEXT})
    assert ctx.channel_notes == ((Channel.TEXT, "Scheduling only, please."),)
    assert ctx.portal_limit == 1000
    assert profile.region == "GB"
    engine = build_engine(profile.rules)
    ids = [r.id for r in engine.rules]
    assert "purpose-first" not in ids
    assert "homework-upload" in ids
    brief = engine.rule("keep-it-brief")
    assert brief is not None
    assert brief.severity is Severity.CAUTION
    assert brief.message.startswith("Long messages wait")


def test_profile_personalises_messages_and_channels() -> None:
    profile = load_practice_text(PROFILE, "riverside.toml")
    engine = build_engine(profile.rules)
    ctx = Context(channel=Channel.TEXT, practice=profile.context, region="GB")
    findings = engine.check("Reply ASAP please, I've attached the worksheet.", ctx)
    rules = {f.rule: f for f in findings}
    assert "text-message-agreement" not in rules  # texts are accepted here
    assert "two business days" in rules["urgent-reply-expectation"].message
    assert "homework-upload" in rules


@pytest.mark.parametrize("rule_id", ["crisis", "unencrypted-channel", "third-party-copy",
                                     "sensitive-identifiers"])  # fmt: skip
def test_safety_and_privacy_rules_cannot_be_switched_off(rule_id: str) -> None:
    source = f"[overrides.{rule_id}]\nenabled = false\n"
    with pytest.raises(PracticeError, match=r"cannot be turned off|stays on") as caught:
        load_practice_text(source, "p.toml")
    assert caught.value.rule == rule_id


@pytest.mark.parametrize(
    ("source", "field", "fragment"),
    [
        ("[practice]\nnmae = 'x'\n", "practice.nmae", "unknown field"),
        ("[pracitce]\n", "pracitce", "unknown field"),
        ("[practice]\nportal_limit = 'lots'\n", "practice.portal_limit", "whole number"),
        ("[practice]\nportal_limit = 0\n", "practice.portal_limit", "above 0"),
        ("[practice]\nregion = 'England'\n", "practice.region", "two-letter"),
        ("[channels]\naccepted = ['fax']\n", "channels.accepted", "among"),
        ("[channels]\nnotes = { pigeon = 'x' }\n", "channels.notes.pigeon", "unknown channel"),
        (
            "[overrides.gift]\nseverity = 'info'\ncolour = 'red'\n",
            "overrides.gift.colour",
            "unknown",
        ),
        ("[overrides.nonsense]\nmessage = 'x'\n", "overrides", "no default rule"),
        ("[overrides]\ngift = 3\n", "overrides.gift", "expected a table"),
    ],
)
def test_mistakes_name_the_field(source: str, field: str, fragment: str) -> None:
    with pytest.raises(PracticeError) as caught:
        load_practice_text(source, "p.toml")
    assert caught.value.field == field
    assert fragment in str(caught.value)
    assert str(caught.value).startswith("p.toml")


def test_severity_can_rise_but_not_fall() -> None:
    load_practice_text("[overrides.gift]\nseverity = 'caution'\n", "p.toml")
    with pytest.raises(PracticeError, match=r"raise a rule's severity but not lower"):
        load_practice_text("[overrides.third-party-copy]\nseverity = 'info'\n", "p.toml")


def test_extra_rules_are_validated_like_a_pack() -> None:
    bad = PROFILE.replace('"attached the worksheet", ', "")
    with pytest.raises(PracticeError, match="should fire but did not"):
        load_practice_text(bad, "p.toml")
    clash = "[[rules]]\n" + PROFILE.split("[[rules]]")[1].replace("homework-upload", "gift")
    with pytest.raises(PracticeError, match="already has this id"):
        load_practice_text(clash, "p.toml")


def test_files(tmp_path: Path) -> None:
    path = tmp_path / "riverside.toml"
    path.write_text(PROFILE, encoding="utf-8")
    assert load_practice(path).context.practice_name == "Riverside Counselling"
    with pytest.raises(PracticeError, match="cannot read"):
        load_practice(tmp_path / "missing.toml")
    (tmp_path / "bad.toml").write_bytes(b"\xff\xfe")
    with pytest.raises(PracticeError, match="UTF-8"):
        load_practice(tmp_path / "bad.toml")
    with pytest.raises(PracticeError, match="not valid TOML"):
        load_practice_text("[practice\n", "p.toml")


def test_the_worked_example_in_the_docs_loads_and_behaves() -> None:
    doc = (Path(__file__).resolve().parents[3] / "docs" / "guidance-packs.md").read_text(
        encoding="utf-8"
    )
    example = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    profile = load_practice_text(example, "riverside.toml")
    engine = build_engine(profile.rules)
    ctx = Context(practice=profile.context, region="GB")
    fired = {f.rule for f in engine.check("I've attached the worksheet from Tuesday.", ctx)}
    assert "homework-upload" in fired
    assert "purpose-first" not in {r.id for r in engine.rules}
