"""Signing a practice profile with the therapist's keyring key, for the preview's editor.

The work (:func:`sign_with_keyring`) runs on a :class:`~safenote.gui.key_tasks.KeyTaskRunner`
thread, because the keyring can take seconds to answer or wait on an unlock prompt. It is
the same as ``safenote practice sign``: the key is made on first use, never replaced.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from safenote.core.identity import IdentityError, keyring_problem, load_or_create_identity
from safenote.core.practice import check_profile_text, sign_text
from safenote.core.practice.signing import strip_signature
from safenote.core.vault import KeyStore, VaultError


class NotSignableError(Exception):
    """The text has validation problems: it is never signed (the first problem is named)."""


@dataclass(frozen=True)
class SignedProfile:
    source: str  # the text as it was when signing started
    text: str  # ``source`` with a fresh signature block
    fingerprint: str
    made: tuple[str, ...]  # keys made just now: "age", "signing"


def sign_with_keyring(source: str, store: KeyStore, name: str = "") -> SignedProfile:
    """Check, then sign ``source`` with the signing key in ``store`` (made if missing).

    Checked again here, not only by the button's state: whatever calls this, a profile
    with problems is never signed. An old signature block is replaced, so a signed profile
    that was edited afterwards can be signed again.
    """
    _profile, problems = check_profile_text(strip_signature(source), name or "profile")
    if problems:
        raise NotSignableError(str(problems[0]))
    loaded = load_or_create_identity(store)
    signed = sign_text(source, loaded.identity.signing_key)
    return SignedProfile(source, signed, loaded.identity.signing_fingerprint, loaded.created)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProfileSigning", text)


def made_keys_message(made: tuple[str, ...]) -> str:
    """Said once, after the signing that made the keys; "" when the keys already existed."""
    if "signing" in made and "age" in made:
        return _tr(
            "Made your signing key and your message key in the system keyring. Keep a backup "
            "of your keyring: clients will check your profiles against this key."
        )
    if "signing" in made:
        return _tr(
            "Made your signing key in the system keyring. Keep a backup of your keyring: "
            "clients will check your profiles against this key."
        )
    if "age" in made:
        return _tr("Made your message key in the system keyring.")
    return ""


def signing_problem(err: BaseException) -> str:
    """What went wrong, in words that say what to do; the profile text is never changed."""
    if isinstance(err, NotSignableError):
        return _tr("Fix the profile before signing it: {}").format(err)
    if isinstance(err, VaultError):
        return keyring_problem(err)
    if isinstance(err, IdentityError):
        return str(err)
    return _tr(
        "Couldn't sign the profile: something unexpected went wrong. Your text is unchanged; "
        "please try again."
    )
