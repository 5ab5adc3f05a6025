"""Therapist practice profiles: a strictly validated, optionally signed TOML file.

The API the CLI and GUI use::

    from safenote.core.practice import load_practice, load_practice_text, find_problems
    profile = load_practice(path)          # PracticeProfile, or raises PracticeError
    profile.context, profile.rules         # what guidance uses (Context.practice, build_engine)
    profile.public_key, profile.fingerprint, profile.signed
    problems = find_problems(text)         # every problem at once, for validate/live editing
    signed_text = sign_text(text, key)     # Ed25519 (see .signing for the canonical form)
    result = import_profile(vault, contact_id, text)   # pins the signer (see .importing)
    effective_rules(profile)               # rules a client sees, with where each came from
    template_text()                        # the commented template ('practice init')
"""

from __future__ import annotations

from safenote.core import resources
from safenote.core.practice.effective import EffectiveRule, Origin, client_wording, effective_rules
from safenote.core.practice.errors import ImportRefusedError, PracticeError, SignatureError
from safenote.core.practice.importing import (
    ImportResult,
    import_profile,
    pinned_signer,
    profile_for_contact,
)
from safenote.core.practice.profile import (
    MAX_PROFILE_BYTES,
    PracticeProfile,
    check_profile_text,
    find_problems,
    load_practice,
    load_practice_text,
    read_profile_file,
)
from safenote.core.practice.signing import Signature, fingerprint, sign_text

TEMPLATE = ("practice", "template.toml")


def template_text() -> str:
    """The commented profile template (it validates as it is)."""
    return resources.read_text(*TEMPLATE)


__all__ = [
    "MAX_PROFILE_BYTES",
    "EffectiveRule",
    "ImportRefusedError",
    "ImportResult",
    "Origin",
    "PracticeError",
    "PracticeProfile",
    "Signature",
    "SignatureError",
    "check_profile_text",
    "client_wording",
    "effective_rules",
    "find_problems",
    "fingerprint",
    "import_profile",
    "load_practice",
    "load_practice_text",
    "pinned_signer",
    "profile_for_contact",
    "read_profile_file",
    "sign_text",
    "template_text",
]
