"""The controller's guidance side: checking the draft, publishing cards, dismissing them.

:class:`GuidanceActions` is mixed into :class:`~safenote.gui.controller.ComposeController`,
which defines the signals, the timers and the current-draft machinery these methods use; it
exists only to keep each module a readable size.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from safenote.gui.guidance_worker import (
    Guidance,
    GuidanceChecker,
    GuidanceContext,
    GuidanceUnavailableError,
    to_context,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QTimer, SignalInstance

    # Only for the annotation: the engine loads on the guidance thread, never at import.
    from safenote.core.policy import Context
    from safenote.core.vault import Contact, Draft, Settings
    from safenote.gui.tasks import TaskRunner


def _urgent(item: Guidance) -> bool:
    return item.finding.severity.value == "urgent"


class GuidanceActions:
    if TYPE_CHECKING:  # provided by ComposeController
        checks: TaskRunner
        draft: Draft
        settings: Settings
        _text_source: Callable[[], str]
        _check_timer: QTimer
        _generation: int
        _edits: int
        _closed: bool
        guidanceChanged: SignalInstance
        crisisChanged: SignalInstance
        guidanceUnavailable: SignalInstance
        characterLimitChanged: SignalInstance
        checked: SignalInstance

        def contact(self, contact_id: str | None) -> Contact | None: ...
        def save_now(self) -> None: ...

    def _init_guidance(self) -> None:
        """The guidance state, kept here beside the methods that use it (called once from
        ``ComposeController.__init__``: a mixin ``__init__`` would fight QObject's)."""
        self._checker = GuidanceChecker()
        self._checking = False
        self._check_again = False
        self._guidance_off = False
        self.hidden_categories: frozenset[str] = frozenset()  # chosen in Settings
        self.guidance: list[Guidance] = []
        self.character_limit: int | None = None
        self._published = -1
        self._all: list[Guidance] = []

    # -- the context guidance is checked in --------------------------------------------------

    def guidance_context(self) -> GuidanceContext:
        d = self.draft
        recipient = self.contact(d.recipient_contact_id)
        return GuidanceContext(
            relationship=d.relationship,
            channel=d.channel,
            subject=d.subject,
            cc=d.cc,
            sender_name=self.settings.sender_name,
            region=self.settings.region,
            practice_profile=recipient.practice_profile if recipient else "",
            practice_label=recipient.name if recipient else "",
            portal_profile=recipient.portal if recipient else "",
        )

    def context(self) -> Context:
        """The engine's context for the current draft (loads the engine if needed)."""
        return to_context(self.guidance_context())

    # -- checking -----------------------------------------------------------------------------

    def _request_check(self) -> None:
        self._check_timer.stop()
        if self._guidance_off or self._closed:
            return
        if self._checking:
            self._check_again = True  # one at a time; the latest text goes next
            return
        self._checking = True
        generation, text, ctx, checker = (
            self._generation,
            self._text_source(),
            self.guidance_context(),
            self._checker,
        )

        def check() -> tuple[int, list[Guidance], int | None]:
            guidance = checker.run(text, ctx)
            return generation, guidance, checker.portal_limit

        self.checks.submit(check, self._on_checked, self._on_check_failed)

    def _on_checked(self, result: tuple[int, list[Guidance], int | None]) -> None:
        self._checking = False
        generation, guidance, portal_limit = result
        limit = portal_limit if self.draft.channel in ("", "portal") else None
        if limit != self.character_limit:
            self.character_limit = limit
            self.characterLimitChanged.emit(limit)
        if self._check_again:
            self._check_again = False
            self._request_check()  # asked for again meanwhile: check the newest text
            return
        if generation != self._generation:
            return  # typed since: the pause timer will ask for a fresh check
        self._all = guidance
        self._published = generation
        self._publish()
        self.checked.emit()

    def _on_check_failed(self, err: BaseException) -> None:
        self._checking = False
        if isinstance(err, GuidanceUnavailableError):
            self._guidance_off = True
            self.guidanceUnavailable.emit(str(err))
        else:
            raise err

    @property
    def guidance_is_current(self) -> bool:
        """True when the guidance shown is for the text and header as they are now."""
        return self._published == self._generation or self._guidance_off

    # -- what is shown ----------------------------------------------------------------------

    def _publish(self) -> None:
        dismissed = set(self.draft.dismissed_rule_ids)
        urgent = [g for g in self._all if _urgent(g)]
        hidden = self.hidden_categories
        self.guidance = [
            g
            for g in self._all
            if not _urgent(g)
            and g.finding.rule not in dismissed
            and g.finding.category not in hidden
        ]
        self.crisisChanged.emit(urgent)
        self.guidanceChanged.emit(self.guidance)

    def set_hidden_categories(self, categories: frozenset[str]) -> None:
        """Non-urgent guidance categories the person chose not to see (urgent always shows)."""
        self.hidden_categories = frozenset(categories)
        self._publish()

    def dismiss(self, rule_id: str) -> None:
        """Hide a rule's guidance for this draft (remembered, encrypted). Never ``urgent``."""
        urgent = {g.finding.rule for g in self._all if _urgent(g)}
        if rule_id in urgent:
            return
        if rule_id in self.draft.dismissed_rule_ids:
            return
        self.draft = replace(
            self.draft, dismissed_rule_ids=(*self.draft.dismissed_rule_ids, rule_id)
        )
        self._publish()
        self._edits += 1
        self.save_now()

    def restore_dismissed(self) -> None:
        """Show every dismissed suggestion again for this draft."""
        if self.draft.dismissed_rule_ids:
            self.draft = replace(self.draft, dismissed_rule_ids=())
            self._publish()
            self._edits += 1
            self.save_now()
