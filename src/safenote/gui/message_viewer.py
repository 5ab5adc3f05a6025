"""Read a client's ``.age`` message: decrypted in memory, shown read-only, never saved.

The identity comes from the therapist's keyring (``safenote practice identity``), or from
an identity file they name. Nothing is written to disk while reading; "Save as" is the one
way out, and it first warns that the copy will not be encrypted.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from pyrage import x25519
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from safenote.core.export.atomic import write_private_atomic
from safenote.core.export.errors import (
    ExportError,
    NeedsPassphraseError,
    WrongKeyError,
    WrongPassphraseError,
)
from safenote.core.export.message import Message
from safenote.core.vault import KeyStore, SystemKeyStore, VaultError
from safenote.gui.plain_label import plain_label
from safenote.gui.tasks import TaskRunner


def _identities(keystore: KeyStore, identity_file: Path | None) -> list[x25519.Identity]:
    """The keys to try: the named file, else the keyring, else keygen's default file."""
    from safenote.core.export.keys import default_identity_path, read_identity_file
    from safenote.core.identity import load_identity

    if identity_file is not None:
        return list(read_identity_file(identity_file))
    found: list[x25519.Identity] = []
    identity = load_identity(keystore)
    if identity is not None:
        found.extend(identity.age_identities())
    legacy = default_identity_path()
    if legacy.is_file():
        found.extend(read_identity_file(legacy))
    return found


@dataclass(frozen=True)
class Opened:
    """What a worker hands back: the message, or why not (plain values, not exceptions)."""

    message: Message | None = None
    problem: str = ""
    needs_passphrase: bool = False


def open_message(
    path: Path, keystore: KeyStore, identity_file: Path | None, passphrase: str | None
) -> Opened:
    """Decrypt ``path`` in memory (runs on a worker thread); never raises for bad input."""
    from safenote.core.export.age_crypto import open_message_file
    from safenote.core.identity import IdentityError, keyring_problem

    identities: list[x25519.Identity] | None = None
    try:
        if passphrase is not None:
            return Opened(open_message_file(path, passphrase=passphrase))
        identities = _identities(keystore, identity_file)
        return Opened(open_message_file(path, identities=identities))
    except WrongKeyError as err:
        if identities == []:
            # There was no key to try at all: "encrypted for someone else's key" would send
            # the therapist looking at the client, when their own key is what's missing.
            return Opened(problem=_no_key_problem())
        return Opened(problem=str(err))
    except (NeedsPassphraseError, WrongPassphraseError) as err:
        # A mistyped passphrase is asked for again: the message said "try again", yet the
        # only way to was to find and open the file once more.
        return Opened(problem=str(err), needs_passphrase=True)
    except VaultError as err:
        return Opened(problem=keyring_problem(err))
    except (ExportError, IdentityError) as err:
        return Opened(problem=str(err))
    except OSError as err:
        return Opened(problem=f"This file couldn't be read ({err.strerror or type(err).__name__}).")


def _no_key_problem() -> str:
    return QCoreApplication.translate(
        "MessageViewer",
        "SafeNote found no key of yours on this computer to open this message. If you made "
        "your key on another computer, open the message there, or open it here with your "
        "identity file: safenote view --identity YOUR-KEY-FILE MESSAGE.age",
    )


def message_as_text(message: Message) -> str:
    lines = []
    if message.subject:
        lines.append(f"Subject: {message.subject}")
    if message.sender:
        lines.append(f"From: {message.sender}")
    if message.date is not None:
        lines.append(f"Date: {message.date.isoformat()}")
    return ("\n".join(lines) + "\n\n" if lines else "") + message.body


class MessageViewer(QMainWindow):
    """One message, read-only. Open another with Ctrl+O; Save as warns first."""

    opened = Signal(object)
    """The :class:`Message` now on screen."""
    failed = Signal(str)
    """A user-facing sentence saying why the message could not be opened."""

    def __init__(
        self,
        keystore: KeyStore | None = None,
        identity_file: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("messageViewer")
        self.setWindowTitle(self.tr("SafeNote message (read-only)"))
        self._keystore = keystore or SystemKeyStore()
        self._identity_file = identity_file
        self._tasks = TaskRunner(self)
        self.message: Message | None = None
        self._path: Path | None = None
        # Bumped by every open and by closing: a decryption that finishes after either is
        # no longer wanted (see _current).
        self._opening = 0
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.heading = plain_label("", central, "messageHeading")
        self.status = plain_label("", central, "messageStatus")
        self.body = QPlainTextEdit(central)
        self.body.setObjectName("messageBody")
        self.body.setReadOnly(True)
        self.body.setAccessibleName(self.tr("Message"))
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addWidget(self.body, 1)
        self.setCentralWidget(central)
        self.save_action = QAction(self.tr("Save as…"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.SaveAs)
        self.save_action.setEnabled(False)
        self.save_action.triggered.connect(self.save_as)
        self.open_action = QAction(self.tr("Open…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self._choose_file)
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.addAction(self.open_action)
        menu.addAction(self.save_action)
        self.resize(720, 560)

    # -- opening ------------------------------------------------------------------------------

    def open_path(self, path: Path, passphrase: str | None = None) -> None:
        self._path = path
        self._opening += 1
        opening = self._opening
        # Clear the message on screen first: if this file fails, the last one's text must
        # not sit under this file's error (nor be Saved as if it were this file's).
        self._forget_message()
        self.status.setText(self.tr("Opening {}…").format(path.name))
        keystore, identity_file = self._keystore, self._identity_file

        def done(outcome: Opened) -> None:
            if self._current(opening):
                self._done(outcome)

        def crashed(error: BaseException) -> None:
            if self._current(opening):
                self._crashed(error)

        self._tasks.submit(
            lambda: open_message(path, keystore, identity_file, passphrase), done, crashed
        )

    def _current(self, opening: int) -> bool:
        """Whether a finished decryption is still wanted. Another file opened meanwhile (its
        result would show the wrong message, or ask for the wrong file's passphrase) or the
        window closed (the text would sit in a hidden widget): then it is dropped."""
        return opening == self._opening

    def _forget_message(self) -> None:
        self.message = None
        self.heading.clear()
        self.body.clear()
        self.save_action.setEnabled(False)

    def _done(self, outcome: Opened) -> None:
        if outcome.message is not None:
            self._show(outcome.message)
            return
        if outcome.needs_passphrase and self._path is not None:
            self.status.setText(outcome.problem)  # after a wrong one, says so while asking
            passphrase = self.ask_passphrase()
            if passphrase:
                self.open_path(self._path, passphrase)
                return
        self.status.setText(outcome.problem)
        self.failed.emit(outcome.problem)

    def _crashed(self, error: BaseException) -> None:
        text = self.tr(
            "This message couldn't be opened ({}). Try opening it again; if it keeps "
            "happening, ask the sender to send it again."
        ).format(type(error).__name__)
        self.status.setText(text)
        self.failed.emit(text)

    def _show(self, message: Message) -> None:
        self.message = message
        heading = [message.subject or self.tr("(no subject)")]
        if message.sender:
            heading.append(self.tr("From: {}").format(message.sender))
        if message.date is not None:
            heading.append(self.tr("Date: {}").format(message.date.strftime("%d %B %Y, %H:%M")))
        self.heading.setText("\n".join(heading))
        self.status.setText(self.tr("Decrypted in memory only. Nothing has been saved."))
        self.body.setPlainText(message.body)
        self.save_action.setEnabled(True)
        self.opened.emit(message)

    def ask_passphrase(self) -> str:
        text, ok = QInputDialog.getText(
            self,
            self.tr("Passphrase"),
            self.tr("This message is locked with a passphrase. Type the one your client gave you:"),
            QLineEdit.EchoMode.Password,
        )
        return text if ok else ""

    def _choose_file(self) -> None:
        from safenote.gui.file_dialogs import ask_open_path

        chosen = ask_open_path(
            self, self.tr("Open a message"), name_filter=self.tr("Encrypted messages (*.age)")
        )
        if chosen:
            self.open_path(Path(chosen))

    # -- saving (the only way anything reaches the disk) -------------------------------------

    def confirm_unencrypted(self) -> bool:
        answer = QMessageBox.warning(
            self,
            self.tr("Save without encryption?"),
            self.tr(
                "The copy you save will not be encrypted: anyone who can open files on this "
                "computer, or its backups, could read it. Keep it in your practice's secure "
                "records system if you can, and delete it when you no longer need it."
            ),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    def ask_save_path(self) -> str | None:
        from safenote.gui.file_dialogs import ask_save_path

        return ask_save_path(
            self,
            self.tr("Save message as"),
            name_filter=self.tr("Text (*.txt)"),
            default_suffix="txt",
        )

    def save_as(self) -> Path | None:
        """Warn, ask where, write (0600). Returns where it was saved, or None."""
        if self.message is None or not self.confirm_unencrypted():
            return None
        chosen = self.ask_save_path()
        if not chosen:
            return None
        target = Path(chosen)
        try:
            write_private_atomic(target, message_as_text(self.message).encode("utf-8"))
        except OSError as err:
            self.status.setText(
                self.tr("Couldn't save there ({}). Try another folder.").format(
                    err.strerror or type(err).__name__
                )
            )
            return None
        self.status.setText(self.tr("Saved an unencrypted copy to {}.").format(target))
        return target

    def closeEvent(self, event: QCloseEvent) -> None:
        # Don't leave the text in a hidden widget, nor let a decryption still running put
        # it back there (or ask for a passphrase) after the window is gone.
        self._opening += 1
        self._forget_message()
        super().closeEvent(event)


def run_viewer(path: Path, identity_file: Path | None = None) -> int:
    """``safenote view``: show the message until the window is closed."""
    from safenote.gui.pdf_render import ensure_gui_application

    ensure_gui_application()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    viewer = MessageViewer(identity_file=identity_file)
    viewer.show()
    viewer.open_path(path)
    return app.exec()


if __name__ == "__main__":  # pragma: no cover - manual use
    sys.exit(run_viewer(Path(sys.argv[1])))
