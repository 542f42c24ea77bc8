"""The packaging files: the desktop entry and AppStream metadata pass their validators
(where installed: Debian packages desktop-file-utils and appstream), the desktop entry
registers LeadDesk for tel: links, and the PyInstaller spec names every resource folder
(bundled, or left out on purpose) and bundles the migrations."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / "linux" / "io.leaddesk.LeadDesk.desktop"
METAINFO = PACKAGING / "linux" / "io.leaddesk.LeadDesk.metainfo.xml"
SPEC = PACKAGING / "leaddesk.spec"


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (apt-get install {package})")
    return path


def test_the_desktop_entry_passes_desktop_file_validate() -> None:
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    done = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower()


def test_the_metainfo_passes_appstreamcli_validate() -> None:
    tool = _tool("appstreamcli", "appstream")
    done = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_desktop_entry_opens_tel_links_with_leaddesk() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    group = entry["Desktop Entry"]
    assert "x-scheme-handler/tel" in group["MimeType"].split(";")
    assert group["Exec"] == "leaddesk %u"
    # the metainfo names this desktop file and the same scheme
    text = METAINFO.read_text(encoding="utf-8")
    assert f">{DESKTOP.name}<" in text
    assert "x-scheme-handler/tel" in text


def test_the_spec_bundles_every_resource_folder_and_the_migrations() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    match = re.search(r"RESOURCE_FOLDERS = \[(.*?)\]", spec, re.S)
    assert match, "RESOURCE_FOLDERS not found in the spec"
    listed = set(re.findall(r'"([^"]+)"', match.group(1)))
    left_out = re.search(r"NOT_BUNDLED = \[(.*?)\]", spec, re.S)
    assert left_out, "NOT_BUNDLED not found in the spec"
    listed |= set(re.findall(r'"([^"]+)"', left_out.group(1)))
    folders = {p.name for p in (ROOT / "leaddesk" / "resources").iterdir() if p.is_dir()}
    assert folders - listed == set(), (
        "resource folders neither bundled nor left out on purpose in packaging/leaddesk.spec"
    )
    files = {p.name for p in (ROOT / "leaddesk" / "resources").iterdir() if p.is_file()}
    match = re.search(r"RESOURCE_FILES = \[(.*?)\]", spec, re.S)
    assert match
    assert files - set(re.findall(r'"([^"]+)"', match.group(1))) == set()
    assert '"leaddesk" / "store" / "migrations"' in spec


def test_the_resources_are_found_inside_the_package() -> None:
    # importlib.resources finds them beside the package's modules: in a checkout, an
    # installed wheel (tests/unit/test_wheel.py) and the PyInstaller bundle alike.
    from leaddesk.paths import resources_dir
    from leaddesk.store.migrate import MIGRATIONS_DIR

    assert resources_dir() == ROOT / "leaddesk" / "resources"
    assert (resources_dir() / "calling_hours.json").is_file()
    # the migrations are found next to the migrate module, wherever it was loaded from
    assert MIGRATIONS_DIR.name == "migrations"
    assert MIGRATIONS_DIR.parent.name == "store"
