#!/usr/bin/env bash
# Run a command with SafeNote's real parts around it (../shared/PLATFORM.md):
#   * a private D-Bus session bus (dbus-run-session),
#   * gnome-keyring's Secret Service, unlocked, in a throw-away HOME,
#   * the AT-SPI accessibility bus on that session bus,
#   * an X server (Xvfb) with DISPLAY set.
# Usage: scripts/with-real-parts.sh COMMAND [ARG...]
set -euo pipefail

if [[ -z "${SAFENOTE_INSIDE_REAL_PARTS:-}" ]]; then
  for tool in dbus-run-session gnome-keyring-daemon xvfb-run; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "with-real-parts: $tool is missing; run 'make system-deps' (as root) first." >&2
      exit 1
    fi
  done
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/safenote-real-parts.XXXXXX")
  trap 'rm -rf "$scratch"' EXIT
  mkdir -p "$scratch/home" && chmod 700 "$scratch" "$scratch/home"
  export HOME="$scratch/home"
  export XDG_RUNTIME_DIR="$scratch/run"
  mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  export SAFENOTE_INSIDE_REAL_PARTS=1
  # -s: xvfb-run's server args; 24-bit depth so screenshots look like a real desktop.
  exec dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi

# Inside the session: a Secret Service with an unlocked login collection.
# gnome-keyring-daemon prints environment lines; with D-Bus activation we don't need them.
echo -n "safenote-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
# Start the AT-SPI bus launcher so Qt's accessibility bridge has somewhere to talk to.
dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus org.a11y.Bus.GetAddress >/dev/null
export QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1
unset QT_QPA_PLATFORM
exec "$@"
