"""The therapist's preview: the client's editor and guidance, in a sandbox that saves nothing.

Beside the client's own widgets (message editor, crisis panel, guidance panel) sit the
practice profile being edited (validated live), a gallery of sample messages, switches for
relationship, channel and region, and the list of effective rules. There is no vault, no
settings file and no draft here: closing the window forgets everything typed into it.
Checks run on the GUI thread, since sample messages are short and the sandbox has no
other work to keep responsive.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from safenote.core.policy import (
    Channel,
    Context,
    Engine,
    Finding,
    Fix,
    Relationship,
    build_engine,
)
from safenote.core.practice import PracticeProfile, effective_rules
from safenote.core.practice.gallery import Sample
from safenote.core.vault import Contact, KeyStore
from safenote.gui.crisis_panel import CrisisPanel
from safenote.gui.effective_rules_view import EffectiveRulesView
from safenote.gui.guidance_panel import GuidancePanel
from safenote.gui.guidance_worker import Guidance, to_guidance
from safenote.gui.header_bar import HeaderBar, parse_cc
from safenote.gui.message_editor import MessageEditor
from safenote.gui.plain_label import plain_label
from safenote.gui.preview_gallery import PreviewGallery
from safenote.gui.profile_editor import ProfileEditor
from safenote.gui.region_combo import RegionCombo


def _relationship_names() -> dict[str, str]:
    from PySide6.QtCore import QCoreApplication

    tr = QCoreApplication.translate
    return {
        "current": tr("Preview", "Current client"),
        "former": tr("Preview", "Former client"),
        "prospective": tr("Preview", "First contact"),
    }


def _combo(parent: QWidget, name: str, accessible: str, items: dict[str, str]) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    for key, text in items.items():
        combo.addItem(text, key)
    return combo


class PreviewWindow(QMainWindow):
    """See exactly what clients would see, for any sample, context and profile edit."""

    def __init__(
        self,
        profile_text: str = "",
        profile_name: str = "",
        parent: QWidget | None = None,
        keystore: KeyStore | None = None,
    ) -> None:
        """``keystore`` holds the therapist's signing key (the system keyring when None,
        reached only when they sign)."""
        super().__init__(parent)
        self.setObjectName("previewWindow")
        self.setWindowTitle(self.tr("SafeNote preview (nothing here is saved)"))
        self.setAccessibleName(self.tr("Therapist preview"))
        self.profile: PracticeProfile | None = None
        self.engine: Engine = build_engine(None)
        self.findings: list[Finding] = []
        self._dismissed: set[str] = set()

        self.profile_editor = ProfileEditor(profile_text, profile_name, self, keystore)
        self.gallery = PreviewGallery(self)
        self.relationship = _combo(
            self, "previewRelationship", self.tr("Relationship"), _relationship_names()
        )
        # The client's own header (channel, subject, copy-to); "To" shows the profile's
        # therapist and there is no contact to add or edit in a sandbox.
        self.header = HeaderBar(self)
        self.header.contact_button.hide()
        self.channel = self.header.channel
        self.region = RegionCombo(self)
        self.editor = MessageEditor(self)
        self.crisis = CrisisPanel(self)
        self.guidance = GuidancePanel(self)
        self.rules_view = EffectiveRulesView(self)
        self.sandbox_note = plain_label(
            self.tr("A sandbox: what you type here is never saved."), self, "sandboxNote"
        )
        self._profile_name = profile_name
        # The profile is the therapist's own work (unlike the sample message): leaving it
        # or replacing it with unsaved changes asks first (see _unless_unsaved).
        self.unsaved_box: QMessageBox | None = None
        self._closing_anyway = False
        self._layout()
        self._connect()
        self._build_menu()
        self._profile_changed(self.profile_editor.profile)
        self.resize(1360, 800)

    def _layout(self) -> None:
        switches = QFormLayout()
        switches.addRow(self.tr("&Relationship"), self.relationship)
        switches.addRow(self.tr("Re&gion"), self.region)
        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.addWidget(self.sandbox_note)
        middle_layout.addLayout(switches)
        middle_layout.addWidget(self.header)
        middle_layout.addWidget(self.editor, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.crisis)
        right_layout.addWidget(self.guidance, 1)
        tabs = QTabWidget(self)
        tabs.setObjectName("previewTabs")
        tabs.addTab(self.gallery, self.tr("Samples"))
        tabs.addTab(self.profile_editor, self.tr("Profile"))
        tabs.addTab(self.rules_view, self.tr("Rules"))
        self.tabs = tabs
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(tabs)
        splitter.addWidget(middle)
        splitter.addWidget(right)
        splitter.setSizes([420, 560, 380])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

    def _connect(self) -> None:
        self.profile_editor.profileChanged.connect(self._profile_changed)
        self.gallery.sampleChosen.connect(self.load_sample)
        for combo in (self.relationship, self.channel, self.region):
            combo.currentIndexChanged.connect(self.recheck)
        self.editor.textChanged.connect(self.recheck)
        self.header.subject.textChanged.connect(self.recheck)
        self.header.cc.textChanged.connect(self.recheck)
        self.guidance.fixRequested.connect(self._apply_fix)
        self.guidance.activated.connect(self.editor.select_span)
        self.crisis.activated.connect(self.editor.select_span)
        self.guidance.dismissRequested.connect(self._dismiss)
        self.guidance.restoreDismissedRequested.connect(self._restore)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_profile_action = menu.addAction(self.tr("&Open profile…"))
        self.open_profile_action.triggered.connect(lambda: self._open_profile())
        self.save_profile_action = menu.addAction(self.tr("&Save profile as…"))
        self.save_profile_action.triggered.connect(lambda: self._save_profile())
        self.sign_profile_action = menu.addAction(self.tr("Si&gn profile with my key"))
        self.sign_profile_action.setObjectName("signProfileAction")
        self.sign_profile_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.sign_profile_action.setEnabled(self.profile_editor.signable)
        self.sign_profile_action.triggered.connect(lambda: self._sign_profile())
        self.profile_editor.signableChanged.connect(self.sign_profile_action.setEnabled)
        self.report_action = menu.addAction(self.tr("Guidance &report (PDF)…"))
        self.report_action.triggered.connect(lambda: self._save(self._report_bytes, pdf=True))
        menu.addSeparator()
        menu.addAction(self.tr("&Close"), self.close)

    def _sign_profile(self) -> None:
        # Show the profile, so the busy bar and the result are in view.
        self.tabs.setCurrentWidget(self.profile_editor)
        self.profile_editor.sign()

    def _open_profile(self) -> None:
        self._unless_unsaved(self._choose_profile)

    def _choose_profile(self) -> None:
        from pathlib import Path

        from safenote.core.practice import PracticeError, read_profile_file
        from safenote.gui.file_dialogs import ask_open_path

        chosen = ask_open_path(self, self.tr("Open a practice profile"), name_filter="*.toml")
        if chosen:
            try:
                text = read_profile_file(Path(chosen))
            except PracticeError as err:
                self.profile_editor.status.setText(str(err))
                return
            self.profile_editor.edit.setPlainText(text)  # also marks it unmodified
            self.profile_editor.validate_now()

    def has_unsaved_profile(self) -> bool:
        """Whether the profile text changed (typed, signed) since it was opened or saved,
        or a signature is on its way: closing then lost the signature the therapist asked
        for, which landed in the closed window."""
        editor = self.profile_editor
        return editor.edit.document().isModified() or editor.signing

    def _save_profile(self) -> bool:
        saved = self._save(self._profile_bytes)
        if saved:
            self.profile_editor.edit.document().setModified(False)
        return saved

    def _unless_unsaved(self, then: Callable[[], None]) -> None:
        """Run ``then`` (close, open another profile), first offering to save unsaved edits.

        Closing or opening a file used to drop the edits without a word. The question is
        window-modal but not blocking (open(), not exec()), like the compose window's."""
        if not self.has_unsaved_profile():
            then()
            return
        if self.unsaved_box is not None and self.unsaved_box.isVisible():
            return  # already asking
        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Save the practice profile?"),
            self.tr(
                "The practice profile has changes that aren't saved yet (a new signature "
                "counts too). Save it to keep them; if you don't, they will be lost."
            ),
            buttons.Save | buttons.Discard | buttons.Cancel,
            self,
        )
        box.setObjectName("unsavedProfileBox")
        box.setDefaultButton(buttons.Save)

        def answered(_code: int) -> None:
            choice = box.standardButton(box.clickedButton())
            if choice == buttons.Discard or (choice == buttons.Save and self._save_profile()):
                then()

        box.finished.connect(answered)
        self.unsaved_box = box
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing_anyway or not self.has_unsaved_profile():
            super().closeEvent(event)
            return
        event.ignore()
        self._unless_unsaved(self._close_anyway)

    def _close_anyway(self) -> None:
        self._closing_anyway = True
        self.close()
        self._closing_anyway = False

    def _profile_bytes(self) -> bytes:
        return self.profile_editor.text().encode("utf-8")

    def _report_bytes(self) -> bytes:
        from safenote.gui.guidance_report import render_guidance_report

        return render_guidance_report(self.profile, self._profile_name)

    def _save(self, produce: Callable[[], bytes], *, pdf: bool = False) -> bool:
        """Save the profile or the report: the therapist's own files, never a message.
        Returns whether it was saved (not cancelled, not failed)."""
        from pathlib import Path

        from safenote.core.export.atomic import write_private_atomic
        from safenote.gui.file_dialogs import ask_save_path

        chosen = ask_save_path(
            self,
            self.tr("Save the guidance report") if pdf else self.tr("Save the profile"),
            name_filter="*.pdf" if pdf else "*.toml",
            default_suffix="pdf" if pdf else "toml",
        )
        if not chosen:
            return False
        try:
            write_private_atomic(Path(chosen), produce())
        except OSError as err:
            self.profile_editor.status.setText(
                self.tr("Couldn't save there ({}). Try another folder.").format(err.strerror or err)
            )
            return False
        return True

    # -- state changes ------------------------------------------------------------------------

    def _profile_changed(self, profile: PracticeProfile | None) -> None:
        """A valid edit takes effect at once; while the text is broken the last valid one
        stays in use (the editor lists the problems)."""
        if profile is None and self.profile is not None:
            return
        self.profile = profile
        self.engine = build_engine(profile.rules if profile else None)
        self.rules_view.show_rules(effective_rules(profile), profile)
        if profile is not None and profile.region:
            self.region.set_region(profile.region)
        name = profile.context.therapist_name if profile else ""
        self.header.set_contacts(
            (Contact(id="preview", name=name or self.tr("Your client's therapist")),)
        )
        self.header.to.setCurrentIndex(1)
        self.recheck()

    def load_sample(self, sample: Sample) -> None:
        for combo, value in (
            (self.relationship, sample.relationship),
            (self.channel, sample.channel),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.header.cc.blockSignals(True)
        self.header.cc.setText(", ".join(sample.cc))
        self.header.cc.blockSignals(False)
        self._dismissed.clear()
        self.editor.setPlainText(sample.text)  # triggers a check

    def context(self) -> Context:
        region = self.region.region()
        if region == "UK":
            region = "GB"
        return Context(
            relationship=Relationship(str(self.relationship.currentData())),
            channel=Channel(str(self.channel.currentData())),
            subject=self.header.subject.text(),
            cc=parse_cc(self.header.cc.text()),
            region="" if region == "*" else region,
            practice=self.profile.context if self.profile else None,
        )

    def recheck(self) -> None:
        text = self.editor.toPlainText()
        self.findings = self.engine.check(text, self.context())
        guidance = to_guidance(text, self.findings)
        urgent = [g for g in guidance if g.finding.severity.value == "urgent"]
        others = [
            g
            for g in guidance
            if g.finding.severity.value != "urgent" and g.finding.rule not in self._dismissed
        ]
        self.editor.show_guidance(guidance)
        self.header.flag_fields(
            {g.finding.field.value: g.finding.message for g in guidance if g.finding.field}
        )
        self.crisis.show_crisis(urgent)
        self.guidance.show_guidance(others)
        self.guidance.set_dismissed_count(len(self._dismissed))

    def _apply_fix(self, guidance: Guidance, fix: Fix) -> None:
        self.editor.apply_fix(guidance, fix)

    def _dismiss(self, rule_id: str) -> None:
        self._dismissed.add(rule_id)
        self.recheck()

    def _restore(self) -> None:
        self._dismissed.clear()
        self.recheck()

    def shown_rules(self) -> set[str]:
        """Rule ids on screen now (crisis panel and cards)."""
        cards = {card.guidance.finding.rule for card in self.guidance.cards}
        return cards | {g.finding.rule for g in self.crisis.current}


def run_preview(profile_text: str = "", profile_name: str = "") -> int:
    """``safenote preview``: show the window until it is closed."""
    from safenote import APP_NAME
    from safenote.gui.pdf_render import ensure_gui_application

    ensure_gui_application()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    window = PreviewWindow(profile_text, profile_name)
    window.show()
    return app.exec()


if __name__ == "__main__":  # pragma: no cover - manual use
    sys.exit(run_preview())
