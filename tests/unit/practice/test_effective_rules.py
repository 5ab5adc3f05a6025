"""The effective rules list: every default and practice rule, labelled with its origin."""

from __future__ import annotations

from safenote.core.policy import Severity, load_default_engine
from safenote.core.practice import Origin, client_wording, effective_rules, load_practice_text
from tests.unit.practice.profiles import FULL

CHANGES = """
[overrides.keep-it-brief]
severity = "caution"
[overrides.purpose-first]
enabled = false
[overrides.crisis]
message = "Please call 999 or Samaritans on 116 123 if you are not safe."

[[rules]]
id = "homework-upload"
severity = "info"
message = "Upload worksheets on {practice_name}'s portal instead."
why = "Attachments get lost."
source = "Riverside policy"
checks = [{ kind = "phrases", phrases = ["attached the worksheet"] }]
examples = [
  { text = "I attached the worksheet.", expect = "fire" },
  { text = "See you Monday.", expect = "quiet" },
]
"""


def test_without_a_profile_every_rule_is_a_default() -> None:
    rules = effective_rules(None)
    assert [r.rule.id for r in rules] == [r.id for r in load_default_engine().rules]
    assert {r.origin for r in rules} == {Origin.DEFAULT}


def test_origins_follow_the_profile() -> None:
    profile = load_practice_text(FULL + CHANGES)
    origins = {r.rule.id: r.origin for r in effective_rules(profile)}
    assert origins["keep-it-brief"] is Origin.CHANGED
    assert origins["crisis"] is Origin.CHANGED
    assert origins["purpose-first"] is Origin.OFF
    assert origins["homework-upload"] is Origin.PRACTICE
    assert origins["gift"] is Origin.DEFAULT
    assert len(origins) == len(load_default_engine().rules) + 1


def test_a_reworded_crisis_rule_stays_urgent() -> None:
    profile = load_practice_text(FULL + CHANGES)
    crisis = next(r.rule for r in effective_rules(profile) if r.rule.id == "crisis")
    assert crisis.severity is Severity.URGENT
    assert crisis.message.startswith("Please call 999")


def test_client_wording_fills_in_the_practice() -> None:
    profile = load_practice_text(FULL)
    assert client_wording("{therapist_name} replies in {response_time}.", profile) == (
        "Dr. Ana Ruiz replies in two business days."
    )
    assert client_wording("{therapist_name}", None) == "your therapist"
