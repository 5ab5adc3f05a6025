#!/bin/sh
# Install SafeNote from this unpacked release folder (a PyInstaller bundle, see packaging/).
#
#   ./install.sh                          for you only, into ~/.local (no root needed)
#   sudo ./install.sh --prefix /usr/local for everyone on this computer
#   ./install.sh --uninstall [--prefix P] remove the program (your drafts stay; see README)
#
# It copies the bundle to PREFIX/lib/safenote, links PREFIX/bin/safenote to it, and installs
# the desktop entry, AppStream metainfo and hicolor icons under PREFIX/share, so SafeNote shows
# up in your applications menu. Nothing is downloaded.
set -eu

APP_ID=app.safenote.SafeNote
here=$(cd "$(dirname "$0")" && pwd)
prefix="${HOME}/.local"
action=install
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --uninstall) action=uninstall; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

app_dir="$prefix/lib/safenote"
share="$prefix/share"

refresh_caches() {
  # Only refresh caches that already exist: creating one in ~/.local would go stale when the
  # next app installs its icons there without refreshing it, and hide those icons.
  if [ -f "$share/applications/mimeinfo.cache" ] && command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$share/applications" 2>/dev/null || true
  fi
  if [ -f "$share/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t "$share/icons/hicolor" 2>/dev/null || true
  fi
}

if [ "$action" = uninstall ]; then
  rm -rf "$app_dir"
  rm -f "$prefix/bin/safenote" "$share/applications/$APP_ID.desktop" \
    "$share/metainfo/$APP_ID.metainfo.xml"
  find "$share/icons/hicolor" -name "$APP_ID.*" -type f -exec rm -f {} + 2>/dev/null || true
  refresh_caches
  echo "SafeNote is uninstalled. Your drafts and settings are untouched (see the README to remove them)."
  exit 0
fi

if [ ! -x "$here/safenote" ]; then
  echo "install.sh: run me from the unpacked SafeNote folder (safenote is missing next to me)." >&2
  exit 1
fi

rm -rf "$app_dir"
mkdir -p "$app_dir" "$prefix/bin" "$share/applications" "$share/metainfo"
cp -R "$here/." "$app_dir/"
ln -sf "$app_dir/safenote" "$prefix/bin/safenote"
# An absolute Exec path: desktop sessions often do not have ~/.local/bin on their PATH.
sed "s|^Exec=safenote|Exec=$app_dir/safenote|" "$here/share/applications/$APP_ID.desktop" \
  >"$share/applications/$APP_ID.desktop"
cp "$here/share/metainfo/$APP_ID.metainfo.xml" "$share/metainfo/"
(cd "$here/share" && find icons -type f) | while read -r icon; do
  mkdir -p "$share/$(dirname "$icon")"
  cp "$here/share/$icon" "$share/$icon"
done
refresh_caches
echo "SafeNote is installed: find it in your applications menu, or run $prefix/bin/safenote"
