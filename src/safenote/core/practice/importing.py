"""A client importing a therapist's profile into a contact, with the signer pinned.

Trust on first use, confirmed in person: the first signed profile for a contact pins its
signer, and the client compares the short fingerprint with their therapist in session.
After that, an update signed by another key (or not signed at all) is refused with an
explanation, unless the client says they have checked the new fingerprint
(``accept_new_signer=True``). The pinned key is the signer of the profile text stored
(encrypted) in the vault contact, so there is no second place for it to drift from.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol

from safenote.core.practice.errors import ImportRefusedError, PracticeError
from safenote.core.practice.profile import PracticeProfile, load_practice_text
from safenote.core.practice.signing import Signature, split_signature
from safenote.core.vault.models import Contact


class ContactStore(Protocol):
    """The part of :class:`safenote.core.vault.Vault` importing needs."""

    def get_contact(self, contact_id: str) -> Contact: ...

    def save_contact(self, contact: Contact) -> Contact: ...


@dataclass(frozen=True)
class ImportResult:
    """What the client is told after an import."""

    contact: Contact
    profile: PracticeProfile
    fingerprint: str  # "" when the profile is unsigned
    verified: bool  # signed, and the signature matches the text
    newly_pinned: bool  # first signed profile for this contact: compare the fingerprint now
    same_signer: bool  # an update signed by the key already pinned


def pinned_signer(contact: Contact) -> Signature | None:
    """The signer of the profile already stored for ``contact`` (None: nothing pinned)."""
    if not contact.practice_profile:
        return None
    try:
        return split_signature(contact.practice_profile)[1]
    except PracticeError:
        return None  # a stored profile that no longer verifies pins nothing


def check_update(contact: Contact, profile: PracticeProfile) -> None:
    """Raise :class:`ImportRefusedError` when ``profile`` may not replace the stored one."""
    pinned = pinned_signer(contact)
    if pinned is None:
        return
    offered = profile.signature
    name = contact.name or "this therapist"
    if offered is None:
        raise ImportRefusedError(
            f"This profile isn't signed, but the one you already have for {name} was signed "
            f"by the key you confirmed (fingerprint {pinned.fingerprint}). An unsigned copy "
            "could have been changed by someone else, so SafeNote kept the one you have. "
            "Ask your therapist for a signed copy.",
            pinned=pinned.fingerprint,
            offered="",
        )
    if offered.signer != pinned.signer:
        raise ImportRefusedError(
            f"This profile was signed by a different key (fingerprint {offered.fingerprint}) "
            f"from the one you confirmed for {name} ({pinned.fingerprint}). It may not come "
            "from your therapist, so SafeNote kept the profile you have. If your therapist "
            "says they made a new key, check the new fingerprint with them in session, then "
            "import it again and choose to trust the new key.",
            pinned=pinned.fingerprint,
            offered=offered.fingerprint,
        )


def import_profile(
    vault: ContactStore,
    contact_id: str,
    text: str,
    *,
    accept_new_signer: bool = False,
    file: str = "<practice profile>",
) -> ImportResult:
    """Validate ``text`` and store it in the contact (with the therapist's age key).

    Raises :class:`PracticeError` for an invalid profile (a bad signature included) and
    :class:`ImportRefusedError` when the pinned signer would change without consent.
    """
    profile = load_practice_text(text, file)
    contact = vault.get_contact(contact_id)
    if not accept_new_signer:
        check_update(contact, profile)
    pinned = pinned_signer(contact)
    updated = replace(
        contact,
        name=contact.name or profile.context.therapist_name,
        practice_profile=text,
        public_key=profile.public_key or contact.public_key,
    )
    saved = vault.save_contact(updated)
    signer = profile.signature
    return ImportResult(
        contact=saved,
        profile=profile,
        fingerprint=profile.fingerprint,
        verified=signer is not None,
        newly_pinned=signer is not None and (pinned is None or pinned.signer != signer.signer),
        same_signer=signer is not None and pinned is not None and pinned.signer == signer.signer,
    )


def profile_for_contact(contact: Contact) -> PracticeProfile | None:
    """The contact's imported profile, for guidance and export (None if none or unusable).

    Use ``profile.context`` as ``Context.practice``, ``build_engine(profile.rules)`` for the
    rules, ``profile.public_key`` (also in ``contact.public_key``) for encrypted export.
    """
    if not contact.practice_profile:
        return None
    try:
        return load_practice_text(contact.practice_profile, contact.name or "imported profile")
    except PracticeError:
        return None  # e.g. stored by a newer SafeNote: fall back to default guidance
