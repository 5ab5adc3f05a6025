"""PySide6.QtGui, minus Qt plugins SafeNote never uses.

Replaces PyInstaller's own hook (hooks in the spec's hookspath take precedence). The stock hook
collects every platform, theme and image plugin; some of them drag in libraries we do not want:
the VNC platform and TUIO touch plugin link QtNetwork (SafeNote has no network code, and the
bundle should not carry a network stack either), and the GTK3 platform theme copies the build
machine's whole GTK3 into the bundle, where it clashes with the user's own. Qt falls back to
the XDG desktop portal theme, or to its Fusion style, so the app looks and works the same.
"""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# Plugin files (by name) to leave out. Kept: xcb, wayland, offscreen and minimal platforms,
# the XDG portal theme, compose/ibus input methods, SVG icons, SVG/ICO/JPEG/GIF images.
UNUSED_PLUGINS = {
    "libqeglfs.so",
    "libqlinuxfb.so",
    "libqminimalegl.so",
    "libqvkkhrdisplay.so",
    "libqvnc.so",
    "libqgtk3.so",
    "libqtuiotouchplugin.so",
    "libqevdevkeyboardplugin.so",
    "libqevdevmouseplugin.so",
    "libqevdevtabletplugin.so",
    "libqevdevtouchplugin.so",
    "libqeglfs-emu-integration.so",
    "libqeglfs-kms-egldevice-integration.so",
    "libqeglfs-x11-integration.so",
    "libqtiff.so",
    "libqwebp.so",
    "libqtga.so",
    "libqwbmp.so",
}

# add_qt6_dependencies works out the Qt module from the hook's file name.
hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(src, dest) for src, dest in binaries if src.rsplit("/", 1)[-1] not in UNUSED_PLUGINS]
