"""The compose window's "Export…" action: gather the draft and open the export dialog.

Kept apart from the window so wiring it in is one line, and light to import: the dialog
(and pyrage, pypdf behind it) loads only when the person first exports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from safenote.gui.clipboard_guard import ClipboardGuard

if TYPE_CHECKING:
    from safenote.core.vault import Contact
    from safenote.gui.compose_window import ComposeWindow
    from safenote.gui.controller import ComposeController
    from safenote.gui.export_dialog import ExportDialog
    from safenote.gui.export_request import ExportRequest

EXPORT_KEYS = "Ctrl+E"
_WAITING = "_export_waiting"  # on the window: opens the export that waits (see below)


def practice_portal_limit(contact: Contact | None) -> int | None:
    """The portal limit in the contact's imported practice profile, if it gives one."""
    if contact is None or not contact.practice_profile:
        return None
    from safenote.core.practice import PracticeError, load_practice_text

    try:
        return load_practice_text(contact.practice_profile).context.portal_limit
    except PracticeError:
        return None  # a stored profile that no longer validates: the portal's own limit


def request_from_window(window: ComposeWindow) -> ExportRequest:
    """The draft as it is on screen now, with the guidance shown for it."""
    from safenote.gui.export_request import ExportRequest

    c = window.controller
    contact = c.contact(c.draft.recipient_contact_id)
    keys = tuple(contact.public_key.split()) if contact is not None else ()
    shown = [*window.crisis.current, *c.guidance]
    return ExportRequest(
        body=window.editor.toPlainText(),
        subject=c.draft.subject,
        sender=c.settings.sender_name,
        findings=tuple(g.finding for g in shown),
        recipient_keys=keys,
        recipient_name=contact.name if contact is not None else "",
        portal_limit=practice_portal_limit(contact),
        portal_profile=contact.portal if contact is not None else "",
    )


def window_clipboard(window: QMainWindow) -> ClipboardGuard:
    """The window's clipboard guard (the privacy session's, which lock and quit clear),
    or a new one that lives as long as the window."""
    guard = window.findChild(ClipboardGuard)
    if isinstance(guard, ClipboardGuard):
        return guard
    guard = ClipboardGuard(parent=window)
    app = QCoreApplication.instance()
    if app is not None:  # as the privacy session does: nothing of ours outlives the app
        app.aboutToQuit.connect(guard.clear_if_ours)
    return guard


def open_export_dialog(window: ComposeWindow) -> ExportDialog | None:
    """Open the dialog for the draft on screen; None when it opens a moment later, once
    what it snapshots is settled (see :func:`_settling`)."""
    c = window.controller
    # Vault work still on its way may change what the dialog snapshots: a contact saved
    # from the header or edited (a key just corrected, say) reaches the draft only when
    # the save finishes, so Ctrl+E before that exported with the contact as it was.
    if c.tasks.busy or _settling(c):
        _open_when_settled(window)
        return None
    return _open_now(window)


def _settling(c: ComposeController) -> bool:
    """Whether a snapshot taken now would not match what the person is about to see."""
    if c.opening:
        # Another draft was asked for (clicked, restored) and has not arrived: a snapshot now
        # would export the draft leaving the screen, with its recipient, while the one the
        # person chose appears behind the dialog.
        return True
    # Guidance is checked after a pause in typing: pressed within it, the summary would be
    # the previous text's (no urgent summary for a crisis line just typed). Only while a
    # check is on its way: one that failed must not keep the export from opening.
    pending = c.check_pending
    return pending and not c.guidance_is_current


def _open_when_settled(window: ComposeWindow) -> None:
    c = window.controller
    waiting = getattr(window, _WAITING, None)
    if callable(waiting):
        # Ctrl+E pressed again while waiting: one dialog, not two. If nothing is on its
        # way any more (a check that raised), open now rather than wait for ever.
        if not _settling(c):
            waiting()
        return

    vault_done = not c.tasks.busy
    gone = False

    def settled() -> None:
        if vault_done and not _settling(c):
            go()

    def after_vault_work(_: object) -> None:
        nonlocal vault_done
        vault_done = True
        if c.opening and not c.tasks.busy:
            go()  # the draft asked for is not coming (fetching it failed): open on this one
        else:
            settled()

    def failed(*_: object) -> None:
        if vault_done:
            go()  # the last vault work failed: nothing more is coming

    def go() -> None:
        nonlocal gone
        if gone:
            return
        gone = True
        for signal, slot in links:
            signal.disconnect(slot)
        setattr(window, _WAITING, None)
        # The window may have locked meanwhile: no dialog over the lock screen.
        window.when_unlocked(lambda: _open_now(window))

    # When fetching a draft or checking fails, nothing more is coming: the export then
    # opens on what is on screen rather than never.
    links = (
        (c.draftOpened, lambda *_: settled()),
        (c.checked, settled),
        (c.guidanceUnavailable, lambda *_: settled()),
        (c.problem, failed),
    )
    for signal, slot in links:
        signal.connect(slot)
    setattr(window, _WAITING, go)
    if not vault_done:
        # The vault's tasks run one at a time, in order: this one's answer comes after the
        # answers of all the work already asked for (the contact saved, the draft fetched).
        c.tasks.submit(lambda: None, after_vault_work)


def _open_now(window: ComposeWindow) -> ExportDialog:
    from safenote.gui.export_dialog import ExportDialog

    window.controller.save_now()
    dialog = ExportDialog(request_from_window(window), window, clipboard=window_clipboard(window))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def install_export_action(window: ComposeWindow) -> QAction:
    """Add "Export…" (Ctrl+E) to the window and to its File menu, before Quit."""
    action = QAction(QCoreApplication.translate("ComposeWindow", "&Export…"), window)
    action.setObjectName("exportAction")
    action.setShortcut(QKeySequence(EXPORT_KEYS))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setStatusTip(
        QCoreApplication.translate(
            "ComposeWindow", "Save this message encrypted, as a locked PDF, or for a portal"
        )
    )
    action.triggered.connect(lambda: open_export_dialog(window))
    window.addAction(action)
    file_menu = next(
        (a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)), None
    )
    quit_action = getattr(window, "quit_action", None)
    if isinstance(file_menu, QMenu):
        if isinstance(quit_action, QAction) and quit_action in file_menu.actions():
            file_menu.insertAction(quit_action, action)
            file_menu.insertSeparator(quit_action)
        else:
            file_menu.addAction(action)
    return action
