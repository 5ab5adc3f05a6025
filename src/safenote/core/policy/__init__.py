"""Guidance engine: rule packs + context + text -> findings."""
