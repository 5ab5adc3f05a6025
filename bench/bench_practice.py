"""Practice-profile speed, as ratios against plain TOML parsing of the same text in the same run.

1. Load a signed profile (validate every field, verify the Ed25519 signature, parse and
   check two extra rules with their examples) against ``tomllib.loads`` of the same text.
2. One live-validation step of the preview's profile editor (find every problem, load,
   and build the engine the preview checks with) against the same baseline. This runs on
   the GUI thread after a 250 ms pause in typing, so it should stay well under a frame
   budget in absolute terms too (printed for information; the ratio is the figure).
3. Importing into a contact (load + pin check + save to an in-memory store), same baseline.

Run: .venv/bin/python bench/bench_practice.py
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._timing import median_seconds, report
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from safenote.core.policy import build_engine
from safenote.core.practice import check_profile_text, import_profile, load_practice_text, sign_text
from safenote.core.vault import Contact

PROFILE = """
[practice]
name = "Riverside Counselling"
therapist = "Dr. Ana Ruiz"
region = "GB"
response_time = "two business days"
hours = "Monday to Thursday, 9am to 5pm"
crisis_instructions = "In office hours, call 01234 567890 and ask for the duty clinician."
portal_name = "Riverside client portal"
portal_limit = 1000
public_key = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"

[channels]
accepted = ["portal", "encrypted", "text"]
notes = { text = "Texts are for scheduling only, please." }

[overrides.keep-it-brief]
severity = "caution"
message = "Long messages usually wait for our next session at {practice_name}."

[overrides.purpose-first]
enabled = false

[[rules]]
id = "homework-upload"
severity = "info"
message = "Upload worksheets on the portal's Documents page instead."
why = "Attachments in messages get lost."
source = "Riverside policy"
checks = [{ kind = "phrases", phrases = ["attached the worksheet", "attaching the worksheet"] }]
examples = [
  { text = "I've attached the worksheet.", expect = "fire" },
  { text = "See you Monday.", expect = "quiet" },
]

[[rules]]
id = "no-voice-notes"
severity = "info"
message = "Voice notes can't be opened on the portal; please write instead."
why = "The portal only takes text."
source = "Riverside policy"
checks = [{ kind = "phrases", phrases = ["voice note", "voice memo"] }]
examples = [
  { text = "I sent you a voice note.", expect = "fire" },
  { text = "I wrote it down.", expect = "quiet" },
]
"""


class Contacts:
    def __init__(self) -> None:
        self.contact = Contact(id="ana", name="Ana")

    def get_contact(self, contact_id: str) -> Contact:
        return self.contact

    def save_contact(self, contact: Contact) -> Contact:
        self.contact = replace(contact, revision=contact.revision + 1)
        return self.contact


def main() -> int:
    signed = sign_text(PROFILE, Ed25519PrivateKey.generate())
    baseline = median_seconds(lambda: tomllib.loads(signed), repeats=31)

    def edit_step() -> None:
        profile, problems = check_profile_text(signed)
        assert profile is not None
        assert not problems
        build_engine(profile.rules)

    def do_import() -> None:
        store = Contacts()
        import_profile(store, "ana", signed)
        import_profile(store, "ana", signed)  # the update path: pinned signer checked

    load = median_seconds(lambda: load_practice_text(signed), repeats=31)
    edit = median_seconds(edit_step, repeats=15)
    imported = median_seconds(do_import, repeats=15)
    report("load + verify a signed profile vs tomllib.loads", load, baseline)
    report("preview live-validation step vs tomllib.loads", edit, baseline)
    report("import twice into a contact vs tomllib.loads", imported, baseline)
    print(f"(for information: one live-validation step took {edit * 1e3:.1f} ms here)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
