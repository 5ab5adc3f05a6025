from __future__ import annotations

from safenote.core.export.clipboard_policy import CLEAR_AFTER_SECONDS, ClipboardCopy


def test_clears_only_when_due_and_unchanged() -> None:
    copy = ClipboardCopy(text="(1/2) Hello", copied_at=100.0)
    assert CLEAR_AFTER_SECONDS == 30
    assert copy.clear_at == 130.0
    assert not copy.should_clear("(1/2) Hello", now=129.9)
    assert copy.should_clear("(1/2) Hello", now=130.0)
    # The person copied something else meanwhile: leave their clipboard alone.
    assert not copy.should_clear("a phone number", now=131.0)
