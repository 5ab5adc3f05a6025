"""Translations: load SafeNote's catalog for the person's language, and a pseudo-language
that makes untranslated or clipped text easy to spot.

Catalogs live in ``resources/translations/safenote_<lang>.qm`` (``make translations``
extracts the strings into ``safenote.ts``; translators fill in a copy per language and
``pyside6-lrelease`` compiles it). The pseudo-language turns "Save" into "⟦Śàvé··⟧": every
translatable string then looks different and about 40% longer, so a string that stays plain
was never passed through ``tr()``, and one that is cut off would be cut off in German too.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from safenote.core.resources import resource

_ACCENTED = str.maketrans("AEIOUCNSYZaeiouacnsyz", "ÀÉÎÕÜÇÑŚŸŹàéîõüåçñśÿź")
# Qt placeholders (%1, %n, %L1), accelerators (&&, &x) and HTML-ish tags stay as they are.
_KEEP = re.compile(r"%L?\d+|%n|&&|&|<[^>]+>")
OPEN, CLOSE = "⟦", "⟧"
_GROWTH = 0.4


def pseudo(text: str) -> str:
    """The pseudo-translation of ``text`` (placeholders and accelerators kept working)."""
    if not text:
        return text
    pieces, last = [], 0
    for match in _KEEP.finditer(text):
        pieces.append(text[last : match.start()].translate(_ACCENTED))
        pieces.append(match.group())
        last = match.end()
    pieces.append(text[last:].translate(_ACCENTED))
    padding = "·" * max(1, round(len(text) * _GROWTH))
    return OPEN + "".join(pieces) + padding + CLOSE


class PseudoTranslator(QTranslator):
    """Translates every string to its pseudo form (for tests and screenshots)."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return pseudo(source)

    def isEmpty(self) -> bool:
        return False


def catalog_name(language: str) -> str:
    return f"safenote_{language}.qm"


def install_translations(
    app: QCoreApplication, locale: QLocale | None = None
) -> QTranslator | None:
    """Load the catalog for ``locale`` (default: the system's) if SafeNote has one."""
    locale = locale or QLocale.system()
    catalogs = resource("translations")
    if not any(entry.name.endswith(".qm") for entry in catalogs.iterdir()):
        return None  # no language shipped yet: skip QTranslator's probing (~3 ms a start)
    folder = str(catalogs)
    translator = QTranslator(app)
    # QTranslator.load tries safenote_pt_BR, then safenote_pt, from the locale's UI languages.
    if translator.load(locale, "safenote", "_", folder, ".qm"):
        app.installTranslator(translator)
        return translator
    translator.deleteLater()
    return None
