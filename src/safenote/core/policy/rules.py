"""Compiled rules and packs: what the loader produces and the engine runs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from safenote.core.policy.checks import ALWAYS, Check, Conditions
from safenote.core.policy.model import Context, FixKind, PracticeContext, Severity

# Rules a practice profile may reword or make more severe but never switch off.
PROTECTED_RULES = frozenset(
    {"crisis", "unencrypted-channel", "third-party-copy", "sensitive-identifiers"}
)

# Placeholders a message, why or fix text may use, and what they become when unknown.
PLACEHOLDER_DEFAULTS = {
    "sender_name": "",
    "therapist_name": "your therapist",
    "practice_name": "the practice",
    "response_time": "a few business days",
    "portal_limit": "",
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def fill(text: str, ctx: Context) -> str | None:
    """Fill ``{placeholders}`` from the context; None when one needed for a fix is empty."""
    values = dict(PLACEHOLDER_DEFAULTS)
    values["sender_name"] = ctx.sender_name.strip()
    practice: PracticeContext | None = ctx.practice
    if practice is not None:
        values["therapist_name"] = practice.therapist_name or values["therapist_name"]
        values["practice_name"] = practice.practice_name or values["practice_name"]
        values["response_time"] = practice.response_time or values["response_time"]
        values["portal_limit"] = "" if practice.portal_limit is None else str(practice.portal_limit)
    missing = False

    def sub(match: re.Match[str]) -> str:
        nonlocal missing
        value = values.get(match.group(1), "")
        missing = missing or not value
        return value

    filled = _PLACEHOLDER.sub(sub, text)
    return None if missing else filled


def fill_lenient(text: str, ctx: Context) -> str:
    """Like :func:`fill` but never gives up (empty placeholders just disappear)."""
    filled = fill(text, ctx)
    return (
        filled
        if filled is not None
        else _PLACEHOLDER.sub(lambda m: PLACEHOLDER_DEFAULTS.get(m.group(1), ""), text)
    )


@dataclass(frozen=True)
class FixTemplate:
    kind: FixKind
    label: str
    text: str


@dataclass(frozen=True)
class Example:
    text: str
    fires: bool
    context: Context = field(default_factory=Context)


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    message: str
    why: str
    source: str
    checks: tuple[Check, ...]
    category: str = ""
    softened_message: str = ""
    when: Conditions = ALWAYS
    fixes: tuple[FixTemplate, ...] = ()
    examples: tuple[Example, ...] = ()
    # Style tips step back when something urgent is on screen: a crisis panel next to
    # "sign with your name" would be tone-deaf.
    yield_to_urgent: bool = False
    line: int | None = None  # where the rule starts in its file, for error messages


@dataclass(frozen=True)
class Pack:
    id: str
    version: str
    locale: str
    rules: tuple[Rule, ...]
    file: str = ""
    max_findings_per_rule: int = 5


@dataclass(frozen=True)
class RuleOverride:
    """A practice's change to a default rule (None: leave as is)."""

    message: str | None = None
    why: str | None = None
    severity: Severity | None = None
    enabled: bool = True
