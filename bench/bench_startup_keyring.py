"""Start-up with the real system keyring, against a bare PySide6 window in the same run.

    .venv/bin/python bench/bench_startup_keyring.py [--quick]

``bench_gui.py`` times start-up with the vault key in a file, to measure SafeNote's own
work. This one times what a user on Linux gets: the installed command's start-up with the
key in a real Secret Service (gnome-keyring on a private D-Bus session bus: the bench
re-runs itself inside ``scripts/with-real-parts.sh``). Three children, in rotated order:

* bare: the bare PySide6 window (the baseline, as in bench_gui.py);
* SafeNote: the key read as SafeNote reads it — straight from the Secret Service where
  keyring would use it anyway (``core/vault/secret_service.py``);
* via keyring's discovery: the same, with the shortcut off (a ``KEYRING_PROPERTY_*``
  variable turns it off, and keyring then picks its backend by probing them all), which
  is how every start went before the shortcut.

Every child runs offscreen, like bench_gui.py, so only the key store differs.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._startup import BARE, Child, paired, run_rounds, safenote_child  # noqa: E402

PARAGRAPH = (
    "This week I noticed I was more tired than usual, and work felt heavy again. "
    "I tried the breathing exercise we talked about and it helped a little on Tuesday. "
)


def inside_real_parts() -> int:
    home = tempfile.mkdtemp(prefix="safenote-bench-keyring-")
    os.environ["SAFENOTE_HOME"] = home
    from safenote.core.paths import app_paths
    from safenote.core.vault import Draft, SystemKeyStore, Vault

    keys = SystemKeyStore()
    if not keys.describe().startswith("keyring.backends.SecretService"):
        print(f"bench: the keyring here is {keys.describe()}, not the Secret Service")
        return 1
    vault, _code = Vault.create(app_paths().ensure(), keystore=keys)
    for i in range(20):
        vault.save_draft(Draft(title=f"Draft {i}", body=PARAGRAPH * 20))
    vault.close()

    env = dict(os.environ, SAFENOTE_HOME=home, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # run from cached bytecode, as installed
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="safenote-bench-pycache-")
    ours_code = safenote_child(str(ROOT), None)
    bare = Child("bare", BARE)
    ours = Child("SafeNote", ours_code)
    # keyring reads KEYRING_PROPERTY_* itself (it sets that attribute on its backend: a
    # harmless one here); SafeNote's shortcut steps aside for any of them.
    discovery = Child(
        "via keyring's discovery",
        "import os\nos.environ['KEYRING_PROPERTY_BENCH'] = '1'\n" + ours_code,
    )
    repeats = 3 if "--quick" in sys.argv else 12
    run_rounds([bare, ours, discovery], env, repeats)
    med = statistics.median
    print(f"Start-up with the real keyring (Secret Service), {repeats} rounds, fresh processes")
    for child in (bare, ours, discovery):
        print(
            f"  {child.name}: wall {med(child.wall) * 1e3:.0f} ms, "
            f"CPU {med(child.cpu) * 1e3:.0f} ms (medians)"
        )
    for child in (ours, discovery):
        print(
            f"  {child.name} vs bare PySide6 window: wall ratio "
            f"{paired(child.wall, bare.wall):.3f}, CPU ratio {paired(child.cpu, bare.cpu):.3f}"
            "  (goal: <= 1.5x)"
        )
    print(
        f"  SafeNote vs via keyring's discovery: wall {paired(ours.wall, discovery.wall):.3f}, "
        f"CPU {paired(ours.cpu, discovery.cpu):.3f}"
    )
    return 0


def main() -> int:
    if os.environ.get("SAFENOTE_INSIDE_REAL_PARTS"):
        return inside_real_parts()
    wrapper = ROOT / "scripts" / "with-real-parts.sh"
    tools = ("dbus-run-session", "gnome-keyring-daemon", "xvfb-run")
    missing = [tool for tool in tools if not shutil.which(tool)]
    if missing:
        print(f"bench: needs {', '.join(missing)} (make system-deps, as root)")
        return 1
    # Replace this process: the wrapper starts the session and runs this file again in it.
    os.execv(str(wrapper), [str(wrapper), sys.executable, __file__, *sys.argv[1:]])  # noqa: S606


if __name__ == "__main__":
    sys.exit(main())
