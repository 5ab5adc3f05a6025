"""Crisis concepts (resources/crisis/concepts.toml): co-occurring ideas, not exact wording."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safenote.core.policy import Context, Finding, IncrementalChecker, load_default_engine
from safenote.core.policy.batch import Batch
from safenote.core.policy.crisis import scan_crisis
from safenote.core.policy.crisis_concept_rules import ConceptRule, build_concepts, concepts
from safenote.core.policy.crisis_concepts import concept_batch_hits, paragraph_hits
from safenote.core.policy.matching import fold

ENGINE = load_default_engine()
RULES = concepts().rules


def crisis(text: str) -> list[Finding]:
    return [f for f in ENGINE.check(text, Context(region="GB")) if f.rule == "crisis"]


def rule_names(text: str) -> list[str]:
    return [tag.rsplit(":", 1)[1] for _, _, tag in paragraph_hits(fold(text))]


def test_rules_load_with_unique_names_reasons_and_examples() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names)) >= 20
    for rule in RULES:
        assert rule.why, rule.name
        assert rule.fires, rule.name
        assert rule.quiet, rule.name
        assert rule.gate, rule.name  # every rule is gated: no rule runs on every sentence


def test_a_rule_naming_an_unknown_class_is_refused() -> None:
    data: dict[str, object] = {
        "concepts": {"self": ["i"]},
        "rule": [{"name": "x", "why": "", "needs": ["self", "nope"], "negatable": True,
                  "gentle": False}],
    }  # fmt: skip
    with pytest.raises(ValueError, match="nope"):
        build_concepts(data)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_examples_fire_by_that_rule_and_quiet_ones_stay_silent(rule: ConceptRule) -> None:
    for text in rule.fires:
        assert crisis(text), text
        hits = paragraph_hits(fold(text))
        # This rule, or a stronger one, fires on its own examples.
        assert any(tag.endswith(f":{rule.name}") for *_, tag in hits) or any(
            not tag.startswith("g:") for *_, tag in hits
        ), (rule.name, text, hits)
    for text in rule.quiet:
        assert crisis(text) == [], (rule.name, text)


# Wording that no phrase family holds: each is found only by combining ideas.
NEW_WORDING = [
    "i hope i just fade away tbh",
    "Im going to end everything this weekend",
    "ive been collecting my meds in a box under the bed",
    "I keep staring at the rope in the garage.",
    "took 30 of my sleeping tablets, feel weird",
    "I keep thinking about swerving into the oncoming traffic on the bypass.",
    "i keep leaning over the railings on the multi-storey",
    "Used the razor again last night, deeper this time.",
    "He pinned me against the fridge and put his hands around my throat.",
    "My stepdad says he'll hurt me if I tell anyone.",
    "I get urges to smother the baby when she won't stop crying.",
    "The voices keep telling me to hurt my neighbours.",
    "i wrote letters for my kids so they have something for when im gone",
    "I dont want to be alive any more",
    "Please forgive me for what I'm going to do.",
    "I can't stop thinking about stepping in front of a bus.",  # "can't stop" is no negation
    "feel like ending it tbh",  # no "I" at all
    "My partner has threatened to kill himself and me if I leave.",
    "I've been having dark thoughts about poisoning my flatmate's food.",  # possessive 's
    "I literally want to die.",
]


@pytest.mark.parametrize("text", NEW_WORDING)
def test_new_wording_raises_the_full_panel(text: str) -> None:
    findings = crisis(text)
    assert findings, text
    assert any(not f.softened for f in findings), text


@pytest.mark.parametrize(
    "text",
    [
        "I don't think I'll still be here next spring.",  # doubt about being around
        "I've sorted out who gets my guitar and my records.",  # affairs in order
        "There's no way out for me, I've stopped fighting it.",  # hopelessness
        "I have a plan now and it's tonight.",  # a plan, nothing named
    ],
)
def test_weaker_combinations_raise_the_gentle_panel(text: str) -> None:
    findings = crisis(text)
    assert findings, text
    assert all(f.softened for f in findings), text


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to crash the car on the way home, I'm just scared of the motorway.",
        "Years ago I used to lean over the railings on the car park, but not any more.",
        "In the film the hero keeps staring at the rope in the barn.",
        "My brother keeps thinking about swerving into traffic, he told me.",
        "When I was younger I hid pills to take them all, but I'm in a good place now.",
    ],
)
def test_negation_recovery_stories_media_and_someone_else_soften(text: str) -> None:
    findings = crisis(text)
    assert findings, text
    assert all(f.softened for f in findings), text


@pytest.mark.parametrize(
    "text",
    [
        "This commute is killing me.",
        "I'm dying to see it!",
        "My boss will kill me if I'm late.",
        "Shoot me a message when you're free.",
        "I'm dead on my feet after that shift.",
        "my phone's about to die so text me",
        "I'd jump off a cliff for a chance at that job haha",
        "Hit me up if a slot opens.",
        "I'm dying my hair red this weekend.",
        "I could have died when she read it out.",
        "I'm so over this weather.",
        "I finally ended it with Sam and I feel free.",
        "I want to end the week on a good note.",
        "I'm going to disappear into the mountains for a week, no signal.",
        "The voices in the choir were beautiful tonight.",
        "I want to push myself harder at the gym.",
        "We went over the bridge to the market.",
        "My knees are killing me after the hike.",
        "I bought a rope swing for the garden.",
        "My brother beat me at chess again.",
        "I'm going to throw myself into work this week.",
        "I'm going to swallow my pride and apologise.",
        "I'd rather die than go to that party.",
        "I'm literally going to die if I have to sit through another meeting.",
        "I want out of this group chat, it's so noisy.",
        "My neighbour's dog bit me last week, all healed now.",
        "My phone is going to die soon, I'll text later.",
        "I'm worried I'm going to hurt my back lifting the kids.",
        "I bought rope for the tent and some pegs.",
    ],
)
def test_idioms_and_everyday_wording_stay_silent(text: str) -> None:
    assert crisis(text) == [], text


def test_apostrophe_less_texting_reads_as_the_full_word() -> None:
    assert rule_names("i dont wanna be alive anymore") == rule_names(
        "I don't wanna be alive anymore"
    )
    assert rule_names("im going to end it all tonight")
    assert rule_names("cant see myself making it to christmas")


@pytest.mark.parametrize(
    ("text", "underlined"),
    [
        ("Honestly, I drove out with a rope in the boot.", "rope in the boot"),
        ("Up the car park and leaned over the edge.", "car park and leaned over the edge"),
        ("ok so my ex turned up with a knife yesterday", "ex turned up with a knife"),
        ("İ know. I hope I just fade away.", "hope I just fade away"),  # "İ" lower-cases to 2
        ("I’m tired. I hope I just fade away.", "hope I just fade away"),  # a curly apostrophe
    ],
)  # fmt: skip
def test_spans_underline_the_words_that_made_the_hit(text: str, underlined: str) -> None:
    hits = scan_crisis(fold(text))
    assert [text[h.start : h.end] for h in hits] == [underlined]


def test_one_hit_per_sentence_at_most() -> None:
    text = "I keep looking at the knives and I bought a rope and I hope I fade away."
    assert len(paragraph_hits(fold(text))) == 1


# Words the rules are made of, and filler, so random text often nearly matches.
WORDS = [
    "i", "im", "me", "he", "she", "my", "partner", "want", "to", "hope", "fade", "away",
    "dead", "die", "not", "dont", "alive", "bridge", "jump", "off", "leaned", "over", "the",
    "edge", "pills", "collecting", "30", "took", "rope", "in", "boot", "voices", "telling",
    "hurt", "him", "punched", "lol", "film", "used", "years", "ago", "again", "tonight",
    "crash", "car", "end", "it", "all", "blade", "on", "purpose", "arms", "until", "bled",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", ". ", ", ", "\n", "\n\n", "’", "İ"]
texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(w + s for w, s in parts)
)


@settings(max_examples=200, deadline=None)
@given(paragraphs=st.lists(texts, min_size=1, max_size=5))
def test_gating_never_changes_what_is_found(paragraphs: list[str]) -> None:
    folded = [fold(p) for p in paragraphs]
    ungated = {i: hits for i, p in enumerate(folded) if (hits := paragraph_hits(p))}
    assert concept_batch_hits(Batch(folded)) == ungated


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200))
def test_any_text_never_raises_and_spans_stay_inside(text: str) -> None:
    for start, end, tag in paragraph_hits(fold(text)):
        assert 0 <= start < end <= len(text)
        assert tag.split(":")[0] in {"g", "n", "u"}


@settings(max_examples=60, deadline=None)
@given(
    start=texts,
    steps=st.lists(
        st.tuples(st.floats(min_value=0, max_value=1), st.integers(0, 8), texts), max_size=10
    ),
)
def test_incremental_checker_equals_a_full_check_on_concept_text(
    start: str, steps: list[tuple[float, int, str]]
) -> None:
    ctx = Context(region="US")
    checker = IncrementalChecker(ENGINE, ctx)
    text = start
    assert checker.update(text) == ENGINE.check(text, ctx)
    for where, length, insert in steps:
        pos = int(where * len(text))
        text = text[:pos] + insert + text[pos + length :]
        assert checker.edit(pos, pos + length, insert) == ENGINE.check(text, ctx)


# Round 4 (classes learnt from sealed sets 8 and 9), in wordings unlike the sets'.
ROUND_4_FULL = [
    "Sorted the how and the when. I'm doing it the night after my exams, it's all planned out.",
    "I got my grandad's shotgun out of the cabinet and I'm sitting with it.",
    "i went and scored some gear, going to do the whole bag alone, whatever happens happens",
    "Relapsed last night and cut myself for the first time since the summer.",
    "I've stopped eating on purpose, I need to punish myself.",
    "I know where she lives and I'm thinking of turning up with a hammer to make her pay.",
    "I'm hiding upstairs with my son and I'm terrified of what he'll do.",
    "I've left a letter for each of the kids in my bedside drawer.",
    "Changed my will last week and the passwords are written down for afterwards.",
    "Please don't blame yourself for whatever happens.",
    "The voice says I must get rid of him before morning.",
    "I keep planning how to do it so my wife isn't the one to find me.",
]


@pytest.mark.parametrize("text", ROUND_4_FULL)
def test_round_4_ideas_raise_the_full_panel(text: str) -> None:
    findings = crisis(text)
    assert any(not f.softened for f in findings), (text, rule_names(text))


@pytest.mark.parametrize(
    "text",
    [
        "already decided when.",  # settled, nothing named
        "Wouldn't mind if a lorry hits me on the way to work.",  # hoping for an accident
        "disappointed to still be here every morning",  # waking regret
        "that's me done for good after friday",  # for good, nothing named
        "i'm alone and i'm going to take all of it, don't care what happens",  # no drug named
    ],
)
def test_round_4_weaker_ideas_raise_the_gentle_panel(text: str) -> None:
    findings = crisis(text)
    assert findings, (text, rule_names(text))
    assert all(f.softened for f in findings), (text, rule_names(text))


@pytest.mark.parametrize(
    "text",
    [
        "It's been six years since my overdose and I'm marking it with a walk.",
        "Four years this month since I tried to end my life; I'm doing so well.",
        "Back at college I planned to end it, and I'm grateful I'm still here.",
        "My sister told me on the phone she'd been self-harming again.",
    ],
)
def test_round_4_anniversaries_and_someone_else_soften(text: str) -> None:
    findings = crisis(text)
    assert findings, text
    assert all(f.softened for f in findings), text


@pytest.mark.parametrize(
    "text",
    [
        "Dad's going to have a heart attack when he sees the bill.",
        "Went bungee jumping off the bridge at the gorge, best day ever!",
        "Did a skydive for charity and jumped off at 10,000 feet.",
        "My coach keeps telling me to jump through hoops for the team.",
        "Not eating on purpose today, it's a fasting blood test.",
        "I'm alone this week so I'll use all of it, my annual leave, whatever happens.",
        "I hope the cancer never comes back.",
        "We've got the wedding all planned out, doing it in June!",
        "The scissors are in the top drawer.",
        "My dad will kill me if I fail this exam haha.",
        "The voice coach told me to die a bit less dramatically on stage.",
        "I wrote letters to my kids' teachers about the school trip.",
    ],
)
def test_round_4_idioms_and_everyday_wording_stay_silent(text: str) -> None:
    assert crisis(text) == [], (text, rule_names(text))


def test_on_the_bright_side_does_not_hide_self_harm() -> None:
    # "on the" was read as "knocked on the...", an accident: now only real objects are
    text = "On the bright side, punching walls until my knuckles split helps."
    assert any(not f.softened for f in crisis(text)), rule_names(text)


def test_a_bungy_jump_is_a_jump_for_fun_in_new_zealand_spelling_too() -> None:
    assert crisis("Took the boys bungy jumping off the bridge for my birthday.") == []
    # The fun is in the jump itself: a bridge without one is still heard.
    assert crisis("I keep thinking about jumping off the bridge near work.")


@pytest.mark.parametrize(
    "text",
    [
        # "since I was last in hospital": an anniversary, as "since I was in hospital" was
        "It's been two years since I was last in hospital after my overdose. I'm proud.",
        # a book's chapters are a story, as a film or a novel is
        "Our book club read the chapters about her suicide attempt, and I found them hard.",
    ],
)
def test_round_5_anniversaries_and_stories_soften(text: str) -> None:
    findings = crisis(text)
    assert findings, text
    assert all(f.softened for f in findings), text


def test_a_chapter_does_not_soften_what_is_happening_now() -> None:
    # The media words soften only wording that follows them; the writer's own risk after
    # the story is still the full panel.
    text = "I finished the last chapter. I'm going to overdose tonight."
    assert any(not f.softened for f in crisis(text)), rule_names(text)
