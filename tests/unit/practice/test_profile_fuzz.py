"""Generated profiles: whatever the bytes, loading ends in a profile or a PracticeError."""

from __future__ import annotations

import json
from typing import Any

import pytest
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


plain_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters='"\\'),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(
    name=plain_text,
    therapist=plain_text,
    region=st.sampled_from(["US", "GB", "ie", "Au", ""]),
    limit=st.integers(min_value=1, max_value=1_000_000),
    accepted=st.sets(st.sampled_from(["portal", "encrypted", "email", "text"])),
)
def test_generated_valid_profiles_load_with_their_values(
    name: str, therapist: str, region: str, limit: int, accepted: set[str]
) -> None:
    source = (
        f'[practice]\nname = "{name}"\ntherapist = "{therapist}"\nregion = "{region}"\n'
        f"portal_limit = {limit}\n[channels]\naccepted = {json.dumps(sorted(accepted))}\n"
    )
    profile = load_practice_text(source)
    assert profile.context.practice_name == name.strip()
    assert profile.context.therapist_name == therapist.strip()
    assert profile.region == region.upper()
    assert profile.context.portal_limit == limit
    assert {c.value for c in profile.context.accepted_channels} == accepted


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_any_change_to_a_signed_body_is_caught(data: st.DataObject) -> None:
    from safenote.core.practice import sign_text
    from tests.unit.practice.profiles import FULL, THERAPIST_KEY

    signed = sign_text(FULL, THERAPIST_KEY)
    body_end = signed.index("[signature]")
    body = signed[:body_end].rstrip()
    position = data.draw(st.integers(min_value=0, max_value=len(body) - 1))
    replacement = data.draw(
        st.characters(codec="utf-8").filter(lambda ch: ch != body[position] and ch not in "\r\n")
    )
    changed = signed[:position] + replacement + signed[position + 1 :]
    with pytest.raises(PracticeError):
        load_practice_text(changed)
