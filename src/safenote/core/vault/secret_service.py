"""Read the vault's key straight from the Secret Service, where ``keyring`` keeps it.

Why this exists: ``keyring.get_keyring()`` picks its backend by importing and probing every
backend it ships, on every start. On Linux that includes the macOS backend, whose probe runs
``ctypes.util.find_library`` (gcc and ld subprocesses), and keyring's own imports bring in
``urllib.request``, ``http.client``, ``ssl`` and ``email``. Measured on SafeNote's way to an
open vault: about 135 ms of CPU, more than the whole compose window costs. Reading our one
item through ``secretstorage`` (the library keyring's Secret Service backend is built on)
takes about 15 ms and returns the same bytes.

It is only a shortcut for *reading*, taken only where keyring would use the Secret Service
anyway: on Linux, outside KDE (where keyring prefers KWallet), and when the user has not
chosen a backend or set backend properties. Anything but a plain hit — no item, a locked
collection or item, no service on the bus, secretstorage missing — returns None, and the
caller asks keyring, which then decides and reports exactly as it always did. Writes and
deletes always go through keyring.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from contextlib import closing
from pathlib import Path


def _keyring_config_file(environ: Mapping[str, str]) -> Path:
    """keyring's config file on Linux (keyring.util.platform_.config_root + keyringrc.cfg)."""
    root = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(root, "python_keyring", "keyringrc.cfg")


def direct_lookup_applies(
    environ: Mapping[str, str] | None = None, platform: str | None = None
) -> bool:
    """True where keyring, left to itself, would read our key from the Secret Service."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return False
    if environ.get("PYTHON_KEYRING_BACKEND"):
        return False  # the user chose a backend
    if any(name.startswith("KEYRING_PROPERTY_") for name in environ):
        return False  # e.g. a preferred collection or another attribute scheme
    if "KDE" in environ.get("XDG_CURRENT_DESKTOP", "").split(":"):
        return False  # keyring rates KWallet above the Secret Service there
    return not _keyring_config_file(environ).exists()


def lookup(service: str, username: str) -> str | None:
    """The secret keyring's Secret Service backend stored for (service, username), or None
    when this shortcut can't tell (see the module docstring): the caller then asks keyring."""
    try:
        import secretstorage
    except ImportError:
        return None
    # Any failure below only means "ask keyring": that is the path this one shortcuts, and it
    # words every problem for the user. So nothing here needs to tell failures apart.
    try:
        connection = secretstorage.dbus_init()
    except Exception:
        return None
    with closing(connection):
        try:
            collection = secretstorage.get_default_collection(connection)
            if collection.is_locked():
                return None  # keyring asks to unlock it, and words a refusal for us
            # The attributes keyring's default scheme stores: {"username", "service"}.
            for item in collection.search_items({"username": username, "service": service}):
                if item.is_locked():
                    return None
                secret: bytes = item.get_secret()
                return secret.decode("utf-8")
        except Exception:
            return None
    return None
