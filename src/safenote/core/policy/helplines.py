"""Crisis resources by region (bundled data, shown offline) and the region default.

The app never asks where the user is: the region comes from the context (a setting) or,
when that is empty, from the system locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``).
"""

from __future__ import annotations

import contextlib
import locale
import os
import re
import tomllib
from dataclasses import dataclass
from functools import cache

from safenote.core import resources
from safenote.core.policy.model import CrisisResource

_LOCALE_REGION = re.compile(r"^[a-zA-Z]{2,3}[_-]([a-zA-Z]{2})\b")
FALLBACK = "*"


@dataclass(frozen=True)
class Helplines:
    verified_on: str
    by_region: dict[str, tuple[CrisisResource, ...]]
    eu_members: frozenset[str]

    def for_region(self, region: str) -> tuple[CrisisResource, ...]:
        code = region.upper()
        if code == "GB":
            code = "UK"
        if code in self.by_region:
            return self.by_region[code]
        if code in self.eu_members and "EU" in self.by_region:
            return self.by_region["EU"]
        return self.by_region[FALLBACK]


@cache
def bundled_helplines() -> Helplines:
    data = tomllib.loads(resources.read_text("crisis", "helplines.toml"))
    by_region = {
        code: tuple(
            CrisisResource(str(r["name"]), str(r["contact"]), str(r.get("note", "")))
            for r in entry["resources"]
        )
        for code, entry in data["regions"].items()
    }
    return Helplines(
        verified_on=str(data["verified_on"]),
        by_region=by_region,
        eu_members=frozenset(data.get("eu_members", [])),
    )


def region_from_locale(environ: dict[str, str] | None = None) -> str:
    """ISO 3166 region from the locale settings, or "" when none is set."""
    env = os.environ if environ is None else environ
    candidates = [env.get(name, "") for name in ("LC_ALL", "LC_MESSAGES", "LANG")]
    if environ is None:
        with contextlib.suppress(ValueError):  # a malformed locale setting: ignore it
            candidates.append(locale.getlocale()[0] or "")
    for value in candidates:
        match = _LOCALE_REGION.match(value)
        if match:
            return match.group(1).upper()
    return ""
