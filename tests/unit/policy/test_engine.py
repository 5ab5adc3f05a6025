"""Engine behaviour: context gates, merging, caps, order, fixes, crisis resources, region."""

from __future__ import annotations

import pytest

from safenote.core.policy import (
    Channel,
    Context,
    FixKind,
    HeaderField,
    PracticeContext,
    Relationship,
    Severity,
    load_default_engine,
    load_pack_text,
)
from safenote.core.policy.engine import Engine
from safenote.core.policy.helplines import bundled_helplines, region_from_locale
from safenote.core.policy.identifiers import iban_ok, luhn_ok
from safenote.core.policy.identifiers import scan_identifiers as scan_folded
from safenote.core.policy.matching import fold, is_case_free


def scan_identifiers(text: str) -> list[tuple[int, int]]:
    return scan_folded(fold(text))


def rules_fired(text: str, ctx: Context | None = None) -> set[str]:
    return {f.rule for f in load_default_engine().check(text, ctx or Context(region="US"))}


def test_email_channel_points_at_the_channel_field() -> None:
    (finding,) = [
        f
        for f in load_default_engine().check("See you Tuesday.", Context(channel=Channel.EMAIL))
        if f.rule == "unencrypted-channel"
    ]
    assert finding.field is HeaderField.CHANNEL
    assert finding.severity is Severity.CAUTION
    assert finding.category == "privacy"


def test_cc_list_fires_third_party_copy_on_the_cc_field() -> None:
    findings = load_default_engine().check("See you Tuesday.", Context(cc=("mum@example.org",)))
    assert [(f.rule, f.field) for f in findings if f.rule == "third-party-copy"] == [
        ("third-party-copy", HeaderField.CC)
    ]


def test_text_channel_is_quiet_when_the_practice_accepts_texts() -> None:
    assert "text-message-agreement" in rules_fired("Late, sorry!", Context(channel=Channel.TEXT))
    practice = PracticeContext(accepted_channels=frozenset({Channel.TEXT}))
    ctx = Context(channel=Channel.TEXT, practice=practice)
    assert "text-message-agreement" not in rules_fired("Late, sorry!", ctx)


def test_relationship_gates() -> None:
    text = "Hi, I'm looking for a therapist for anxiety. What should I do?"
    prospective = rules_fired(text, Context(relationship=Relationship.PROSPECTIVE))
    assert {"first-contact-referral", "sign-with-name"} <= prospective
    former = rules_fired(text, Context(relationship=Relationship.FORMER))
    assert "former-therapist-advice" in former
    assert "first-contact-referral" not in former


def test_sign_with_name_uses_the_sender_name_and_offers_a_fix() -> None:
    ctx = Context(channel=Channel.EMAIL, sender_name="Sam Lee")
    text = "Can we move Tuesday's session to 4pm?"
    (finding,) = [f for f in load_default_engine().check(text, ctx) if f.rule == "sign-with-name"]
    (fix,) = finding.fixes
    assert fix.kind is FixKind.CLOSING
    assert fix.text == "\n\nSam Lee"
    assert (fix.start, fix.end) == (len(text), len(text))
    assert "sign-with-name" not in rules_fired(text + "\n\nThanks,\nSam", ctx)
    # With no name set there is nothing concrete to insert, so no fix is offered.
    no_name = load_default_engine().check(text, Context(channel=Channel.EMAIL))
    assert [f.fixes for f in no_name if f.rule == "sign-with-name"] == [()]


def test_replace_fix_targets_the_finding_span() -> None:
    text = "My card is 4111 1111 1111 1111, thanks."
    (finding,) = [f for f in load_default_engine().check(text) if f.rule == "sensitive-identifiers"]
    assert text[finding.start : finding.end] == "4111 1111 1111 1111"
    (fix,) = finding.fixes
    assert (fix.kind, fix.start, fix.end) == (FixKind.REPLACE, finding.start, finding.end)


def test_crisis_finding_carries_region_resources_and_verified_date() -> None:
    text = "I want to die."
    (uk,) = [
        f for f in load_default_engine().check(text, Context(region="GB")) if f.rule == "crisis"
    ]
    assert uk.severity is Severity.URGENT
    assert any("116 123" in r.contact for r in uk.resources)
    assert uk.resources_verified == bundled_helplines().verified_on
    (fr,) = [
        f for f in load_default_engine().check(text, Context(region="FR")) if f.rule == "crisis"
    ]
    assert next(r.contact for r in fr.resources) == "call 112"
    (nowhere,) = [
        f for f in load_default_engine().check(text, Context(region="ZZ")) if f.rule == "crisis"
    ]
    assert any("findahelpline" in r.contact for r in nowhere.resources)


def test_practice_crisis_instructions_come_first() -> None:
    practice = PracticeContext(crisis_instructions="Call 555-0100 in office hours.",
                               practice_name="Riverside")  # fmt: skip
    findings = load_default_engine().check(
        "I want to die.", Context(region="US", practice=practice)
    )
    (crisis,) = [f for f in findings if f.rule == "crisis"]
    assert crisis.resources[0].name == "Riverside"
    assert len(crisis.resources) == 1 + len(bundled_helplines().for_region("US"))


def test_negated_crisis_is_softened_but_keeps_resources() -> None:
    (finding,) = [
        f for f in load_default_engine().check("I'm not suicidal.", Context(region="US"))
        if f.rule == "crisis"
    ]  # fmt: skip
    assert finding.softened
    assert finding.severity is Severity.URGENT
    assert finding.resources
    rule = load_default_engine().rule("crisis")
    assert rule is not None
    assert finding.message != rule.message


@pytest.mark.parametrize(
    ("environ", "region"),
    [
        ({"LANG": "en_GB.UTF-8"}, "GB"),
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}, "FR"),
        ({"LANG": "C.UTF-8"}, ""),
        ({}, ""),
    ],
)
def test_region_from_locale(environ: dict[str, str], region: str) -> None:
    assert region_from_locale(environ) == region


def test_empty_region_defaults_from_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "en_AU.UTF-8")
    (finding,) = [f for f in load_default_engine().check("I want to die.") if f.rule == "crisis"]
    assert any("13 11 14" in r.contact for r in finding.resources)


MERGE_PACK = """
[pack]
id = "t"
version = "1"
locale = "en"
max_findings_per_rule = 3
[[rules]]
id = "overlap"
severity = "info"
message = "m"
why = "w"
source = "s"
checks = [
  { kind = "pattern", patterns = ['abc'] },
  { kind = "pattern", patterns = ['bcd'] },
]
examples = [{ text = "abc", expect = "fire" }, { text = "xyz", expect = "quiet" }]
"""


def test_overlapping_findings_of_one_rule_merge_and_repeats_are_capped() -> None:
    pack = load_pack_text(MERGE_PACK)
    engine = Engine(pack.rules, pack.max_findings_per_rule)
    (merged,) = engine.check("abcd")
    assert (merged.start, merged.end) == (0, 4)
    many = engine.check(" ".join(["abc"] * 10))
    assert [(f.start, f.end) for f in many] == [(0, 3), (4, 7), (8, 11)]


def test_order_is_deterministic_and_header_findings_come_first() -> None:
    text = "Reply ASAP please. My card is 4111 1111 1111 1111."
    ctx = Context(channel=Channel.EMAIL, cc=("a@example.org",), region="US")
    first = load_default_engine().check(text, ctx)
    assert first == load_default_engine().check(text, ctx)
    fields = [f.field is not None for f in first]
    assert fields == sorted(fields, reverse=True)
    body = [f.start for f in first if f.field is None]
    assert body == sorted(body)


def test_length_rules_point_past_the_limit() -> None:
    words = " ".join(f"word{i}" for i in range(450))
    (long,) = [f for f in load_default_engine().check(words) if f.rule == "keep-it-brief"]
    assert words[long.start :].startswith("word400 ")
    practice = PracticeContext(portal_limit=100)
    short = "x" * 150
    (portal,) = [
        f for f in load_default_engine().check(short, Context(practice=practice))
        if f.rule == "keep-it-brief"
    ]  # fmt: skip
    assert (portal.start, portal.end) == (100, 150)
    assert "100" not in portal.message or "{" not in portal.message


def test_blank_draft_gets_no_document_nagging() -> None:
    assert rules_fired("   \n\n ", Context(relationship=Relationship.PROSPECTIVE)) == set()


def test_luhn_and_iban_checks() -> None:
    assert luhn_ok("4111111111111111")
    assert not luhn_ok("4111111111111112")
    assert iban_ok("GB82 WEST 1234 5698 7654 32")
    assert not iban_ok("GB82 WEST 1234 5698 7654 33")
    assert scan_identifiers("ssn: 123456789") == [(5, 14)]
    assert scan_identifiers("0000 0000 0000 0000") == []  # all one digit: a placeholder


@pytest.mark.parametrize(
    ("source", "free"),
    [
        (r"\bcc\s*:", True),
        (r"don\x27t\s+\S+", True),
        (r"\x41bc", False),
        (r"[A-Z]{2}", False),
        (r"(?-i:kms)", False),
        (r"\u0041", False),
        (r"\W\D\S\B", True),
    ],
)
def test_case_free_detection(source: str, free: bool) -> None:
    assert is_case_free(source) is free


def test_upper_case_patterns_still_match_any_case() -> None:
    pack = load_pack_text(MERGE_PACK.replace("['abc']", "['ABC']").replace('"abc"', '"aBc"'))
    engine = Engine(pack.rules)
    assert [f.rule for f in engine.check("xx abc xx")] == ["overlap"]
