"""Non-secret preferences, kept in QSettings (SafeNote's own config folder).

Nothing here identifies the person or what they wrote: the sender name and region live in
the vault's encrypted settings instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QSettings

from safenote.gui.idle_lock import DEFAULT_MINUTES

THEMES = ("system", "light", "dark")
TEXT_SCALES = (100, 125, 150, 175, 200)
# Non-urgent guidance a person may hide. Safety and privacy guidance is always shown.
OPTIONAL_CATEGORIES = ("style", "boundaries", "expectations")
MAX_IDLE_MINUTES = 240


@dataclass(frozen=True)
class Preferences:
    idle_lock_minutes: int = DEFAULT_MINUTES  # 0: never lock on its own
    theme: str = "system"
    text_scale: int = 100  # percent of the system's font size
    hidden_categories: frozenset[str] = field(default_factory=frozenset)


def _int(value: object, default: int, low: int, high: int) -> int:
    try:
        number = int(str(value))
    except ValueError:
        return default
    return min(high, max(low, number))


def load_preferences(settings: QSettings | None = None) -> Preferences:
    """Read preferences; anything missing or malformed falls back to its default."""
    s = settings or QSettings()
    default = Preferences()
    theme = str(s.value("appearance/theme", default.theme))
    raw = s.value("guidance/hidden_categories", [])
    # INI files give back a lone string for a one-item list.
    hidden: list[object] = [raw] if isinstance(raw, str) else list(raw or [])  # type: ignore[call-overload]
    return Preferences(
        idle_lock_minutes=_int(
            s.value("privacy/idle_lock_minutes", default.idle_lock_minutes),
            default.idle_lock_minutes,
            0,
            MAX_IDLE_MINUTES,
        ),
        theme=theme if theme in THEMES else default.theme,
        text_scale=_int(s.value("appearance/text_scale", default.text_scale), 100, 100, 200),
        hidden_categories=frozenset(str(c) for c in hidden if str(c) in OPTIONAL_CATEGORIES),
    )


def save_preferences(prefs: Preferences, settings: QSettings | None = None) -> None:
    s = settings or QSettings()
    s.setValue("privacy/idle_lock_minutes", prefs.idle_lock_minutes)
    s.setValue("appearance/theme", prefs.theme)
    s.setValue("appearance/text_scale", prefs.text_scale)
    s.setValue("guidance/hidden_categories", sorted(prefs.hidden_categories))
    s.sync()
