"""``safenote-selftest``: prove a frozen SafeNote kept the parts freezing tends to lose.

Shipped next to ``safenote`` in the bundle and built from the *same* module archive, so what
it finds is what the app finds. Packagers and support can run it on a user's machine:

    safenote-selftest            # prints one line per check, then OK; exit 0
    safenote-selftest --no-keyring   # skip the keyring round trip (e.g. in a build sandbox)

Checks: the bundled resources are readable; the native crypto modules (cryptography's AES-GCM,
pyrage's age) load and round-trip bytes in memory; the keyring backend is a real system store
(not ``fail``, ``null`` or a plaintext file) and a random secret set under the service
``safenote-selftest`` reads back and is deleted again. Nothing is written anywhere else, and
no secret or message text is printed.
"""

from __future__ import annotations

import argparse
import secrets
import sys

# Backends that keep secrets in the operating system's store; anything else fails the test.
REAL_BACKENDS = (
    "keyring.backends.SecretService.Keyring",
    "keyring.backends.kwallet.DBusKeyring",
    "keyring.backends.macOS.Keyring",
    "keyring.backends.Windows.WinVaultKeyring",
)
SERVICE = "safenote-selftest"


def check_resources() -> str:
    from importlib import resources

    names = sorted(p.name for p in resources.files("safenote.resources").iterdir())
    if not names:
        raise RuntimeError("safenote.resources is empty")
    return f"resources: {len(names)} entries"


def check_crypto() -> str:
    import pyrage
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key, nonce, data = AESGCM.generate_key(bit_length=256), secrets.token_bytes(12), b"probe"
    if AESGCM(key).decrypt(nonce, AESGCM(key).encrypt(nonce, data, None), None) != data:
        raise RuntimeError("AES-GCM round trip failed")
    identity = pyrage.x25519.Identity.generate()
    if pyrage.decrypt(pyrage.encrypt(data, [identity.to_public()]), [identity]) != data:
        raise RuntimeError("age round trip failed")
    return "crypto: AES-GCM and age round trips"


def check_keyring() -> str:
    import keyring
    from keyring.backends import chainer

    backend = keyring.get_keyring()
    candidates = backend.backends if isinstance(backend, chainer.ChainerBackend) else [backend]
    names = [f"{type(b).__module__}.{type(b).__name__}" for b in candidates]
    real = [b for b, name in zip(candidates, names, strict=True) if name in REAL_BACKENDS]
    if not real:
        raise RuntimeError(f"no system keyring backend (found: {', '.join(names) or 'none'})")
    store = real[0]
    user, value = f"probe-{secrets.token_hex(4)}", secrets.token_urlsafe(24)
    store.set_password(SERVICE, user, value)
    try:
        if store.get_password(SERVICE, user) != value:
            raise RuntimeError("the keyring did not return the secret just stored")
    finally:
        store.delete_password(SERVICE, user)
    if store.get_password(SERVICE, user) is not None:
        raise RuntimeError("the keyring kept a secret after deleting it")
    return f"keyring: {type(store).__module__}.{type(store).__name__} set/get/delete"


def main() -> int:
    parser = argparse.ArgumentParser(prog="safenote-selftest", description=__doc__.splitlines()[0])
    parser.add_argument("--no-keyring", action="store_true", help="skip the keyring round trip")
    args = parser.parse_args()
    checks = [check_resources, check_crypto]
    if not args.no_keyring:
        checks.append(check_keyring)
    for check in checks:
        try:
            print(check(), flush=True)
        except Exception as err:  # a self-test reports every failure kind the same way
            print(f"FAILED {check.__name__}: {type(err).__name__}: {err}", file=sys.stderr)
            return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
