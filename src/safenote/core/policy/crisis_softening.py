"""Softening crisis hits: when a match is an idiom, an accident, a story, a recovery, a
negation or someone else's risk.

A family or concept match in ``crisis.py`` is never simply dropped for being negated,
quoted or about the past: it *softens* (the gentle panel), because a false "all clear"
costs far more than a gentle panel. Only wording that is plainly something else (a phone
that died, a bungee jump, a rope for the tent, "I'd kill for a nap") is dropped.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from safenote.core.policy.matching import Folded
from safenote.core.policy.text import APOSTROPHES


class CrisisHit(NamedTuple):
    start: int
    end: int
    softened: bool


_NEGATION = re.compile(
    r"(?:\bnot\b|\bnever\b|\bno\b|n't\b|\bnothing\s+like\b|\bwithout\b|\bnor\b)", re.IGNORECASE
)
# "I can't stop thinking about...", "I can't help thinking...": not a negation of the act.
_NOT_NEGATING = re.compile(
    r"\b(?:can't|cannot|can\s+not|cant|couldn't|could\s+not|couldnt)\s+(?:stop|help)\b",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.!?;:\n]")
_QUOTED = re.compile(r"\"[^\"\n]{1,400}\"|“[^”\n]{1,400}”|«[^»\n]{1,400}»")
# "My uncle died by suicide", "she attempted suicide": about someone else, not the writer.
_SOMEONE_ELSE = re.compile(
    r"(?:\b(?:died|death|dying|lost\s+\w+)\s+(?:by|from|of|to)|\b(?:he|she|they|his|her|their|"
    r"brother|sister|friend|uncle|aunt|cousin|mom|mum|dad|father|mother|son|daughter|partner|"
    r"husband|wife|colleague|classmate|grandpa|grandma|grandfather|grandmother|neighbou?r|"
    r"someone|somebody)\b(?:(?!\bi\b)[^.!?])*?\b(?:committed|attempted|completed|is|was|were|are|has\s+been|"
    r"had\s+been|felt|feels|feeling|been))\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:used\s+to|(?:years|months|decades)\s+(?:ago|back)|a\s+long\s+time\s+ago|in\s+the\s+past|"
    r"when\s+i\s+was\s+(?:a\s+)?(?:teen\w*|kid|child|younger|little|\d+|at\s+(?:school|uni\w*|"
    r"college))|in\s+my\s+(?:teens|twenties|thirties|forties|20s|30s)|back\s+in\s+(?:19|20)\d\d|"
    r"haven't\s+(?:\w+\s+)?(?:in|since)|have\s+not\s+(?:\w+\s+)?(?:in|since)|behind\s+me|"
    # "ten years since my overdose", "two years this week since...", "back at uni I..."
    r"(?:years?|decades)\s+(?:this\s+\w+\s+|now\s+)?since\s+(?:my|i\s+was\s+(?:last\s+)?in|i\s+(?:tried|"
    r"attempted|last|overdosed|took))|anniversary|"
    r"back\s+(?:at|in)\s+(?:uni\w*|school|college|high\s+school|the\s+day)|back\s+then)\b",
    re.IGNORECASE,
)
_THIRD_PERSON_BEFORE = re.compile(
    r"\b(?:he|she|they|someone|somebody|(?:my|his|her|their|a|our)\s+(?!own\b)\w+"
    r"(?:'s\s+\w+)?)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# "My friend told me she'd been self-harming": a he/she/they subject right before the
# risk word, with no first-person word in between, is someone else's even when "me" or
# "I" came earlier in the sentence.
_THIRD_PERSON_SUBJECT_JUST_BEFORE = re.compile(
    r"\b(?:he|she|they)(?:'d|'s|'ve|'re|'ll)?\s+(?:(?!(?:i|i'm|i've|i'd|me|my|myself)\b)"
    r"[\w']+\s+){0,2}$",
    re.IGNORECASE,
)
_NOW = re.compile(
    # "...for years now", "far away now", "now I feel settled" look back, not at today
    r"\b(?:again|still(?!\s+(?:here|alive|around))|"
    r"(?<!years )(?<!away )(?<!ages )(?<!behind me )(?<!clean )(?<!sober )"
    # "...but I'm in a good place now", "I'm fine now": the recovery, not the risk
    r"(?<!place )(?<!better )(?<!fine )(?<!okay )(?<!ok )(?<!safe )(?<!happy )(?<!well )now"
    # "ten years ago I was suicidal, now I volunteer": the recovery, unless now is the wish
    r"(?!,?\s+(?:i\s+feel|i\s+am|i'm|i\s+know|i\s+can|things|i\s+(?!(?:want|wanna|wish|keep|"
    r"need|plan|feel\s+like|think|am\s+thinking|have\s+(?:the|a|pills|tablets)|just|really|"
    r"can't|don't|cannot)\b)[a-z]+))|lately|recently|tonight|today|these\s+days\s+i\s+(?:want|think)|"
    r"(?<!years )(?<!year )this\s+(?:week|morning|evening)(?!\s+since))\b",
    re.IGNORECASE,
)
# "A novel where the character takes an overdose", "a documentary about suicide".
_MEDIA = re.compile(
    r"\b(?:novel|book|film|movie|documentary|series|podcast|article|episode|song|news|"
    r"character|story|programme|tv\s+show|play\s+about|reading\s+about|watched\s+a|"
    r"chapters?|book\s+club)\b",
    re.IGNORECASE,
)
# "My phone's about to die", "the wifi is dead": things die too.
_THING_DIES = re.compile(
    r"\b(?:phone|battery|laptop|computer|wifi|wi-fi|internet|router|tv|telly|car|plants?|"
    r"charger|headphones|ipad|kindle|printer|console|torch|conversation|party)(?:'s|\s+is|"
    r"\s+was|\s+has)?\s+(?:\w+\s+){0,2}(?:about\s+to\s+|going\s+to\s+|gonna\s+)?$",
    re.IGNORECASE,
)
# "I'd jump off a cliff for a chance at that job": wanting something, said big. Never
# the panel (as "I'd kill for a nap").
_HYPERBOLE_BEFORE = re.compile(r"\b(?:i'd|i\s+would|id)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_HYPERBOLE_AFTER = re.compile(
    r"(?:\s+\w+){0,3}?\s+for\s+(?:a|an|the|that|this|some|one|another|my|tickets?)\b",
    re.IGNORECASE,
)
# "A rope swing", "a knife set": the means word is half of an everyday thing.
_COMPOUND_AFTER = re.compile(
    r"\s+(?:swing|ladder|lights?|toys?|course|set|block|holder|rack|sharpener)\b", re.IGNORECASE
)
# A rope for a tent, a boat or the washing: everyday, never the panel.
_ROPE_IN_USE = re.compile(
    r"\b(?:tent|camping|boat|sailing|washing\s+line|climbing|tow|towing|swing|dog\s+lead|"
    r"garden|gym|skipping)\b",
    re.IGNORECASE,
)
# "Bungee (or, in New Zealand, bungy) jumped off the bridge", "a skydive": a jump for fun,
# never the panel.
_JUMP_FOR_FUN = re.compile(
    r"\b(?:bunge?e|bungy|sky\s?div\w*|parachut\w*|abseil\w*|zip\s?-?lin\w*|paraglid\w*|"
    r"cliff\s+jump\w*|tombstoning|diving\s+board|high\s+dive|rollercoaster)",
    re.IGNORECASE,
)
_MEANS_LAST = re.compile(r"(?:rope|knife|knives|guns?|razors?|blades?)$", re.IGNORECASE)
# Medicine handled as prescribed: "counted my tablets to check the pharmacy got it right".
_ROUTINE_MEDS = re.compile(
    r"\b(?:pharmac\w*|chemist|prescri\w*|dosette|pill\s+organi[sz]er|refill\w*|gp|"
    r"doctor|nurse|as\s+directed|right\s+amount|dose\s+box)\b",
    re.IGNORECASE,
)
# "I want out of this group chat": out of a thing, not out of life.
_OUT_OF_A_THING = re.compile(
    r"\s+of\s+(?:this|the|that|my|our|a|his|her)\s+"
    r"(?!life\b|world\b|body\b|head\b|pain\b|misery\b|existence\b|hell\b)\w+",
    re.IGNORECASE,
)
# "Everyone would be better off if I just stopped trying so hard to please them": better
# off for a change in what the writer does, not for the writer gone. Never the panel,
# unless the change touches staying alive ("...if I stopped trying to stay alive") or is
# left open ("...if I just stopped.").
_BETTER_OFF_IF_I_CHANGED = re.compile(
    r"\s+if\s+i\s+(?:(?:just|only|finally|actually|simply)\s+)?(?:stopped|stop|quit|"
    r"gave\s+up|started|start)\s+(?P<doing>\w+ing)\s+(?P<rest>[^\W\d_][^.!?;:\n]*)",
    re.IGNORECASE,
)
_ABOUT_STAYING_ALIVE = re.compile(
    r"\b(?:alive|live|living|lives?|life|exist\w*|breath\w*|surviv\w*|wak\w*|fight\w*|"
    r"recover\w*|die|dying|dead|death|eat\w*|tak\w*|cut\w*|hurt\w*|harm\w*|being|"
    r"be\s+(?:here|around)|go(?:ing)?\s+on|carry(?:ing)?\s+on|keep\s+going|"
    r"get(?:ting)?\s+better|treatment|meds|medication|pills|therapy|sessions?)\b",
    re.IGNORECASE,
)
# "I'm literally going to die": hyperbole, never the panel.
# "You asked whether I'd had thoughts of ending my life", "You said I should write down
# when I feel like dying": the therapist's question or advice reported back, gently.
_YOU_ASKED = re.compile(
    r"^\s*(?:\w+\s+){0,3}you\s+(?:asked|said|told\s+me|suggested|mentioned)\b"
    r"(?:(?!\bi\s+(?:want|wanna|just|keep|am|'m)\b)[^.!?])*?\b(?:whether|if|should)\b",
    re.IGNORECASE,
)
_LITERALLY = re.compile(r"\bliterally\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|me|myself|my\s?self)\b", re.IGNORECASE)


def _better_off_for_a_change(text: str, end: int) -> bool:
    """ "...better off if I stopped/started doing something": an everyday change of habit
    (nothing in it about being alive, eating, medicine or treatment)."""
    change = _BETTER_OFF_IF_I_CHANGED.match(text, end)
    return change is not None and not _ABOUT_STAYING_ALIVE.search(
        f"{change['doing']} {change['rest']}"
    )


def _sentence_before(text: str, pos: int) -> str:
    window_start = max(0, pos - 60)
    window = text[window_start:pos]
    breaks = list(_SENTENCE_BREAK.finditer(window))
    return window[breaks[-1].end() :] if breaks else window


def _sentence_around(text: str, start: int, end: int) -> str:
    left = _sentence_before(text, start)
    right_window = text[end : end + 120]
    brk = _SENTENCE_BREAK.search(right_window)
    right = right_window[: brk.start()] if brk else right_window
    return left + text[start:end] + right


def resolve(paragraph: Folded, found: list[tuple[int, int, str]]) -> list[CrisisHit]:
    """Hits from raw family matches: softened when negated, quoted or about someone else."""
    original = paragraph.original.translate(APOSTROPHES)
    text = paragraph.folded if paragraph.aligned else original
    hits: list[CrisisHit] = []
    quoted: list[tuple[int, int]] | None = None
    for start, end, group in sorted(found):
        if start == end:
            continue
        if _THING_DIES.search(_sentence_before(text, start)) and re.match(
            r"(?:(?:about|going)\s+to\s+|gonna\s+)?(?:die|dead|dying|died)\b", text[start:end]
        ):
            continue  # an idiom: never the panel
        if _MEANS_LAST.search(text, start, end) and _COMPOUND_AFTER.match(text, end):
            continue  # an everyday thing: never the panel
        if "rope" in text[start:end] and _ROPE_IN_USE.search(_sentence_around(text, start, end)):
            continue  # a rope for the tent: never the panel
        if "jump" in text[start:end] and _JUMP_FOR_FUN.search(_sentence_around(text, start, end)):
            continue  # a bungee jump: never the panel
        if text[start:end].endswith("want out") and _OUT_OF_A_THING.match(text, end):
            continue  # out of a chat, a job, a contract: never the panel
        if text[start:end].endswith("better off") and _better_off_for_a_change(text, end):
            continue  # better off if I stopped people-pleasing: never the panel
        hit_text = text[start:end]
        if (
            _LITERALLY.search(_sentence_before(text, start))
            and re.search(r"\b(?:die|dead|dying|died)\b", hit_text)
            and not re.search(r"\b(?:want|wanna|wish|hope|ready|deserve)", hit_text)
        ):
            continue  # "I'm literally going to die if...": an idiom ("...want to die" is not)
        if _HYPERBOLE_BEFORE.search(_sentence_before(text, start)) and _HYPERBOLE_AFTER.match(
            text, end
        ):
            continue  # an idiom: never the panel
        softened = group.startswith("g")  # a gentle family: always the softer panel
        if group.startswith("n") and _NEGATION.search(
            _NOT_NEGATING.sub(" ", _sentence_before(text, start))
        ):
            softened = True
        if not softened and group[0] == "n":
            # "My cousin overdosed", "she self-harms": about someone else, not the writer.
            before = _sentence_before(text, start)
            softened = (
                bool(_THIRD_PERSON_BEFORE.search(before))
                and not _FIRST_PERSON.search(before)
                and not _FIRST_PERSON.match(text, start)  # "...again I'll stab him"
            ) or bool(_THIRD_PERSON_SUBJECT_JUST_BEFORE.search(before))
        if not softened and group[0] in "nu":
            # "I used to self-harm", "five years ago I tried to end my life": recovery
            # stories get the gentle panel, unless something says it is now ("again").
            sentence = _sentence_around(text, start, end)
            softened = bool(_PAST.search(sentence)) and not _NOW.search(sentence)
        if group == "n0" and (
            not _FIRST_PERSON.search(_sentence_around(text, start, end))
            or _SOMEONE_ELSE.search(_sentence_before(text, start))
        ):
            # Suicide mentioned about someone else: resources, gently.
            softened = True
        if not softened and _ROUTINE_MEDS.search(_sentence_around(text, start, end)):
            softened = True  # medicine as prescribed: resources, gently
        if not softened and _YOU_ASKED.search(_sentence_before(text, start)):
            softened = True  # the therapist's question reported back: resources, gently
        if not softened and _MEDIA.search(_sentence_before(text, start)):
            softened = True  # about a story, not the writer: resources, gently
        if not softened:
            if quoted is None:
                quoted = [q.span() for q in _QUOTED.finditer(text)]
            softened = any(
                (q_start < start and end <= q_end)
                # a concept hit spans several words: any of them quoted is enough
                or (":concept:" in group and q_start < end and start < q_end)
                for q_start, q_end in quoted
            )
        hits.append(CrisisHit(start, end, softened))
    return hits
