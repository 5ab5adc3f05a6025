"""The controller's saving: the current draft, and earlier drafts whose save failed.

:class:`SavingActions` is mixed into :class:`~safenote.gui.controller.ComposeController`,
which defines the signals and the current-draft machinery these methods use.

A save runs on the worker thread. New (or opening another draft) saves the draft being left
and shows the next one at once, so a save that fails (disk full, no permission, the file
locked) may fail after its words have left the window. Those words are kept in memory,
never written anywhere in plaintext, and saved again by the next save, by a timer and on
quit, until it works; opening that draft shows them again; quitting while they still can't
be saved is refused by :meth:`flush`'s answer until the person chooses (the window asks).
Keeping them, rather than reopening the failed draft, leaves the person where they chose to
be, and never puts two drafts' unsaved words in one editor.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from safenote.core.vault import Draft, VaultError

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from PySide6.QtCore import SignalInstance

    from safenote.core.vault import Vault
    from safenote.gui.tasks import TaskRunner

log = logging.getLogger(__name__)

RETRY_MS = 15_000  # a save that failed is tried again this often, until it works
TITLE_CHARS = 60


def draft_title(subject: str, body: str) -> str:
    """A list title: the subject, else the first non-empty line of the body."""
    for candidate in (subject, *body.splitlines()):
        line = " ".join(candidate.split())
        if line:
            return line if len(line) <= TITLE_CHARS else line[: TITLE_CHARS - 1] + "…"
    return ""


class SavingActions:
    # Its words are in the controller's translation context, spelled out in each
    # translate() (lupdate reads them there): a mixin's own tr() would not find them.
    if TYPE_CHECKING:  # provided by ComposeController
        vault: Vault | None
        tasks: TaskRunner
        draft: Draft
        last_saved: datetime | None
        save_state: str
        _text_source: Callable[[], str]
        _autosave: QTimer
        _edits: int
        _saved_edits: int
        draftsListed: SignalInstance
        saveStateChanged: SignalInstance
        problem: SignalInstance

        def _vault(self) -> Vault: ...

    def _init_saving(self, retry_ms: int) -> None:
        """The saving state, kept beside the methods that use it (called once from
        ``ComposeController.__init__``: a mixin ``__init__`` would fight QObject's)."""
        # Drafts no longer shown whose save failed: their words, by id, held in memory only
        # and saved again by every save, the retry timer and quitting, until it works.
        # Opening such a draft shows these words, not the older copy in the vault.
        self._waiting: dict[str, Draft] = {}
        self._retrying: set[str] = set()  # waiting drafts whose save is on its way
        self._trashed: set[str] = set()  # deleted by the person: their words are not kept
        self._current_failed = False  # the shown draft's last save failed
        self._told = False  # a run of failures is reported once, not at every retry
        self.save_error = ""  # why the last save failed (the quit question repeats it)
        self._retry = QTimer(cast(QObject, self), singleShot=True, interval=retry_ms)
        self._retry.timeout.connect(self.save_now)

    def _snapshot(self) -> Draft:
        body = self._text_source()
        return replace(self.draft, body=body, title=draft_title(self.draft.subject, body))

    def _worth_saving(self, draft: Draft) -> bool:
        # A brand-new draft nobody has written anything in is not kept.
        return draft.revision > 0 or bool(draft.body.strip() or draft.subject.strip() or draft.cc)

    def save_now(self) -> None:
        """Save the current draft now (Ctrl+S, autosave, switching drafts), off the GUI thread;
        earlier drafts whose save failed are tried again first."""
        self._autosave.stop()
        if self.vault is None:
            return
        for draft_id, waiting in list(self._waiting.items()):
            if draft_id not in self._retrying:
                self._retrying.add(draft_id)
                self._submit_save(waiting, None)
        if self._edits == self._saved_edits:
            return
        snapshot = self._snapshot()
        if not self._worth_saving(snapshot):
            return
        self._set_save_state("saving")
        self._submit_save(snapshot, self._edits)

    def _submit_save(self, snapshot: Draft, edits: int | None) -> None:
        """Save ``snapshot``; ``edits`` is the shown draft's edit count, None for a retry."""
        vault = self._vault()
        self.tasks.submit(
            lambda: (vault.save_draft(snapshot), vault.list_drafts()),
            lambda result: self._on_saved(edits, result),
            lambda err: self._on_save_failed(snapshot, edits, err),
        )

    def _on_saved(self, edits: int | None, result: tuple) -> None:  # type: ignore[type-arg]
        saved, listing = result
        self.draftsListed.emit(listing)
        # Saves finish in the order they were asked for, so whatever was waiting for this
        # draft is older than what was just saved.
        self._retrying.discard(saved.id)
        self._waiting.pop(saved.id, None)
        if saved.id == self.draft.id:
            self.draft = replace(self.draft, revision=saved.revision, created=saved.created)
            self.last_saved = saved.updated
            if edits is not None:
                # Only this draft's own save counts its edits: an earlier draft's save,
                # finishing after another draft opened, taken for this one made autosave
                # and quitting skip a draft with as many edits as the last one had.
                self._saved_edits = max(self._saved_edits, edits)
                self._current_failed = False
        if not (self._waiting or self._current_failed):
            self._told = False
        self._set_save_state(self._base_state(), force=True)

    def _on_save_failed(self, snapshot: Draft, edits: int | None, err: BaseException) -> None:
        self._retrying.discard(snapshot.id)
        reason = self._save_problem(err)
        self.save_error = reason
        if snapshot.id == self.draft.id:
            # Its words are still in the window, and stay unsaved until a save works.
            self._current_failed = True
            if edits is not None:
                self._saved_edits = min(self._saved_edits, edits - 1)
            message = reason
        elif snapshot.id in self._trashed:
            message = QCoreApplication.translate(
                "ComposeController",
                "“{}” went to the trash without its latest changes: they couldn't be saved.",
            ).format(self._title(snapshot))
            message += "\n\n" + reason
        else:
            # The person has moved to another draft: these words are nowhere on screen now.
            self._waiting[snapshot.id] = snapshot
            message = QCoreApplication.translate(
                "ComposeController",
                "Your earlier draft “{}” couldn't be saved yet. Its words are kept safe in "
                "memory and SafeNote keeps trying to save them, so keep SafeNote open until "
                "the status bar no longer says a draft is waiting. Opening that draft shows "
                "them again.",
            ).format(self._title(snapshot))
            message += "\n\n" + reason
        self._retry.start()
        self._set_save_state(self._base_state(), force=True)
        if not self._told:
            self._told = True
            self.problem.emit(message)

    def _base_state(self) -> str:
        if self._current_failed:
            return "failed"
        return "saved" if self.draft.revision and self._edits == self._saved_edits else "unsaved"

    def _set_save_state(self, state: str, *, force: bool = False) -> None:
        if self._waiting and state in ("saved", "unsaved"):
            # This draft is fine, but an earlier one's words are not on disk yet: saying
            # "Saved" here would hide that.
            state = "waiting"
        # Typing calls this on every key; only a change of state is worth a signal.
        if force or state != self.save_state:
            self.save_state = state
            self.saveStateChanged.emit(state, self.last_saved)

    def _save_problem(self, err: BaseException) -> str:
        if isinstance(err, VaultError):
            return str(err)
        # The vault turns damage and a full disk into its own errors; what is left is a
        # file that can't be written (no permission, locked by another program).
        log.warning("A draft could not be saved: %s", type(err).__name__)
        return QCoreApplication.translate(
            "ComposeController",
            "SafeNote couldn't write to its drafts file. Check that the disk has free space "
            "and that your account can write to SafeNote's folder, then save again.",
        )

    def _title(self, draft: Draft) -> str:
        return (
            draft.title
            or draft_title(draft.subject, draft.body)
            or QCoreApplication.translate("ComposeController", "Untitled")
        )

    def _save_now_or_never(self, snapshot: Draft) -> Draft | None:
        """Save on this thread (on quit); None when it failed (``save_error`` says why)."""
        try:
            return self._vault().save_draft(snapshot)
        except Exception as err:  # whatever the cause, quitting must go on and ask
            self.save_error = self._save_problem(err)
            return None

    def flush(self) -> bool:
        """Save everything unsaved before returning (on quit). Returns False when some words
        could not be saved: they are still held (nothing is dropped) and ``save_error`` says
        why, so the window can ask before quitting loses them."""
        self._autosave.stop()
        while self.tasks.busy:
            self.tasks.wait()
            # Answers of work just finished are still queued for the event loop: take them
            # now, or a failed save of the draft left just before quitting looks saved.
            QCoreApplication.sendPostedEvents(self.tasks)
        self._retry.stop()
        if self.vault is None:
            return True
        for draft_id, waiting in list(self._waiting.items()):
            if self._save_now_or_never(waiting) is not None:
                del self._waiting[draft_id]
        if self._edits != self._saved_edits:
            snapshot = self._snapshot()
            if self._worth_saving(snapshot):
                saved = self._save_now_or_never(snapshot)
                if saved is None:
                    self._current_failed = True
                else:
                    self.draft = replace(self.draft, revision=saved.revision)
                    self._saved_edits = self._edits
                    self._current_failed = False
                    self.last_saved = saved.updated
        self._set_save_state(self._base_state(), force=True)
        return not (self._waiting or self._current_failed)
