"""SafeNote: write to your therapist between sessions, privately."""

__version__ = "0.1.0"
APP_NAME = "SafeNote"
ORG_NAME = "SafeNote"
ORG_DOMAIN = "safenote.app"
# Reverse-DNS id: the desktop file name, the AppStream id and the Flatpak id share it.
APP_ID = "app.safenote.SafeNote"
