"""What the export dialog is asked to send: the draft and what is known about its recipient.

Plain values only, gathered by the compose window's side (:mod:`safenote.gui.export_action`),
so the dialog never reaches into the window, the controller or the vault.
"""

from __future__ import annotations

from dataclasses import dataclass

from safenote.core.export.message import Message
from safenote.core.policy.model import Finding


@dataclass(frozen=True)
class ExportRequest:
    body: str
    subject: str = ""
    sender: str = ""
    findings: tuple[Finding, ...] = ()
    """The guidance shown for this text (the dialog summarises caution and urgent ones)."""
    recipient_keys: tuple[str, ...] = ()
    """``age1…`` keys from the chosen contact or their imported practice profile."""
    recipient_name: str = ""
    portal_limit: int | None = None
    """The practice's own portal limit (characters per message), when its profile gives one."""
    portal_profile: str = ""
    """The portal profile id chosen for the contact ("" when not known): preselected."""

    def message(self) -> Message:
        """The message as it leaves now (dated now)."""
        return Message(body=self.body, subject=self.subject, sender=self.sender)
