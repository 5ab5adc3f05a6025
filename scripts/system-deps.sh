#!/usr/bin/env bash
# Install the Debian packages SafeNote's tests need, or say exactly how to.
# Usage: scripts/system-deps.sh PACKAGE...
set -euo pipefail

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian-like system: install the equivalents of these packages yourself:" >&2
  echo "  $*" >&2
  echo "(Qt runtime libraries, Xvfb, D-Bus, gnome-keyring, AT-SPI with pyatspi, age, poppler-utils, xclip)" >&2
  exit 1
fi

missing=()
for pkg in "$@"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -ne 0 ]]; then
  echo "Missing Debian packages. Install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
