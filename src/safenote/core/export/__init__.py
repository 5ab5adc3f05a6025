"""Leaving SafeNote safely: age-encrypted messages and portal text."""
