"""The default pack loads, and a broken pack is one clear PackError, never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safenote.core.policy import PackError, load_default_engine, load_pack, load_pack_text
from safenote.core.policy.customise import default_pack

GUIDANCE_RULE_IDS = {
    "crisis", "purpose-first", "former-therapist-advice", "third-party-copy",
    "unencrypted-channel", "text-message-agreement", "sensitive-identifiers",
    "first-contact-referral", "sign-with-name", "first-contact-brief", "keep-it-brief",
    "feelings-for-therapist", "dual-relationship", "urgent-reply-expectation", "gift",
    "personal-questions", "monitoring-risk",
}  # fmt: skip

GOOD_RULE = """
[[rules]]
id = "homework"
severity = "info"
message = "Bring the worksheet to your session."
why = "There's time to go through it together."
source = "Our practice."
checks = [{ kind = "phrases", phrases = ["worksheet"] }]
examples = [
  { text = "I finished the worksheet.", expect = "fire" },
  { text = "See you Monday.", expect = "quiet" },
]
"""
HEADER = '[pack]\nid = "test"\nversion = "1"\nlocale = "en"\n'


def pack_with(rule: str = GOOD_RULE) -> str:
    return HEADER + rule


def test_default_pack_has_every_guidance_rule_with_examples() -> None:
    pack = default_pack()
    ids = {rule.id for rule in pack.rules}
    assert ids == GUIDANCE_RULE_IDS
    for rule in pack.rules:
        assert rule.message.strip()
        assert rule.why.strip()
        assert rule.source.strip()
        assert any(e.fires for e in rule.examples), rule.id
        assert any(not e.fires for e in rule.examples), rule.id


def test_default_engine_is_cached() -> None:
    assert load_default_engine() is load_default_engine()


def test_a_good_pack_loads() -> None:
    pack = load_pack_text(pack_with(), "mine.toml")
    assert [r.id for r in pack.rules] == ["homework"]
    assert pack.id == "test"


def _error(source: str) -> PackError:
    with pytest.raises(PackError) as caught:
        load_pack_text(source, "mine.toml")
    return caught.value


@pytest.mark.parametrize(
    ("change", "field", "expected"),
    [
        (("severity = \"info\"", "severity = \"loud\""), "severity", "not a severity"),
        (("why =", "wy ="), "wy", "unknown field"),
        (('kind = "phrases"', 'kind = "vibes"'), "checks[0].kind", "not a check kind"),
        (('phrases = ["worksheet"]', "phrases = []"), "checks[0].phrases", "non-empty list"),
        (('phrases = ["worksheet"]', "phrases = [3]"), "checks[0].phrases", "strings"),
        (('message = "Bring', 'message = 5\nx = "'), "", "unknown field"),
        (('"I finished the worksheet."', '"I finished the form."'), "examples[0]",
         "should fire but did not"),
        (('"See you Monday."', '"Worksheet done."'), "examples[1]", "should stay quiet"),
        (('expect = "quiet"', 'expect = "maybe"'), "examples[1].expect", "fire"),
        (('{ kind = "phrases", phrases = ["worksheet"] }',
          "{ kind = \"pattern\", patterns = ['work(sheet'] }"),
         "checks[0].patterns", "bad regular expression"),
        (('{ kind = "phrases", phrases = ["worksheet"] }',
          "{ kind = \"pattern\", patterns = ['x*'] }"), "checks[0].patterns", "matches empty"),
        (('{ kind = "phrases", phrases = ["worksheet"] }',
          '{ kind = "detector", detector = "mood" }'), "checks[0].detector", "not a detector"),
        (("checks = [", 'when = { channel = ["fax"] }\nchecks = ['), "when.channel", "among"),
        (('message = "Bring the worksheet to your session."', 'message = "Hi {nickname}"'),
         "message", "unknown placeholder"),
    ],
)  # fmt: skip
def test_each_mistake_names_file_rule_field_and_expectation(
    change: tuple[str, str], field: str, expected: str
) -> None:
    source = pack_with(GOOD_RULE.replace(*change))
    err = _error(source)
    text = str(err)
    assert text.startswith("mine.toml")
    assert expected in text
    if field:
        assert err.field == field
        assert repr(field) in text
    assert err.rule == "homework"
    assert err.line is not None
    assert f"line {err.line}" in text
    # The line points into the rule (the field's own line where it can be found).
    assert 7 <= err.line <= 7 + GOOD_RULE.count("\n") + 1


def test_line_numbers_point_at_the_field() -> None:
    err = _error(pack_with(GOOD_RULE.replace('severity = "info"', 'severity = "loud"')))
    assert err.line == 8
    err = _error(pack_with(GOOD_RULE.replace('"See you Monday."', '"Worksheet done."')))
    assert err.line == 7  # examples are one array; the rule's id line is the best anchor


def test_toml_syntax_error_has_a_line_number() -> None:
    err = _error(HEADER + "[[rules]]\nid = 'x\n")
    assert err.line == 7
    err = _error(HEADER + "[[rules]]\nid = = 'x'\nwhy = 1\n")
    assert err.line == 6
    assert "not valid TOML" in str(err)


def test_duplicate_ids_and_bad_ids_are_rejected() -> None:
    assert "more than one rule" in str(_error(pack_with(GOOD_RULE + GOOD_RULE)))
    assert "lower-case words" in str(
        _error(pack_with(GOOD_RULE.replace('"homework"', '"Home Work"')))
    )


def test_rules_need_both_kinds_of_example() -> None:
    source = pack_with(GOOD_RULE.replace('  { text = "See you Monday.", expect = "quiet" },\n', ""))
    assert 'one with expect = "quiet"' in str(_error(source))


def test_missing_pack_header_and_file_problems(tmp_path: Path) -> None:
    assert "'pack'" in str(_error(GOOD_RULE))
    missing = tmp_path / "nope.toml"
    with pytest.raises(PackError, match="cannot read"):
        load_pack(missing)
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(PackError, match="UTF-8"):
        load_pack(binary)
    good = tmp_path / "good.toml"
    good.write_text(pack_with(), encoding="utf-8")
    assert load_pack(good).rules[0].id == "homework"


# Arbitrary edits of a valid pack: whatever a therapist types, the loader either accepts the
# pack or raises PackError, never anything else.
@settings(max_examples=150, deadline=None)
@given(
    position=st.integers(min_value=0, max_value=len(pack_with())),
    cut=st.integers(min_value=0, max_value=40),
    insert=st.text(alphabet=st.sampled_from(list("[]{}=\"',.\n x1kd-_\\(*")), max_size=8),
)
def test_mangled_packs_only_ever_raise_pack_error(position: int, cut: int, insert: str) -> None:
    source = pack_with()
    mangled = source[:position] + insert + source[position + cut :]
    raised: PackError | None = None
    try:
        load_pack_text(mangled, "mine.toml")
    except PackError as err:
        raised = err
    assert raised is None or re.match(r"mine\.toml", str(raised))


@pytest.mark.parametrize(
    "nested", ["x = " + "[" * 5000 + "]" * 5000, "x = " + "{a=" * 5000 + "1" + "}" * 5000]
)
def test_absurdly_nested_toml_is_a_pack_error_not_a_traceback(nested: str) -> None:
    with pytest.raises(PackError, match="nested too deeply"):
        load_pack_text(nested, "deep.toml")
