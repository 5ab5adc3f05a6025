"""A process that saves drafts as fast as it can and reports each save that returned.

Used by test_vault_crash: it is killed with SIGKILL at random moments. Every line it prints
("<draft id> <revision> <sha256 of body>") is a save the vault reported as done.
Usage: saver.py PASSPHRASE_FILE SEED
"""

from __future__ import annotations

import hashlib
import random
import sys
from dataclasses import replace
from pathlib import Path

from safenote.core.paths import app_paths
from safenote.core.vault import Draft, Vault


def main() -> int:
    passphrase = Path(sys.argv[1]).read_text(encoding="utf-8").strip()
    rng = random.Random(int(sys.argv[2]))
    vault = Vault.open(app_paths(), passphrase=passphrase)
    known = [s.id for s in vault.list_drafts().drafts]
    print("ready", flush=True)
    while True:
        if known and rng.random() < 0.7:
            draft = replace(vault.get_draft(rng.choice(known)))
        else:
            draft = Draft(title=f"crash {rng.random()}")
        body = " ".join(f"w{rng.randrange(10**6)}" for _ in range(rng.randrange(10, 8000)))
        saved = vault.save_draft(replace(draft, body=body))
        if saved.id not in known:
            known.append(saved.id)
        digest = hashlib.sha256(body.encode()).hexdigest()
        print(f"{saved.id} {saved.revision} {digest}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
