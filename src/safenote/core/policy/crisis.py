"""Crisis language: first-person risk, danger from someone, intent to harm others.

There is no validated keyword list for this kind of writing (GUIDANCE.md), so this is a
hand-built detector tuned for recall on first-person risk while staying quiet on idioms
("this traffic is killing me", "I'd kill for a nap", "my phone died", "dying to see it").
It never stays silent because a sentence is negated or quoted; it *softens* instead
("I'm not suicidal" still shows the resources, with a gentler message), because a false
"all clear" costs far more than a gentle panel.
"""

from __future__ import annotations

import re

from safenote.core.policy.batch import Batch, RegexSet
from safenote.core.policy.crisis_concepts import concept_batch_hits
from safenote.core.policy.crisis_phrases import phrase_family_hits
from safenote.core.policy.crisis_softening import CrisisHit, resolve
from safenote.core.policy.matching import CaselessRegex, Folded, caseless
from safenote.core.policy.text import APOSTROPHES

__all__ = ["CrisisHit", "crisis_batch", "scan_crisis"]

_SELF = r"(?:myself|my\s?self|me\s+self)"
_PILLS = r"(?:pills|meds|medications?|tablets|painkillers|sleeping\s+pills|antidepressants|insulin)"
_ABUSER = (
    r"(?:he|she|they|he's|she's|my\s+(?:husband|wife|partner|boyfriend|girlfriend|bf|gf|ex|"
    r"dad|father|stepdad|step-dad|mom|mum|mother|stepmom|brother|son|landlord|roommate|"
    r"flatmate|fianc[eé]e?))"
)
_THREAT_VERB = r"(?:kill|hurt|beat|strangle|choke|shoot|stab|murder|end)"
# "My mum will kill me if I'm late" is an idiom; danger phrases followed by these are not.
_TRIVIAL_CONDITION = (
    r"(?!\s+(?:if\s+i(?:'m|\s+am)?\s+(?:late|forget|forgot|miss|eat|ate|spend|spent|lose|fail|flunk|"
    r"break|don't\s+(?:call|text|finish|clean))|when\s+(?:he|she|they)\s+(?:sees?|finds?\s+out|"
    r"hears?|notices?)|"
    # "...would kill me if she saw my room": a telling-off about a mess or a bill
    r"(?:if|when)\s+(?:he|she|they)\s+(?:saw|sees|finds?|found|knew|knows|heard|hears)\s+"
    r"(?:\w+\s+){0,2}(?:room|mess|state|bill|grades|marks|results|tattoo|hair|bank|credit|"
    r"report|kitchen|house|flat|car|spending)\b|"
    # "...he'll kill me if the report is late"
    r"if\s+(?:\w+\s+){1,3}(?:is|was|are|were)\s+(?:late|wrong|unfinished|missing|not\s+done)\b|"
    r"for\s+"
    r"(?:telling|being\s+late|this\s+joke)))"
)

# "Tired of living out of a suitcase", "of life in the city": a way of living, not life.
_LIVING_WHERE = (
    r"(?!\s+(?:out\s+of|next\s+to|above|below|near|paycheck|pay\s?check|off\b|on\s+(?:a|the|my|"
    r"noodles|beans|toast)\b|in\s+(?:a|this|that|the|my)\s+(?:flat|house|city|town|village|country|"
    r"shoebox|dump|tip|box|studio|caravan|van|overdraft|car)\b|with\s+(?:my|a|the)\s+(?:parents|mum|mom|dad|"
    r"flatmates?|roommates?|housemates?|in-laws)\b))"
)
_LIFE_WHERE = (
    r"(?!\s+(?:in\s+(?:the|this|a)\s+(?:city|country|town|village|office|suburbs|sticks)\b|"
    r"on\s+(?:the|a)\s+(?:road|farm|rota|dole)\b|as\s+a\s+(?:student|nurse|temp|carer)\b))"
)

# Families whose wording can be negated ("I'm not suicidal") soften under a negation;
# families that already contain a negation ("I don't want to live") never do.
_NEGATABLE: list[str] = [
    # suicide, including common misspellings
    r"suicid\w*|sucid(?:e|al)|suicd(?:e|al)|suisid(?:e|al)|siucid(?:e|al)|suicidel|suidical|"
    r"suiside|sucide",
    r"unaliv\w*",
    rf"(?:kill|killing|killed|kil|off|offing|hang|hanging|hanged|drown|drowning|shoot|shooting)\s+{_SELF}"
    # "shooting myself in the foot" is an idiom; "killing myself on that level" is a game
    # "killed myself laughing", "killing myself trying to finish this", "drowning myself
    # in work", "hanging myself upside down on the bars": idioms of laughter and effort
    r"(?!\s+(?:laughing|with\s+laughter|tripping|trying\s+to|to\s+(?:get|finish|meet|make|keep|"
    r"please|impress)\b|in\s+(?:work|paperwork|coffee|tea|chocolate)\b|upside\s+down|"
    r"out\s+to\s+dry)|"
    r"\s+(?:in\s+the\s+(?:foot|feet)|(?:in|on)\s+(?:the|this|that|a|every|each|my)\s+"
    r"(?:game|games|level|levels|boss|map|match|round|mission|jump|run|sim|simulator)\b|"
    r"(?:in|on)\s+(?:minecraft|fortnite|roblox|cod|mario|elden\s+ring)\b))",
    r"end(?:ing)?\s+(?:my\s+(?:own\s+)?life|it\s+all|my\s+suffering|everything\s+for\s+good)",
    # "thinking about ending things"; "ending things with him" is a break-up
    r"(?:think|thinking|thought|want|wanted|going|ready|decided|plan|planning)\s+(?:\w+\s+){0,2}?"
    r"(?:about|to)\s+end(?:ing)?\s+(?:things|it)"
    r"(?!\s+(?:with|between|off|early|there|here|now\s+with|for\s+(?:him|her|them|us)))",
    r"tak(?:e|ing)\s+my\s+(?:own\s+)?life|took\s+my\s+(?:own\s+)?life",
    r"(?:want|wanted|wanna|wish|wished|going|ready|deserve|plan|planning|trying|tried|"
    r"about)\s+(?:to|2)\s+die\b|wanna\s+die\b|"
    # "I want die" (English as a second language), Nigerian "I wan die", patois "mi waan dead";
    # but "I wan die of laughter" is an idiom
    r"(?:want|wan|waan)\s+(?:die|dead)\b(?!\s+(?:of|from|wid|with)\s+(?:laugh\w*|hunger|shame|"
    r"embarrassment|boredom|heat|cold|happiness))",
    r"wish\s+i\s+(?:was|were|had\s+been)\s+dead|wish\s+i\s+(?:wasn't|weren't|was\s+never|"
    r"were\s+never|had\s+never\s+been)\s+(?:alive|born|here|around)",
    # self-harm; accidents ("cut myself shaving") are not
    rf"(?:cut|cutting|burn|burning|burned|burnt|hurt|hurting|harm|harming|punish|punishing|"
    rf"starve|starving|scratch|scratching)\s+{_SELF}"
    r"(?!\s+(?:shaving|cooking|chopping|slicing|a\s+(?:slice|piece|bit|break|deal)|some\s+"
    r"(?:slack|cake|bread)|slack|on\s+(?:the|a)|by\s+accident|accidentally|"
    r"while|at\s+(?:the\s+)?(?:gym|work|practice)|lifting|playing|running|skiing|falling|"
    r"opening|in\s+the\s+kitchen|with\s+(?:the\s+)?(?:oven|stove|iron|kettle|pan)|baking|"
    r"during|making|peeling|grating|washing|fixing|trimming|carving|doing|sharpening|"
    r"gardening|pruning|on\s+(?:some|my)\s+(?:glass|knife|tin|can|razor|saw)))",
    r"self[\s-]?(?:harm\w*|injur\w*|destruct\w*)",
    # "I've been cutting again": cutting with no object, as people describe self-harm
    r"(?:been|started|start|i'm|am|was|keep|kept|back\s+to)\s+cutting(?:\s+again)?"
    r"(?!\s+(?:back|down|out|up|off|in|corners|costs|carbs|sugar|meat|my\s+hair|hair|the|"
    r"vegetables|onions|class|classes|ties|it|things|people|him|her|them|a|an|some|wood|paper|"
    r"coupons|grass))",
    # method, means, plan
    # "overdosed on chocolate / Netflix": too much of a treat
    r"overdos\w*(?!\s+on\s+(?:\w+\s+)?(?:chocolate|sugar|caffeine|coffee|cake|sweets|candy|"
    r"carbs|cheese|netflix|tv|telly|television|christmas|drama|dramas|k-dramas|anime|memes|"
    r"pizza|junk|crisps|biscuits|cookies|ice\s+cream|nostalgia|cuteness|sunshine|romcoms|"
    r"vitamin\s+c|fun|food|festive|music|tiktok|youtube|reality)\b)",
    rf"(?:take|took|taking|swallow|swallowed|swallowing)\s+(?:all|a\s+(?:whole\s+)?bottle\s+of|"
    rf"the\s+rest\s+of|all\s+of|every\s+one\s+of)\s+(?:my\s+|the\s+|those\s+|these\s+)?{_PILLS}",
    rf"(?:stockpil\w*|sav(?:e|ed|ing)\s+up|hoard\w*)\s+(?:\w+\s+){{0,2}}{_PILLS}",
    r"(?:about\s+)?(?:jump|jumping|throw\s+myself|throwing\s+myself|step|stepping)\s+(?:off|from|"
    r"in\s+front\s+of)\s+"
    r"(?:a\s+|the\s+|my\s+)?(?:\w+\s+)?(?:bridge|building|roof|train|cliff|balcony|overpass|"
    r"car|bus|truck)",
    r"(?:bought|buy|got|have|get)\s+(?:a\s+)?rope\b(?!\s+(?:swing|ladder|light|toy|course))|(?:gun|pistol|rifle|razor|blade)s?\s+"
    r"(?:to|and)\s+(?:end|kill|hurt|cut)\s+(?:it|myself|me)",
    r"(?:i\s+have|i've\s+got|i've\s+made|made|making)\s+a\s+plan\s+(?:to|for\s+(?:how|when))"
    r"(?!\s+(?:see|visit|move|leave\s+(?:him|her|the)|get|find|save|pay|study|travel))",
    # intent to harm others
    r"(?:i(?:'m|\s+am)?\s+going\s+to|i'll|i\s+will|i\s+want\s+to|i\s+wanna|i(?:'m|\s+am)\s+"
    r"gonna|i\s+feel\s+like\s+i\s+might|i\s+might|urges?\s+to|thoughts\s+(?:of|about))\s+"
    r"(?:kill|killing|hurt|hurting|stab|stabbing|shoot|shooting|strangle|strangling|harm|"
    r"harming|smother|smothering)\s+(?:him|her|them|someone|somebody|people|everyone|the\s+"
    r"baby|my\s+(?!(?:back|knees?|ankles?|shoulders?|hips?|foot|feet|neck|wrists?|head|legs?|"
    r"arms?|hands?|chances|career|feelings|reputation|eyes|voice|case)\b)\w+)",
]
_UNNEGATABLE: list[str] = [
    r"(?:don't|do\s+not|dont|no\s+longer)\s+want\s+to\s+(?:live|be\s+alive|exist|wake\s+up|"
    r"be\s+here\s+any\s*more|go\s+on|keep\s+going|keep\s+living)"
    r"(?!\s+(?:with|in|near|at|there|together|close|by|alone|like\s+that|the\s+life))",
    r"(?:better|happier|easier)\s+(?:off\s+)?(?:dead|without\s+me|if\s+i\s+(?:was|were|wasn't|"
    r"weren't|was\s+not|were\s+not)\s+(?:here|around|alive|gone|dead))",
    # feeling a burden is a recognised warning sign in its own right
    r"(?:i'm|i\s+am|i\s+feel\s+like|feel\s+like|being)\s+(?:\w+\s+){0,2}burden\b",
    r"(?:think|thinking|thought)\s+(?:\w+\s+){0,3}about\s+(?:the|my|those|all\s+the|all\s+my)\s+"
    r"(?:pills|tablets|rope|gun|bridge|razors?|blades?)\b",
    r"no\s+(?:reason|point)\s+(?:to|in|for)\s+(?:live|living|go\s+on|going\s+on|keep\s+going|"
    r"carry\s+on|carrying\s+on|being\s+alive|be\s+alive|stay\s+alive|staying\s+alive|"
    r"being\s+here|wake\s+up|waking\s+up)|nothing\s+(?:left\s+)?to\s+live\s+for",
    r"can't\s+(?:go\s+on|keep\s+going|keep\s+living|carry\s+on)(?!\s+(?:with|until|at|in|"
    r"working|paying))",
    r"won't\s+be\s+(?:around|here)\s+(?:for\s+)?much\s+longer",
    r"(?:goodbye|suicide|final)\s+(?:note|letter)s?|(?:this\s+is|consider\s+this)\s+"
    r"(?:my\s+)?(?:goodbye|final\s+message|last\s+message)|say(?:ing)?\s+goodbye\s+(?:to\s+"
    r"everyone|for\s+good|forever)|giv(?:e|ing)\s+away\s+(?:all\s+)?my\s+(?:things|stuff|"
    r"belongings|possessions)",
    # "...and not wake up till noon" is a lie-in
    r"(?:go\s+to\s+)?sleep\s+and\s+(?:never|not)\s+wake\s+up(?!\s+(?:till|until|til|before)\s+"
    r"(?:noon|midday|lunch\w*|the\s+afternoon|late|ten|eleven|twelve|\d|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|the\s+weekend|tomorrow|dinner))|"
    r"disappear\s+forever",
    # "I wish I just wouldn't wake up"; not "...wouldn't wake up at 4am" (sleep trouble)
    r"(?:wish|hope)\s+i\s+(?:\w+\s+){0,2}?(?:wouldn't|would\s+not|didn't|did\s+not|won't|"
    r"don't)\s+wake\s+up(?=\s*(?:[.!…,;]|$|and\b|again\b|anymore\b|any\s+more\b|"
    r"tomorrow\b|one\s+day\b))",
    r"(?:not|stop|stopped|to\s+stop)\s+(?:existing|exist|being\s+alive)\b",
    # weariness with being alive; no point in anything
    rf"(?:tired|sick|exhausted|weary)\s+of\s+(?:being\s+alive|living{_LIVING_WHERE}|"
    rf"life{_LIFE_WHERE}|existing|being\s+here|it\s+all|everything|waking\s+up)",
    r"(?:don't|do\s+not|can't|cannot|dont|cant)\s+see\s+(?:the|any)\s+point\s+(?:of|in)\s+"
    r"(?:anything|living|life|going\s+on|carrying\s+on|being\s+here|trying|waking\s+up)|"
    r"(?:what's|whats|what\s+is)\s+the\s+point\s+(?:of|in)\s+(?:anything|living|life|me|going\s+on)|"
    r"no\s+point\s+(?:in|to)\s+(?:anything|living|life|me)\b",
    r"(?:can't|cannot|cant)\s+keep\s+living\s+like\s+this|had\s+enough\s+of\s+(?:everything|life|"
    r"living|being\s+alive)",
    # last words and putting affairs in order
    r"if\s+(?:something|anything)\s+(?:happens|were\s+to\s+happen|should\s+happen)\s+to\s+me|"
    r"by\s+the\s+time\s+you\s+read\s+this|(?:written|wrote|writing)\s+(?:\w+\s+){0,2}letters?\s+"
    r"(?:to|for)\s+(?:\w+\s+){0,2}(?:just\s+in\s+case|in\s+case)|just\s+in\s+case\s+i\s+(?:don't|"
    r"do\s+not|am\s+not|won't)",
    r"giv(?:e|ing|en)\s+(?:away\s+)?(?:all\s+)?(?:of\s+)?my\s+(?:\w+\s+)?(?:things|stuff|belongings|"
    r"possessions|clothes|books)\s+(?:away|to\s+(?:friends|people|charity|everyone))",
    # means at hand
    r"(?:sat|sitting|stood|standing|held|holding|looked\s+at|looking\s+at|staring\s+at|stared\s+at|"
    r"counted|counting|hid|hiding|lined\s+up)\s+(?:\w+\s+){0,6}?(?:a|the|my|some|those|all\s+the|"
    r"all\s+my)\s+(?:razor|razors|blade|blades|pills|tablets|rope|gun|pistol|noose|paracetamol)\b",
    r"(?:looked|looking|search\w*|googl\w*)\s+(?:up\s+)?(?:how\s+(?:many|much)|ways\s+to|how\s+to)"
    r"\s+(?:\w+\s+){0,3}(?:pills|tablets|paracetamol|it\s+would\s+take|die|kill|end\s+it|overdose)",
    # "nobody would notice if I was gone"
    r"(?:nobody|no\s+one|no-one)\s+(?:would|will|'d)\s+(?:even\s+)?(?:notice|care|miss\s+me)\s+if\s+"
    r"i\s+(?:disappeared|was\s+gone|were\s+gone|died|wasn't\s+here|weren't\s+here|vanished)",
    r"(?:want|wanted|need|wish|just\s+want)\s+(?:it|everything|it\s+all|all\s+of\s+it|life|"
    r"my\s+life)\s+(?:all\s+)?to\s+(?:stop|end)\b(?!\s+(?:raining|ringing|snowing|for\s+a\s+bit))",
    # being stalked or hunted by someone is danger, whatever the exact threat
    r"(?:he|she|they|my\s+ex)\s+(?:knows|found\s+out|has\s+found\s+out)\s+where\s+(?:i|i'm|i\s+am)"
    r"\s+(?:live|living|staying|stay|hiding|sleeping)",
    # danger from someone
    rf"{_ABUSER}(?:'ll|\s+will|\s+would|'d|\s+is\s+going\s+to|'s\s+going\s+to|\s+was\s+going"
    rf"\s+to|\s+(?:said|says|swore|swears)\s+(?:he|she|they)(?:'d|'ll|\s+would|\s+will)|"
    rf"\s+threatened\s+to|\s+threatens\s+to|\s+keeps\s+(?:saying|threatening)\s+(?:he|she|"
    rf"they)(?:'ll|\s+will|\s+to)?)(?:\s+\w+)?\s+{_THREAT_VERB}\s+(?:me|us|the\s+kids|my\s+"
    rf"(?:kids|children|son|daughter|baby|mum|mom|mother|dad|father|sister|brother|family|"
    rf"dog|cat|pets?|friends?))\b{_TRIVIAL_CONDITION}",
    # fear of someone at home; violence to the home
    r"(?:scared|afraid|terrified|frightened)\s+(?:to\s+go\s+(?:back\s+)?home|of\s+what\s+(?:he|she|"
    r"they)(?:'ll|\s+will|\s+might|\s+would|'d)\s+do|of\s+(?:him|my\s+(?:husband|partner|"
    r"boyfriend|girlfriend|dad|father|stepdad|ex|wife)))\b",
    rf"{_ABUSER}\s+(?:\w+\s+){{0,3}}(?:smashed|punched|threw|kicked\s+in|broke\s+down)\s+(?:the|a|"
    r"my|our)\s+(?:tv|wall|door|phone|window|plates?|glass|table|things|stuff|mirror)",
    rf"{_ABUSER}\s+(?:\w+\s+){{0,2}}(?:grabbed|pinned|held)\s+me\s+(?:by\s+the\s+(?:throat|neck|"
    r"hair|arm)|down|against)",
    r"(?:watch\s+(?:my|your)\s+back|(?:knows?|found\s+out)\s+where\s+(?:i|you)\s+(?:live|work))",
    r"threat\w*\s+(?:me\s+)?(?:with\s+)?(?:a|his|her|their)\s+(?:knife|gun|weapon|rifle|pistol)",
    rf"threat\w*\s+to\s+(?:\w+\s+)?{_THREAT_VERB}\s+(?:me|us|the\s+kids|the\s+children|my\s+"
    r"(?:kids|children|son|daughter|baby|family))\b",
    r"(?:pulled|held|pointed|waved|has|keeps|kept)\s+(?:a|his|her|their|the)\s+(?:gun|knife|"
    r"weapon|rifle|pistol)\s+(?:on|at|to|against|under)\s+(?:me|my)",
    rf"{_ABUSER}\s+(?:\w+\s+){{0,2}}(?:hit|choked|strangled|punched|kicked|slapped|shoved|"
    r"raped|assaulted|attacked)\s+me\b(?!\s+up)",
    r"(?:pushed|shoved|threw|dragged|kicked|punched|slapped|choked|strangled)\s+me\s+(?:down|into|"
    r"against|out\s+of|across|to\s+the\s+(?:floor|ground))",
    r"(?:afraid|scared|fear(?:ing)?|terrified)\s+for\s+my\s+(?:life|safety)",
    r"(?:don't|do\s+not|dont|never)\s+feel\s+safe\s+(?:at\s+home|around\s+(?:him|her|them)|"
    r"with\s+(?:him|her|them|my)|in\s+my\s+(?:own\s+)?(?:home|house|flat|apartment))|"
    r"(?:i'm|i\s+am)\s+(?:not|no\s+longer)\s+safe\b",
]

# One small regex per family: each has its own required words (see matching.py), so most
# paragraphs run only the few families whose words they contain.
_FAMILIES: list[tuple[str, CaselessRegex]] = [
    (f"{kind}{i}", caseless(r"(?<!\w)(?:" + src + r")(?!\w)"))
    for kind, sources in (("n", _NEGATABLE), ("u", _UNNEGATABLE))
    for i, src in enumerate(sources)
]
_FAMILY_SET = RegexSet(regex for _, regex in _FAMILIES)
_FAMILY_NAMES = {id(regex): name for name, regex in _FAMILIES}
# Abbreviations that only mean this in capitals ("OD" = overdose; "kms" = kill myself).
_CASED = re.compile(r"(?<![\w'])(?P<ncased>OD(?:'d|ed|ing)?|kms|KMS)(?![\w'])")
_CASED_TRIGGERS = ("od", "kms")  # in the folded text, wherever _CASED can match


def crisis_batch(batch: Batch) -> dict[int, list[CrisisHit]]:
    """Crisis hits in every paragraph of ``batch`` that has any.

    Each family runs only on the paragraphs holding its required words (one substring
    search over the whole batch finds them), so an ordinary draft costs a few searches.
    """
    found: dict[int, list[tuple[int, int, str]]] = {}
    for regex in _FAMILY_SET.possible(batch.words):
        name = _FAMILY_NAMES[id(regex)]
        for index in batch.candidates(regex):
            found.setdefault(index, []).extend(
                (m.start(), m.end(), name) for m in regex.finditer(batch.paragraphs[index])
            )
    for index, spans in phrase_family_hits(batch).items():
        found.setdefault(index, []).extend(spans)
    for index in batch.containing(_CASED_TRIGGERS) | batch.unaligned:
        paragraph = batch.paragraphs[index]
        found.setdefault(index, []).extend(
            (m.start(), m.end(), "ncased")
            for m in _CASED.finditer(paragraph.original.translate(APOSTROPHES))
        )
    # Concept hits add what the families missed; where a family already fired, its span
    # (and its softening) stands.
    for index, spans in concept_batch_hits(batch).items():
        known = found.setdefault(index, [])
        known.extend(
            span for span in spans if not any(s < span[1] and span[0] < e for s, e, _ in known)
        )
    hits = {index: resolve(batch.paragraphs[index], spans) for index, spans in found.items()}
    return {index: spans for index, spans in hits.items() if spans}


def scan_crisis(paragraph: Folded) -> list[CrisisHit]:
    """All crisis hits in one paragraph, as code-point spans into it."""
    return crisis_batch(Batch([paragraph])).get(0, [])
