"""Generated profiles: whatever the bytes, loading ends in a profile or a PracticeError."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safenote.core.practice import PracticeError, find_problems, load_practice_text

KEYS = ["practice", "channels", "overrides", "rules", "signature", "name", "therapist",
        "region", "response_time", "hours", "crisis_instructions", "portal_name",
        "portal_limit", "public_key", "accepted", "notes", "email", "text", "portal",
        "crisis", "enabled", "severity", "message", "id", "checks", "kind", "x"]  # fmt: skip

scalars = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["US", "gb", "portal", "text", "urgent", "info", "age1", ""]),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=4)
    ),
    max_leaves=12,
)


def inline(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{ " + ", ".join(f'"{k}" = {inline(v)}' for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(inline(v) for v in value) + "]"
    return json.dumps(value)  # JSON strings and numbers are TOML too (or fail to parse)


def to_toml(doc: dict[str, dict[str, Any]]) -> str:
    out = []
    for table, body in doc.items():
        out.append(f'["{table}"]')
        out.extend(f'"{k}" = {inline(v)}' for k, v in body.items())
    return "\n".join(out) + "\n"


def outcome(source: str) -> None:
    problem: PracticeError | None = None
    try:
        load_practice_text(source, "gen.toml")
    except PracticeError as err:  # the only exception allowed out
        problem = err
    problems = find_problems(source, "gen.toml")
    if problem is None:
        assert problems == []
    else:
        assert str(problem).startswith("gen.toml")
        assert problems


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from(KEYS),
        st.dictionaries(st.sampled_from(KEYS), values, max_size=5),
        max_size=4,
    )
)
def test_generated_structured_toml_never_crashes(doc: dict[str, dict[str, Any]]) -> None:
    outcome(to_toml(doc))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from('[]="\n .#abcprtiesgnu{}0123,\\'), max_size=80))
def test_generated_text_never_crashes(source: str) -> None:
    outcome(source)
