"""The default engine, and layering a practice's rules on top of the default pack.

A practice may add rules, reword any rule, raise a rule's severity, and switch off style
rules. It may never switch off ``crisis`` or the privacy rules, nor lower a severity:
a therapist's pack can make guidance more careful, never less.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from safenote.core import resources
from safenote.core.policy.crisis_concept_rules import concepts
from safenote.core.policy.crisis_phrases import phrase_families
from safenote.core.policy.engine import Engine
from safenote.core.policy.errors import PackError
from safenote.core.policy.loader import load_pack_text
from safenote.core.policy.rules import PROTECTED_RULES, Pack, Rule, RuleOverride

DEFAULT_PACK = ("packs", "default.toml")


@dataclass(frozen=True)
class PracticeRules:
    """A practice's additions and changes to the default pack."""

    extra: tuple[Rule, ...] = ()
    overrides: dict[str, RuleOverride] = field(default_factory=dict)
    file: str = ""


@cache
def default_pack() -> Pack:
    # The pack's crisis examples build the crisis data (concepts, phrase families) anyway.
    # Built first, the build's short-lived garbage is freed before the pack's parse tree
    # and checks are allocated among it: a peak ~0.8 MiB lower, same data.
    concepts()
    phrase_families()
    return load_pack_text(resources.read_text(*DEFAULT_PACK), "default.toml (bundled)")


@cache
def load_default_engine() -> Engine:
    """The engine for the bundled default pack (built once, then shared)."""
    pack = default_pack()
    return Engine(pack.rules, pack.max_findings_per_rule)


def apply_overrides(rules: tuple[Rule, ...], practice: PracticeRules) -> list[Rule]:
    known = {rule.id for rule in rules}
    for rule_id in practice.overrides:
        if rule_id not in known:
            raise PackError(
                "no default rule has this id", file=practice.file, rule=rule_id, field="overrides"
            )
    result: list[Rule] = []
    for rule in rules:
        override = practice.overrides.get(rule.id)
        if override is None:
            result.append(rule)
            continue
        if not override.enabled:
            if rule.id in PROTECTED_RULES:
                raise PackError(
                    "this rule protects safety or privacy and cannot be turned off",
                    file=practice.file,
                    rule=rule.id,
                    field="enabled",
                )
            continue
        if override.severity is not None and override.severity.rank < rule.severity.rank:
            raise PackError(
                f"a practice may raise a rule's severity but not lower it "
                f"(default is {rule.severity.value})",
                file=practice.file,
                rule=rule.id,
                field="severity",
            )
        result.append(
            replace(
                rule,
                message=override.message or rule.message,
                why=override.why or rule.why,
                severity=override.severity or rule.severity,
            )
        )
    for extra in practice.extra:
        if extra.id in known:
            raise PackError(
                "a default rule already has this id; use [overrides] to change it",
                file=practice.file,
                rule=extra.id,
                field="id",
            )
        result.append(extra)
    return result


def build_engine(practice: PracticeRules | None = None) -> Engine:
    """The default pack with a practice's rules layered on (or just the default)."""
    if practice is None or (not practice.extra and not practice.overrides):
        return load_default_engine()
    pack = default_pack()
    return Engine(apply_overrides(pack.rules, practice), pack.max_findings_per_rule)
