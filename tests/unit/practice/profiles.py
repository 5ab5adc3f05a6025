"""Profiles and keys shared by the practice tests."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

AGE_KEY = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"

FULL = f"""
[practice]
name = "Riverside Counselling"
therapist = "Dr. Ana Ruiz"
region = "gb"
response_time = "two business days"
hours = "Mon-Thu 9:00-17:00"
crisis_instructions = "In office hours call 01234 567890."
portal_name = "Riverside portal"
portal_limit = 1000
public_key = "{AGE_KEY}"

[channels]
accepted = ["portal", "text"]
notes = {{ text = "Scheduling only, please." }}
"""

# Deterministic keys so failures are reproducible.
THERAPIST_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
OTHER_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
