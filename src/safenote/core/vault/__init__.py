"""The encrypted draft store and its keys."""
