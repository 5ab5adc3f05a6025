"""The one object between the compose window and core: it owns the vault and the checker.

Widgets call the controller's methods and render what its signals carry; they never call
core themselves. Vault calls run on a background thread (:class:`TaskRunner`), guidance
checks on another (:class:`GuidanceChecker`), so the GUI thread only handles results.

Its guidance side lives in :mod:`safenote.gui.controller_guidance`, its whole-vault
actions (trash, search, history, contacts) in :mod:`safenote.gui.controller_library` and
saving (with retrying what failed) in :mod:`safenote.gui.controller_saving`, all mixed in
here, where the signals have to be declared.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from safenote.core.vault import (
    Contact,
    ContactListing,
    Draft,
    DraftListing,
    Settings,
    Vault,
    VaultError,
)
from safenote.gui.controller_guidance import GuidanceActions
from safenote.gui.controller_library import LibraryActions
from safenote.gui.controller_saving import RETRY_MS, SavingActions
from safenote.gui.tasks import TaskRunner

log = logging.getLogger(__name__)

AUTOSAVE_MS = 1500  # "saved within about 2 seconds of a pause"
GUIDANCE_MS = 120  # a short pause before checking keeps keystrokes cheap


_Loaded = tuple[Settings, ContactListing, DraftListing, Draft | VaultError | None]


def _load_all(vault: Vault) -> _Loaded:
    """Everything the window shows first, in one trip to the vault's thread: settings,
    contacts, the drafts list and the newest draft (None when there is none, or why it
    won't open)."""
    drafts = vault.list_drafts()
    newest: Draft | VaultError | None = None
    if drafts.drafts:
        try:
            newest = vault.get_draft(drafts.drafts[0].id)
        except VaultError as err:
            newest = err
    return vault.get_settings(), vault.list_contacts(), drafts, newest


class ComposeController(GuidanceActions, LibraryActions, SavingActions, QObject):
    """Owns the open vault, the current draft and the guidance checker."""

    vaultReady = Signal()
    """The vault is open; drafts, contacts and settings are loading."""
    recoveryCodeCreated = Signal(str)
    """A new vault was created: carries the recovery code to show once."""
    vaultFailed = Signal(str)
    """The vault could not be opened or created: carries a user-facing message."""
    draftsListed = Signal(object)
    """``DraftListing`` of live drafts (titles and times only), newest first."""
    trashListed = Signal(object)
    """``DraftListing`` of drafts in the trash."""
    draftOpened = Signal(object)
    """The ``Draft`` now being edited (header fields and body), after open or restore."""
    headerUpdated = Signal(object)
    """The current ``Draft``'s header changed from inside (e.g. a new contact was chosen)."""
    guidanceChanged = Signal(object)
    """``list[Guidance]`` to show as cards and underlines (dismissed ones left out)."""
    crisisChanged = Signal(object)
    """``list[Guidance]`` of urgent findings (empty when none); never dismissable. Always
    followed by ``guidanceChanged``."""
    guidanceUnavailable = Signal(str)
    """Guidance can't run (its rules failed to load): carries a user-facing message."""
    saveStateChanged = Signal(str, object)
    """("unsaved" | "saving" | "saved" | "failed", time of the last save or None)."""
    contactsChanged = Signal(object)
    """``tuple[Contact, ...]`` after loading or any change."""
    historyLoaded = Signal(object)
    """``list[RevisionInfo]`` of the current draft, newest first."""
    revisionLoaded = Signal(object)
    """A ``Draft`` as it was at an earlier revision (for preview)."""
    searchFinished = Signal(str, object)
    """(query, set of matching draft ids); matches titles and bodies."""
    characterLimitChanged = Signal(object)
    """The portal's character limit for this draft (``int``), or None when there is none.
    It applies only when sending via the portal; the recipient's practice profile gives it,
    else the portal profile chosen for the contact (e.g. 1,000 for ``plain-1000``)."""
    checked = Signal()
    """Guidance for the current text has been published (tests and benchmarks wait on it)."""
    problem = Signal(str)
    """A user-facing message about something that failed (nothing is lost)."""

    def __init__(
        self,
        vault: Vault | None = None,
        *,
        autosave_ms: int = AUTOSAVE_MS,
        guidance_ms: int = GUIDANCE_MS,
        retry_ms: int = RETRY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.tasks = TaskRunner(self)
        self.checks = TaskRunner(self)  # its own thread: a check never waits behind a save
        self._init_guidance()
        self.draft = Draft()
        self.settings = Settings()
        self.contacts: tuple[Contact, ...] = ()
        self.last_saved: datetime | None = None
        self.save_state = "unsaved"
        self._text_source: Callable[[], str] = lambda: self.draft.body
        self._generation = 0
        self._edits = 0  # bumps on every change that needs saving
        self._saved_edits = 0
        self._loading = False
        self.opened = False  # a draft has been shown: the window may take typing
        # Bumps whenever a draft is shown or asked for. A draft asked for before the latest
        # bump arrives stale (the person pressed New, or opened or deleted another since):
        # showing it would undo what they did last, so it is dropped.
        self._navigation = 0
        self._opening: str | None = None  # the draft asked for, not shown yet
        self._history_of: str | None = None  # the draft History was last opened for
        self._closed = False
        self._autosave = QTimer(self, singleShot=True, interval=autosave_ms)
        self._autosave.timeout.connect(self.save_now)
        self._init_saving(retry_ms)
        self._check_timer = QTimer(self, singleShot=True, interval=guidance_ms)
        self._check_timer.timeout.connect(self._request_check)

    # -- start-up ---------------------------------------------------------------------------

    def start(self, open_vault: Callable[[], tuple[Vault, str | None]] | None = None) -> None:
        """Open the injected vault, or run ``open_vault`` (keyring work) off the GUI thread."""
        if self.vault is not None:
            self._on_vault((self.vault, None))
        elif open_vault is not None:
            self.tasks.submit(open_vault, self._on_vault, self._on_vault_error)

    def _on_vault(self, result: tuple[Vault, str | None]) -> None:
        self.vault, code = result
        if code:
            self.recoveryCodeCreated.emit(code)
        self.vaultReady.emit()
        vault = self.vault
        self.tasks.submit(lambda: _load_all(vault), self._on_loaded, self._report)

    def _on_vault_error(self, err: BaseException) -> None:
        self.vaultFailed.emit(str(err) if isinstance(err, VaultError) else self._oops())

    def _on_loaded(self, loaded: _Loaded) -> None:
        self.settings, contact_listing, drafts, newest = loaded
        self.contacts = contact_listing.contacts
        self.contactsChanged.emit(self.contacts)
        self.draftsListed.emit(drafts)
        if self.opened:
            # New was pressed while the drafts loaded (the button and Ctrl+N work then): the
            # newest draft arriving now would replace the new one and what was typed in it.
            return
        if isinstance(newest, Draft):
            self._show(newest)
            return
        if newest is not None:
            # The newest draft is damaged: say so, and open a fresh page so writing can go
            # on; the damaged draft stays in the list, and every other draft opens.
            self._report(newest)
        self._show(Draft())

    # -- the current draft ------------------------------------------------------------------

    def set_text_source(self, source: Callable[[], str]) -> None:
        """Where the body comes from (the editor); read only when checking or saving."""
        self._text_source = source

    def edited(self) -> None:
        """The body changed: cheap, called per keystroke; the real work waits for a pause."""
        if self._closed:
            return
        self._generation += 1
        self._check_timer.start()
        if not self._loading:
            self._edits += 1
            self._autosave.start()
            self._set_save_state("unsaved")

    def set_header(
        self,
        *,
        contact_id: str | None = None,
        channel: str | None = None,
        subject: str | None = None,
        cc: tuple[str, ...] | None = None,
    ) -> None:
        """A header field changed: update the context for guidance and save soon."""
        draft = self.draft
        if contact_id is not None:
            contact = self.contact(contact_id)
            draft = replace(
                draft,
                recipient_contact_id=contact_id or None,
                relationship=contact.relationship if contact else draft.relationship,
            )
        if channel is not None:
            draft = replace(draft, channel=channel)
        if subject is not None:
            draft = replace(draft, subject=subject)
        if cc is not None:
            draft = replace(draft, cc=cc)
        if draft == self.draft:
            return
        self.draft = draft
        self._generation += 1
        self._request_check()
        if not self._loading:
            self._edits += 1
            self._autosave.start()
            self._set_save_state("unsaved")

    def contact(self, contact_id: str | None) -> Contact | None:
        return next((c for c in self.contacts if c.id == contact_id), None)

    @property
    def opening(self) -> bool:
        """A draft has been asked for (open, restore) and is not on screen yet."""
        return self._opening is not None

    @property
    def check_pending(self) -> bool:
        """A guidance check for the current text is waiting for its pause or running."""
        return self._check_timer.isActive() or self._checking

    @property
    def idle(self) -> bool:
        """No check or vault work pending (tests and benchmarks wait on this)."""
        return not (
            self._check_timer.isActive() or self._checking or self.tasks.busy or self.checks.busy
        )

    def shutdown(self) -> None:
        """Flush, stop the timers and threads, let go of the editor, close the vault."""
        if not self.flush():
            # The window asked before closing (see ComposeWindow.closeEvent); no text here.
            log.warning("Quit with words that could not be saved")
        self.draft = replace(self.draft, body=self._text_source())
        self._closed = True
        self._check_timer.stop()
        self._autosave.stop()
        self._retry.stop()
        # The window (and its editor) may be deleted before this object: never call into it.
        self._text_source = lambda: self.draft.body
        self.checks.wait()
        self.tasks.wait()
        if self.vault is not None:
            self.vault.close()
            self.vault = None

    # -- drafts ---------------------------------------------------------------------------

    def _show(self, draft: Draft) -> None:
        waiting = self._waiting.pop(draft.id, None)
        if waiting is not None:
            # Its last save failed after the person left it: show the words they wrote, not
            # the older copy the vault has, and keep them unsaved until a save works.
            draft = replace(
                waiting, revision=draft.revision, created=draft.created, updated=draft.updated
            )
        self._navigation += 1
        self._opening = None
        self._all = []
        self.draft = draft
        self._publish()  # clear the previous draft's guidance at once
        self._edits = self._saved_edits = 0
        self._current_failed = waiting is not None
        if waiting is not None:
            self._edits = 1
            self._retry.start()
        self.last_saved = draft.updated if draft.revision else None
        self.opened = True
        self._loading = True
        try:
            self.draftOpened.emit(draft)
        finally:
            self._loading = False
        self._set_save_state(self._base_state(), force=True)
        self._generation += 1
        self._request_check()

    def new_draft(self) -> None:
        self.save_now()
        self._show(Draft(relationship=self.draft.relationship, channel=self.draft.channel))

    def open_draft(self, draft_id: str) -> None:
        if draft_id == self.draft.id and self.draft.revision:
            return
        self.save_now()
        vault = self._vault()
        token = self._ask_for(draft_id)
        self.tasks.submit(
            lambda: vault.get_draft(draft_id), lambda d: self._arrived(token, d), self._report
        )

    def _ask_for(self, draft_id: str | None) -> int:
        """Note that a draft was asked for (None: cancel one asked for); returns its token."""
        self._navigation += 1
        self._opening = draft_id
        return self._navigation

    def _arrived(self, token: int, draft: Draft) -> None:
        """Show a draft asked for earlier, now back from the vault's thread."""
        if token != self._navigation:
            return  # the person has moved on since asking (see ``_navigation``)
        # The person may have typed (or changed the header) since asking: that went into the
        # draft still shown, and showing this one would replace it unsaved. Save it first.
        self.save_now()
        self._show(draft)

    # -- helpers ------------------------------------------------------------------------------

    def _vault(self) -> Vault:
        if self.vault is None:
            raise RuntimeError("the vault is not open yet")
        return self.vault

    def _report(self, err: BaseException) -> None:
        self.problem.emit(str(err) if isinstance(err, VaultError) else self._oops())

    def _oops(self) -> str:
        return self.tr(
            "Something went wrong inside SafeNote. Your text is still in the window; "
            "try again, and if it keeps happening, restart SafeNote."
        )
