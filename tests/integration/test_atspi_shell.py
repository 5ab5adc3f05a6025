"""The compose window as a screen reader sees it: named controls, and text can be typed."""

from __future__ import annotations

from pathlib import Path

from tests.integration.atspi import AtspiApp, unnamed_interactive
from tests.integration.dialog_support import init_vault


def test_shell_controls_are_named_and_editable(tmp_path: Path) -> None:
    init_vault(tmp_path / "sn")  # past the first run (tests/integration/test_dialogs_atspi.py)
    with AtspiApp(tmp_path / "sn") as app:
        nodes = app.wait_for(lambda ns: any(n.name == "Message" for n in ns))
        roles = {(n.role, n.name) for n in nodes}
        assert ("application", "SafeNote") in roles
        assert any(n.role == "frame" and "SafeNote" in n.name for n in nodes)
        assert ("text", "Message") in roles
        assert any(n.name == "Guidance" for n in nodes)
        assert unnamed_interactive(nodes) == []

        app.type("Message", "Can we move Thursday? — Zoë 🙂")
        # The word count is computed inside the app from the editor's real text, so seeing
        # it change proves the typed text (emoji included) arrived. (Qt's AT-SPI bridge
        # counts characters in UTF-16 units when reading text back, so a trailing emoji can
        # be cut from what the probe reads; the app's own text is complete.)
        nodes = app.wait_for(lambda ns: any(n.name == "5 words" for n in ns))
        (editor,) = [n for n in nodes if n.role == "text" and n.name == "Message"]
        assert editor.text is not None
        assert editor.text.startswith("Can we move Thursday? — Zoë")
