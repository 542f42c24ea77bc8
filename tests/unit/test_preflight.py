"""Start-up errors before Qt aborts: no display, or Qt's system libraries missing, are
one line naming what to install; never Qt's SIGABRT."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from leaddesk.ui.preflight import XCB_LIBRARIES, problem

ROOT = Path(__file__).resolve().parents[2]


def test_missing_libraries_are_named_by_their_debian_package() -> None:
    missing = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    line = problem({"DISPLAY": ":0"}, "linux", lambda lib: lib not in missing)
    assert line is not None
    assert "libxcb-icccm4, libxcb-keysyms1" in line
    assert line.endswith("sudo apt-get install libxcb-icccm4 libxcb-keysyms1")
    assert "\n" not in line
    assert problem({"DISPLAY": ":0"}, "linux", lambda _lib: True) is None


def test_no_display_is_said_before_any_library_check() -> None:
    line = problem({}, "linux", lambda _lib: False)
    assert line is not None and line.startswith("no display")
    assert "--screenshot" in line
    # Offscreen (screenshots, tests) needs no display, only its few libraries.
    assert problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", lambda _lib: True) is None
    assert "libegl1" in (
        problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", lambda lib: "EGL" not in lib) or ""
    )
    # Windows and macOS: PySide6 brings what Qt needs.
    assert problem({}, "win32", lambda _lib: False) is None


@pytest.mark.skipif(shutil.which("objdump") is None, reason="binutils' objdump is needed")
def test_every_system_library_of_qts_xcb_plugin_has_its_package() -> None:
    """The table follows PySide6: a new system library of the plugin fails this test
    instead of an agent's start."""
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    files = [
        qt / "plugins" / "platforms" / "libqxcb.so",
        *sorted((qt / "lib").glob("libQt6XcbQpa.so*"))[:1],
    ]
    out = subprocess.run(
        ["objdump", "-p", *map(str, files)], capture_output=True, text=True, check=True
    )
    needed = {
        line.split()[1] for line in out.stdout.splitlines() if line.strip().startswith("NEEDED")
    }
    bundled_or_libc = {
        n for n in needed if n.startswith(("libQt6", "libc.", "libm.", "libgcc_s", "libstdc++"))
    }
    assert needed - bundled_or_libc <= set(XCB_LIBRARIES), sorted(
        needed - bundled_or_libc - set(XCB_LIBRARIES)
    )


def test_the_window_without_a_display_exits_with_one_line() -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-m", "leaddesk", "--demo"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("leaddesk: error: no display")
    assert result.stderr.count("\n") == 1, result.stderr
