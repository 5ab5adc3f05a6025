"""The preview gallery: at least 12 samples, each showing its rules, all rules covered."""

from __future__ import annotations

import pytest

from safenote.core.policy import Channel, Context, Relationship, load_default_engine
from safenote.core.practice.gallery import Sample, load_gallery


def test_there_are_enough_samples_to_cover_every_default_rule() -> None:
    samples = load_gallery()
    assert len(samples) >= 12
    covered = {rule for sample in samples for rule in sample.shows}
    assert covered >= {rule.id for rule in load_default_engine().rules}


@pytest.mark.parametrize("sample", load_gallery(), ids=lambda s: s.title)
def test_each_sample_shows_what_it_says(sample: Sample) -> None:
    ctx = Context(
        relationship=Relationship(sample.relationship),
        channel=Channel(sample.channel),
        cc=sample.cc,
        region="US",
    )
    fired = {f.rule for f in load_default_engine().check(sample.text, ctx)}
    assert set(sample.shows) <= fired
