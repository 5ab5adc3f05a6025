"""The controller's actions on the vault as a whole: trash, search, history, contacts.

:class:`LibraryActions` is mixed into :class:`~safenote.gui.controller.ComposeController`,
which defines the signals and the current-draft machinery these methods use; it exists only
to keep each module a readable size.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from safenote.core.vault import Contact, Draft, DraftListing, NotFoundError, Settings, VaultError

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from safenote.core.export.portal import PortalProfile
    from safenote.core.vault import Vault
    from safenote.gui.tasks import TaskRunner


def portal_profiles() -> tuple[PortalProfile, ...]:
    """The bundled portal profiles a contact's portal can be chosen from, sorted by id; none
    when they can't be read (the choice is then only "Not sure", nothing else breaks)."""
    # Imported here, not at the top: only the contact dialog needs it, not start-up.
    from safenote.core.export.errors import ExportError
    from safenote.core.export.portal import list_profiles

    try:
        return tuple(list_profiles())
    except (ExportError, OSError):
        return ()


class LibraryActions:
    if TYPE_CHECKING:  # provided by ComposeController
        vault: Vault | None
        tasks: TaskRunner
        draft: Draft
        contacts: tuple[Contact, ...]
        settings: Settings
        _generation: int
        _edits: int
        _navigation: int
        _opening: str | None
        _waiting: dict[str, Draft]
        _trashed: set[str]
        _history_of: str | None
        draftsListed: SignalInstance
        trashListed: SignalInstance
        searchFinished: SignalInstance
        historyLoaded: SignalInstance
        revisionLoaded: SignalInstance
        contactsChanged: SignalInstance
        headerUpdated: SignalInstance

        def save_now(self) -> None: ...
        def set_header(
            self, *, contact_id: str | None = None, channel: str | None = None
        ) -> None: ...
        def _show(self, draft: Draft) -> None: ...
        def _arrived(self, token: int, draft: Draft) -> None: ...
        def _ask_for(self, draft_id: str | None) -> int: ...
        def _vault(self) -> Vault: ...
        def _report(self, err: BaseException) -> None: ...
        def _request_check(self) -> None: ...

    # -- drafts and the trash -------------------------------------------------------------

    def delete_draft(self, draft_id: str) -> None:
        """Move a draft to the trash; if it is open, start a new one."""
        self.save_now()  # also one last try for its words if an earlier save failed
        vault = self._vault()
        # Once in the trash a draft can't be saved: words still waiting for a save would be
        # retried for ever. The try just asked for goes first; if it fails, the person is
        # told the draft went to the trash without them.
        self._trashed.add(draft_id)
        self._waiting.pop(draft_id, None)
        if draft_id == self.draft.id:
            self._show(Draft(relationship=self.draft.relationship, channel=self.draft.channel))
        elif draft_id == self._opening:
            # Asked for and not here yet: it would open out of the trash, where nothing typed
            # into it can be saved. Stay on the draft shown.
            self._ask_for(None)

        def trash() -> tuple[DraftListing, DraftListing]:
            # A draft never saved has nothing to move to the trash.
            with contextlib.suppress(NotFoundError):
                vault.delete_draft(draft_id)
            return vault.list_drafts(), vault.list_trash()

        self.tasks.submit(trash, self._on_lists, self._report)

    def restore_draft(self, draft_id: str) -> None:
        """Bring a draft back from the trash and open it."""
        vault = self._vault()
        self.save_now()
        self._trashed.discard(draft_id)

        def restore() -> tuple[DraftListing, DraftListing]:
            vault.restore_from_trash(draft_id)
            return vault.list_drafts(), vault.list_trash()

        token = self._ask_for(draft_id)
        self.tasks.submit(restore, self._on_lists, self._report)
        self.tasks.submit(
            lambda: vault.get_draft(draft_id), lambda d: self._arrived(token, d), self._report
        )

    def list_trash(self) -> None:
        vault = self._vault()
        self.tasks.submit(vault.list_trash, self.trashListed.emit, self._report)

    def _on_lists(self, result: tuple[DraftListing, DraftListing]) -> None:
        drafts, trash = result
        self.draftsListed.emit(drafts)
        self.trashListed.emit(trash)

    def search(self, query: str) -> None:
        """Find drafts whose title or body contains ``query`` (decrypted off the GUI thread)."""
        vault = self._vault()
        needle = query.casefold().strip()

        def find() -> set[str]:
            found = set()
            for summary in vault.list_drafts().drafts:
                if needle in summary.title.casefold():
                    found.add(summary.id)
                    continue
                try:
                    if needle in vault.get_draft(summary.id).body.casefold():
                        found.add(summary.id)
                except VaultError:
                    continue
            return found

        self.tasks.submit(find, lambda ids: self.searchFinished.emit(query, ids), self._report)

    # -- history ----------------------------------------------------------------------------

    def load_history(self) -> None:
        self.save_now()
        vault, draft_id = self._vault(), self.draft.id
        # What History shows, previews and restores is this draft's, even if another draft
        # asked for just before opening it arrives while History is open: restoring by
        # number into the draft then shown restored that one's version instead.
        self._history_of = draft_id
        if not self.draft.revision:
            self.historyLoaded.emit([])
            return
        self.tasks.submit(lambda: vault.history(draft_id), self.historyLoaded.emit, self._report)

    def preview_revision(self, revision: int) -> None:
        vault, draft_id = self._vault(), self._history_of or self.draft.id
        self.tasks.submit(
            lambda: vault.get_revision(draft_id, revision), self.revisionLoaded.emit, self._report
        )

    def restore_revision(self, revision: int) -> None:
        """Make an earlier revision the newest and show it (the current one stays in history)."""
        self._restore(self._history_of or self.draft.id, revision)

    def _restore(self, draft_id: str, revision: int) -> None:
        self.save_now()
        vault, edits = self._vault(), self._edits
        token = self._ask_for(draft_id)
        self.tasks.submit(
            lambda: (vault.restore_revision(draft_id, revision), vault.list_drafts()),
            lambda result: self._on_restored(token, revision, edits, result),
            self._report,
        )

    def _on_restored(self, token: int, revision: int, edits: int, result: tuple) -> None:  # type: ignore[type-arg]
        draft, listing = result
        self.draftsListed.emit(listing)
        if token != self._navigation:
            return  # another draft was shown or asked for since: this one stays restored
        if self._edits != edits:
            # Typed after asking (the History dialog closes at once): showing the restored
            # text would replace those words unsaved. Save them as a version of their own,
            # then restore again on top, so the restore still happens and they stay in history.
            self._restore(draft.id, revision)  # its save_now saves the late words first
            return
        self._show(draft)

    # -- contacts and settings --------------------------------------------------------------

    def save_contact(self, contact: Contact) -> None:
        vault, draft_id = self._vault(), self.draft.id
        self.tasks.submit(
            lambda: (vault.save_contact(contact), vault.list_contacts()),
            lambda result: self._on_contact_saved(draft_id, result),
            self._report,
        )

    def _on_contact_saved(self, draft_id: str, result: tuple) -> None:  # type: ignore[type-arg]
        saved, listing = result
        self.contacts = listing.contacts
        self.contactsChanged.emit(self.contacts)
        # The contact was added or edited from the header of the draft open then. If another
        # draft has opened since (New, say, pressed before this save finished), the contact
        # is not this one's: putting it (and its channel) on it sent the message astray.
        if self.draft.id == draft_id and self.draft.recipient_contact_id in (None, saved.id):
            self.set_header(contact_id=saved.id)
            if saved.preferred_channel:
                self.set_header(channel=saved.preferred_channel)
            self.headerUpdated.emit(self.draft)
        # The contact's details (its practice profile, say) may change guidance.
        self._generation += 1
        self._request_check()

    def save_settings(self, settings: Settings) -> None:
        vault = self._vault()
        self.settings = settings
        self._generation += 1
        self._request_check()
        self.tasks.submit(lambda: vault.save_settings(settings), None, self._report)
