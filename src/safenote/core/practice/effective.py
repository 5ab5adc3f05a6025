"""The rules a client will see with a profile applied, each labelled with where it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from safenote.core.policy import Rule, build_engine, load_default_engine
from safenote.core.practice.profile import PracticeProfile


class Origin(StrEnum):
    DEFAULT = "default"  # the bundled pack, unchanged
    CHANGED = "changed"  # a default rule the practice reworded or made more severe
    PRACTICE = "practice"  # a rule the practice added
    OFF = "off"  # a default style rule the practice switched off


@dataclass(frozen=True)
class EffectiveRule:
    rule: Rule
    origin: Origin

    @property
    def origin_label(self) -> str:
        return {
            Origin.DEFAULT: "SafeNote default",
            Origin.CHANGED: "SafeNote default, changed by the practice",
            Origin.PRACTICE: "added by the practice",
            Origin.OFF: "SafeNote default, switched off by the practice",
        }[self.origin]


def effective_rules(profile: PracticeProfile | None) -> list[EffectiveRule]:
    """Every default and practice rule in pack order, switched-off ones last."""
    defaults = {rule.id: rule for rule in load_default_engine().rules}
    engine = build_engine(profile.rules if profile else None)
    result: list[EffectiveRule] = []
    for rule in engine.rules:
        base = defaults.get(rule.id)
        if base is None:
            origin = Origin.PRACTICE
        elif (rule.message, rule.why, rule.severity) != (base.message, base.why, base.severity):
            origin = Origin.CHANGED
        else:
            origin = Origin.DEFAULT
        result.append(EffectiveRule(rule, origin))
    active = {rule.id for rule in engine.rules}
    result.extend(EffectiveRule(r, Origin.OFF) for r in defaults.values() if r.id not in active)
    return result


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def client_wording(text: str, profile: PracticeProfile | None) -> str:
    """A rule's message as a client of this practice reads it (placeholders filled in)."""
    ctx = profile.context if profile else None
    limit = ctx.portal_limit if ctx and ctx.portal_limit is not None else None
    values = {
        "therapist_name": (ctx.therapist_name if ctx else "") or "your therapist",
        "practice_name": (ctx.practice_name if ctx else "") or "the practice",
        "response_time": (ctx.response_time if ctx else "") or "a few business days",
        "portal_limit": str(limit) if limit is not None else "the portal's limit",
        "sender_name": "(the client's name)",
    }
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)
