"""Guidance engine: rule packs + context + text -> findings.

The API the GUI and CLI use::

    from safenote.core.policy import load_default_engine, IncrementalChecker, Context

    engine = load_default_engine()                 # cached; the bundled default pack
    findings = engine.check(text, Context(channel=Channel.EMAIL))
    checker = IncrementalChecker(engine, ctx)      # one per open draft
    findings = checker.update(new_text)            # per keystroke; same result as check()
    findings = checker.set_context(new_ctx)        # after a header/channel change
    engine = build_engine(practice_rules)          # default pack + a practice's rules

Findings carry code-point offsets into the text (or a header field), the message, why,
source, fixes, and for ``crisis`` the region's resources.
"""

from __future__ import annotations

from safenote.core.policy.customise import PracticeRules, build_engine, load_default_engine
from safenote.core.policy.engine import Engine
from safenote.core.policy.errors import PackError
from safenote.core.policy.incremental import IncrementalChecker
from safenote.core.policy.loader import load_pack, load_pack_text
from safenote.core.policy.model import (
    Channel,
    Context,
    CrisisResource,
    Finding,
    Fix,
    FixKind,
    HeaderField,
    PracticeContext,
    Relationship,
    Severity,
)
from safenote.core.policy.rules import PROTECTED_RULES, Pack, Rule, RuleOverride

__all__ = [
    "PROTECTED_RULES",
    "Channel",
    "Context",
    "CrisisResource",
    "Engine",
    "Finding",
    "Fix",
    "FixKind",
    "HeaderField",
    "IncrementalChecker",
    "Pack",
    "PackError",
    "PracticeContext",
    "PracticeRules",
    "Relationship",
    "Rule",
    "RuleOverride",
    "Severity",
    "build_engine",
    "load_default_engine",
    "load_pack",
    "load_pack_text",
]
