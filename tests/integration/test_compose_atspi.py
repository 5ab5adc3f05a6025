"""The real app under Xvfb with the real keyring, as a screen reader sees it: typing brings
guidance cards and the crisis resources, every interactive control has a name, and a second
run opens the same vault without a new code."""

from __future__ import annotations

from pathlib import Path

from tests.integration.atspi import AtspiApp, Node, unnamed_interactive
from tests.integration.dialog_support import init_vault

CRISIS = "Honestly I think everyone would be better off without me."
ASAP = " Could you reply ASAP?"


def named(nodes: list[Node], prefix: str) -> list[Node]:
    return [n for n in nodes if n.name.startswith(prefix)]


def editor_ready(nodes: list[Node]) -> bool:
    return any(n.role == "text" and n.name == "Message" for n in nodes) and not named(
        nodes, "Opening your drafts"
    )


def test_compose_window_through_a_screen_reader(tmp_path: Path) -> None:
    home = tmp_path / "sn"
    # The first run (wizard, recovery code) is covered in test_dialogs_atspi.py.
    init_vault(home)
    with AtspiApp(home) as app:
        nodes = app.wait_for(editor_ready)
        assert unnamed_interactive(nodes) == []
        for control in ("To", "Send via", "Subject", "Copy to", "Search drafts", "New draft"):
            assert named(nodes, control), control

        app.type("Message", CRISIS + ASAP)

        def crisis_shown(ns: list[Node]) -> bool:
            # The bridge reports states a moment after names: wait for the panel to show.
            return bool(named(ns, "Crisis resources: ")) and any(
                n.name == "If you're not safe right now" and n.role == "panel" and n.showing
                for n in ns
            )

        nodes = app.wait_for(crisis_shown)
        resources = named(nodes, "Crisis resources: ")[0]
        assert "emergency" in resources.name.lower()
        assert named(nodes, "Worth knowing: ")  # the reply-time card, read with its severity
        assert named(nodes, "Dismiss this suggestion for this draft")
        assert unnamed_interactive(nodes) == []
        app.wait_for(lambda ns: bool(named(ns, "Saved · encrypted")))

    with AtspiApp(home) as again:
        nodes = again.wait_for(
            lambda ns: any(n.role == "text" and (n.text or "").startswith("Honestly") for n in ns)
        )
        assert not named(nodes, "Recovery code")
