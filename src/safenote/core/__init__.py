"""Pure-Python core of SafeNote. Nothing below this package may import Qt (a test enforces it)."""
