"""ID-like numbers a client should not paste into a message: SSNs, cards, account numbers.

Card numbers must pass the Luhn check and IBANs the mod-97 check, so order numbers, phone
numbers and dates do not fire.
"""

from __future__ import annotations

import re

from safenote.core.policy.matching import Folded

_SSN = re.compile(r"(?<![\w-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\w-])")
_SSN_LABELLED = re.compile(
    r"(?:ssn|social\s+security(?:\s+(?:number|no\.?|#))?)\s*(?:is|:|#)?\s*"
    r"(?!000|666|9\d\d)(\d{9})(?!\d)",
    re.IGNORECASE,
)
_CARD = re.compile(r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])")
_IBAN = re.compile(
    r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])"
)
_ACCOUNT = re.compile(
    r"(?:account|acct|a/c|routing|member|policy|insurance\s+id|member\s+id|sort\s+code)"
    r"(?:\s+(?:number|no\.?|num|#))?\s*(?:is|:|#)?\s*(\d[\d -]{4,}\d)",
    re.IGNORECASE,
)

# Every identifier above contains, in the folded text, two digits at most one space or
# hyphen apart, or an account label: cheap tests that rule out most paragraphs.
DIGIT_PAIR = re.compile(r"\d[ -]?\d")
ACCOUNT_LABELS = ("account", "acct", "a/c", "routing", "member", "policy", "insurance", "sort")


def luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def iban_ok(candidate: str) -> bool:
    compact = candidate.replace(" ", "")
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


def scan_identifiers(folded: Folded) -> list[tuple[int, int]]:
    """Spans of likely identifiers in one paragraph."""
    paragraph = folded.original
    # Digits are ASCII here on purpose: other scripts' digits are not used in these IDs.
    if not any(ch in paragraph for ch in "0123456789"):
        return []
    spans: list[tuple[int, int]] = [m.span() for m in _SSN.finditer(paragraph)]
    spans.extend(m.span(1) for m in _SSN_LABELLED.finditer(paragraph))
    for match in _CARD.finditer(paragraph):
        digits = re.sub(r"[ -]", "", match.group())
        if 13 <= len(digits) <= 19 and luhn_ok(digits) and len(set(digits)) > 1:
            spans.append(match.span())
    for match in _IBAN.finditer(paragraph):
        if iban_ok(match.group()):
            spans.append(match.span())
    for match in _ACCOUNT.finditer(paragraph):
        if sum(ch.isdigit() for ch in match.group(1)) >= 6:
            spans.append(match.span(1))
    return sorted(set(spans))
