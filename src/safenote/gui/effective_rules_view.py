"""The list of rules clients see with the profile applied, and where each came from."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from safenote.core.practice import EffectiveRule, Origin, PracticeProfile, client_wording


class EffectiveRulesView(QTreeWidget):
    """Columns: rule, severity, where it comes from; the client's wording as a tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("effectiveRules")
        self.setAccessibleName(self.tr("Rules your clients see"))
        self.setRootIsDecorated(False)
        self.setHeaderLabels([self.tr("Rule"), self.tr("Severity"), self.tr("From")])
        self.rules: list[EffectiveRule] = []

    def show_rules(self, rules: list[EffectiveRule], profile: PracticeProfile | None) -> None:
        self.clear()
        self.rules = list(rules)
        for item in rules:
            severity = item.rule.severity.value if item.origin is not Origin.OFF else "—"
            row = QTreeWidgetItem([item.rule.id, severity, item.origin_label])
            row.setToolTip(0, client_wording(item.rule.message, profile))
            self.addTopLevelItem(row)
        for column in range(3):
            self.resizeColumnToContents(column)

    def row_text(self, rule_id: str) -> tuple[str, str, str] | None:
        """What the row for ``rule_id`` says (for tests and screen-reader checks)."""
        for index in range(self.topLevelItemCount()):
            row = self.topLevelItem(index)
            if row is not None and row.text(0) == rule_id:
                return row.text(0), row.text(1), row.text(2)
        return None
