"""When a copied portal part should be cleared from the clipboard (pure data, no Qt).

The GUI starts a timer for :attr:`ClipboardCopy.clear_after`; when it fires it asks
:meth:`ClipboardCopy.should_clear` with what the clipboard holds *now*, so anything the
person copied in the meantime is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass

CLEAR_AFTER_SECONDS = 30.0


@dataclass(frozen=True)
class ClipboardCopy:
    """One part placed on the clipboard at ``copied_at`` (a monotonic clock reading)."""

    text: str
    copied_at: float
    clear_after: float = CLEAR_AFTER_SECONDS

    @property
    def clear_at(self) -> float:
        return self.copied_at + self.clear_after

    def should_clear(self, clipboard_now: str, now: float) -> bool:
        """Clear only once the time is up and only if the clipboard still holds our text."""
        return now >= self.clear_at and clipboard_now == self.text
