"""The first-run, unlock and settings dialogs as a screen reader sees them (AT-SPI, under
Xvfb): every interactive control that shows has a name, on every page and in every state,
and the real app's first run can be completed through the accessibility tree alone.

Most dialogs run in this test process (the probe reads this process's accessible tree while
Qt's event loop keeps turning); keyboard completion is covered by the pytest-qt tests."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from safenote.core.paths import app_paths
from safenote.core.vault import Draft, KdfParams, MemoryKeyStore, Settings, SystemKeyStore, Vault
from safenote.gui.first_run_wizard import CODE, FirstRunWizard
from safenote.gui.preferences import Preferences
from safenote.gui.settings_dialog import SettingsDialog
from safenote.gui.unlock_dialog import UnlockDialog, UnlockReason
from tests.integration.atspi import APP_NOT_ON_BUS, PROBE, AtspiApp, Node, unnamed_interactive
from tests.integration.dialog_support import init_vault, press, wait_for
from tests.integration.realparts import (
    ATSPI_PYTHON,
    missing,
    require_display,
    require_session_bus,
)

FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)
APP_NAME = "SafeNoteDialogsUnderTest"


@pytest.fixture
def reader(qapp: QApplication) -> Iterator[str]:
    require_session_bus()
    require_display()
    if not Path(ATSPI_PYTHON).exists():
        missing("Debian's python3-pyatspi is not installed")
    old = qapp.applicationName()
    qapp.setApplicationName(APP_NAME)
    yield APP_NAME
    qapp.setApplicationName(old)


def dump(qtbot: QtBot, name: str) -> list[Node]:
    """This process's accessible tree, read by the probe while our event loop turns."""
    result: list[Node] = []

    def attempt() -> bool:
        proc = subprocess.Popen(
            [ATSPI_PYTHON, str(PROBE), "dump", name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=60000)
        out, err = proc.communicate()
        if proc.returncode == APP_NOT_ON_BUS:
            return False
        assert proc.returncode == 0, err
        fields = Node.__dataclass_fields__
        result.extend(Node(**{k: v for k, v in n.items() if k in fields}) for n in json.loads(out))
        return True

    qtbot.waitUntil(attempt, timeout=60000)
    return result


def showing(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)


def names(nodes: list[Node]) -> set[str]:
    return {n.name for n in nodes if n.showing}


def test_real_first_run_can_be_completed_through_the_accessibility_tree(tmp_path: Path) -> None:
    """The real app, real keyring: the whole first run done the way assistive technology
    does it (press by name, type into named fields), ending in the compose window."""
    with AtspiApp(tmp_path / "sn") as app:

        def shows(name: str) -> Callable[[list[Node]], bool]:
            return lambda nodes: any(n.name == name and n.showing for n in nodes)

        nodes = wait_for(app, shows("Set up SafeNote"))
        assert unnamed_interactive(nodes) == []
        press(app, "Continue")
        wait_for(app, shows("In my system keyring (recommended)"))
        press(app, "Set up")
        nodes = wait_for(
            app,
            lambda ns: any(n.name == "Recovery code" and n.showing and n.description for n in ns),
        )
        assert unnamed_interactive(nodes) == []
        (code_node,) = [n for n in nodes if n.name == "Recovery code" and n.showing]
        code = "".join(ch for ch in code_node.description if ch.isalnum())
        assert len(code) == 32
        press(app, "I have kept it")
        wait_for(app, shows("Recovery code, typed back"))
        app.type("Recovery code, typed back", code)
        press(app, "Check")
        nodes = wait_for(app, shows("Your name"))
        assert unnamed_interactive(nodes) == []
        app.type("Your name", "Sam")
        press(app, "Start writing")
        nodes = wait_for(
            app, lambda ns: any(n.role == "text" and n.name == "Message" and n.showing for n in ns)
        )
        assert unnamed_interactive(nodes) == []


def test_real_app_recovers_when_the_keyring_lost_its_key(tmp_path: Path) -> None:
    """Real keyring, real app: the key is deleted from gnome-keyring; SafeNote says so and
    the recovery code, typed through the accessibility tree, opens the drafts again."""
    home = tmp_path / "sn"
    code = init_vault(home)
    paths = app_paths({"SAFENOTE_HOME": str(home)})
    with Vault.open(paths, keystore=SystemKeyStore()) as vault:
        vault.save_draft(Draft(title="t", body="Still here after the keyring reset"))
        vault_id = vault.vault_id
    SystemKeyStore().delete_key(vault_id)
    with AtspiApp(home) as app:
        nodes = wait_for(
            app,
            lambda ns: any(
                n.name == "The key to your drafts is no longer in your keyring." and n.showing
                for n in ns
            ),
        )
        assert unnamed_interactive(nodes) == []
        app.type("Recovery code", code.lower())
        press(app, "Recover my drafts")
        wait_for(
            app,
            lambda ns: any(
                n.role == "text" and n.name == "Message" and (n.text or "").startswith("Still here")
                for n in ns
            ),
        )
    assert SystemKeyStore().get_key(vault_id) is not None  # a fresh key is in the keyring
    SystemKeyStore().delete_key(vault_id)


def test_first_run_wizard_pages_are_named(qtbot: QtBot, reader: str) -> None:
    wizard = FirstRunWizard(app_paths().ensure(), MemoryKeyStore(), kdf=FAST_KDF)
    showing(qtbot, wizard)
    nodes = dump(qtbot, reader)
    assert unnamed_interactive(nodes) == []
    assert {"Set up SafeNote", "Continue", "Quit"} <= names(nodes)
    wizard.next()
    wizard.key_page.passphrase.setChecked(True)
    nodes = dump(qtbot, reader)
    assert unnamed_interactive(nodes) == []
    assert {"New passphrase", "Type the passphrase again", "Back"} <= names(nodes)
    wizard.key_page.keyring.setChecked(True)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.page == CODE, timeout=10000)
    nodes = dump(qtbot, reader)
    assert unnamed_interactive(nodes) == []
    assert {"Save as PDF…", "Print…", "Recovery code"} <= names(nodes)
    (code,) = [n for n in nodes if n.name == "Recovery code" and n.showing]
    first_group = wizard.code.split("-")[0]
    assert " ".join(first_group) in code.description  # read out character by character
    wizard.next()
    nodes = dump(qtbot, reader)
    assert unnamed_interactive(nodes) == []
    assert "Recovery code, typed back" in names(nodes)
    wizard.type_back.typed.setText(wizard.code)
    wizard.next()
    nodes = dump(qtbot, reader)
    assert unnamed_interactive(nodes) == []
    assert {"Your name", "Start writing"} <= names(nodes)
    # Qt reads a combo box out by its current choice; the label comes through its buddy
    # relation and our description says what the choice is for.
    assert any(
        n.role == "combo box" and n.description.startswith("Used only to show the right crisis")
        for n in nodes
    )
    wizard.reject()


@pytest.mark.parametrize("reason", list(UnlockReason))
def test_unlock_dialog_is_named_in_every_state(
    qtbot: QtBot, reader: str, reason: UnlockReason
) -> None:
    dialog = UnlockDialog(app_paths().ensure(), MemoryKeyStore(), reason, has_passphrase=True)
    showing(qtbot, dialog)
    dialog.reveal_recovery()
    dialog.use_passphrase.setChecked(True)
    dialog.notice.show_warning("That passphrase doesn't open this vault.")
    nodes = dump(qtbot, reader)
    assert unnamed_interactive(nodes) == []
    assert {"Open your drafts", "Passphrase", "Recovery code", "Quit SafeNote"} <= names(nodes)
    assert "Problem: That passphrase doesn't open this vault." in names(nodes)
    dialog.reject()


def test_settings_dialog_is_named(qtbot: QtBot, reader: str) -> None:
    keys = MemoryKeyStore()
    vault, _code = Vault.create(app_paths().ensure(), keystore=keys)
    dialog = SettingsDialog(Settings(), Preferences(), vault, keys, kdf=FAST_KDF)
    showing(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(dialog.security.methods), timeout=10000)
    dialog.security.switch.click()
    nodes = dump(qtbot, reader)
    assert unnamed_interactive(nodes) == []
    assert {
        "SafeNote settings",
        "Your name",
        "Lock after this many minutes without use",
        "Make a new recovery code…",
        "Save",
        "Cancel",
    } <= names(nodes)
    combos = {n.name for n in nodes if n.role == "combo box" and n.showing}
    assert {"Use my computer's setting", "Follow the system", "100%"} <= combos
    dialog.reject()
    vault.close()
