"""Choose the region whose crisis resources SafeNote shows (optional)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget


def region_choices() -> list[tuple[str, str]]:
    """(code, name) pairs; "" means "use this computer's language settings"."""
    translate = QCoreApplication.translate
    return [
        ("", translate("Region", "Use my computer's setting")),
        ("US", translate("Region", "United States")),
        ("CA", translate("Region", "Canada")),
        ("UK", translate("Region", "United Kingdom")),
        ("IE", translate("Region", "Ireland")),
        ("AU", translate("Region", "Australia")),
        ("EU", translate("Region", "Another country in the European Union")),
        ("*", translate("Region", "Somewhere else")),
    ]


class RegionCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("regionCombo")
        self.setAccessibleName(self.tr("Region"))
        self.setAccessibleDescription(
            self.tr("Used only to show the right crisis lines; it never leaves this computer")
        )
        for code, name in region_choices():
            self.addItem(name, code)

    def region(self) -> str:
        return str(self.currentData() or "")

    def set_region(self, code: str) -> None:
        index = self.findData(code.upper() if code != "*" else code)
        if index < 0 and code.upper() == "GB":
            index = self.findData("UK")
        self.setCurrentIndex(max(0, index))
