"""Before Qt starts: is there a display, and are the system libraries Qt needs for it on
this machine? Qt's own answer comes as an abort (SIGABRT) after a misleading line
("xcb-cursor0 is needed" when libxcb-icccm4 was missing); this says it in one line, with
the Debian packages to install, and the window is never half-started.

No Qt import here: this runs before PySide6 loads its plugins.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# What Qt's xcb platform plugin (and Qt GUI under it) loads from the system, and the
# Debian/Ubuntu package of each (read off `ldd` of PySide6's libqxcb.so and
# libQt6XcbQpa.so.6; the README's "System packages" lists the same).
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}
# The offscreen platform (--screenshot, tests) needs only these.
OFFSCREEN_LIBRARIES = (
    "libEGL.so.1",
    "libGL.so.1",
    "libfontconfig.so.1",
    "libxkbcommon.so.0",
    "libdbus-1.so.3",
)


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name, mode=getattr(os, "RTLD_LAZY", 1))
    except OSError:
        return False
    return True


def platform_for(env: Mapping[str, str]) -> str:
    """The Qt platform plugin this start will use (what QT_QPA_PLATFORM says, else what
    Qt picks on Linux: wayland under a Wayland session, else xcb)."""
    forced = env.get("QT_QPA_PLATFORM", "").split(":", 1)[0].strip().lower()
    if forced:
        return forced
    if env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE", "").lower() == "wayland":
        return "wayland"
    return "xcb"


def problem(
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    loads: Callable[[str], bool] = _loads,
) -> str | None:
    """One line saying why the window cannot start here and what to do, or None."""
    if not platform.startswith("linux"):
        return None  # macOS and Windows bring what Qt needs with PySide6
    env = os.environ if env is None else env
    qpa = platform_for(env)
    if qpa == "xcb":
        if not env.get("DISPLAY"):
            return (
                "no display to open the window on (DISPLAY is not set): start LeadDesk from "
                "a desktop session, or use 'leaddesk --screenshot FILE.png' and the "
                "command line (leaddesk queue, log, report) on a machine without one"
            )
        wanted = XCB_LIBRARIES
    elif qpa.startswith("wayland"):
        if not env.get("WAYLAND_DISPLAY"):
            return "no Wayland display (WAYLAND_DISPLAY is not set): start LeadDesk from a desktop session"
        wanted = {k: v for k, v in XCB_LIBRARIES.items() if not k.startswith(("libxcb", "libX11"))}
    elif qpa in ("offscreen", "minimal"):
        wanted = {k: XCB_LIBRARIES[k] for k in OFFSCREEN_LIBRARIES}
    else:
        return None  # eglfs, vnc, ...: the person who chose it knows what it needs
    missing = sorted({package for library, package in wanted.items() if not loads(library)})
    if not missing:
        return None
    return (
        "the window cannot start: system libraries are missing for Qt's "
        f"{qpa} display ({', '.join(missing)}); on Debian or Ubuntu: "
        f"sudo apt-get install {' '.join(missing)}"
    )
