"""The wheel carries every file the app reads at run time: each file of leaddesk/resources
(except the README's screenshots and the translators' sources) and the migrations. A
resource added without a matching package-data pattern in pyproject.toml fails here,
not on an agent's machine. (packaging/check-wheel.sh, run by CI, installs the wheel in a
clean venv and runs it.)"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "leaddesk" / "resources"
# Not needed to run: documentation images, Qt Linguist sources (the .qm ship), notes.
LEFT_OUT: set[str] = set()  # the README's screenshots live outside the package
LEFT_OUT_SUFFIXES = {".ts"}


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    out = tmp_path_factory.mktemp("dist")
    # From a copy: setuptools' in-tree build/lib keeps files moved away since its last run.
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(
        ROOT / "leaddesk", src / "leaddesk", ignore=shutil.ignore_patterns("__pycache__")
    )
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(src)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0 and "No matching distribution found for setuptools" in done.stderr:
        pytest.skip("cannot build the wheel here: setuptools>=77 is not reachable")
    assert done.returncode == 0, done.stderr
    (wheel,) = out.glob("leaddesk-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_the_wheel_has_every_runtime_resource(wheel_names: set[str]) -> None:
    wanted = {
        path.relative_to(ROOT).as_posix()
        for path in RESOURCES.rglob("*")
        if path.is_file()
        and path.relative_to(RESOURCES).parts[0] not in LEFT_OUT
        and path.suffix not in LEFT_OUT_SUFFIXES
        and not (path.name == "README.md" and path.parent.name == "i18n")
    }
    assert wanted, "no resources found"
    assert wanted - wheel_names == set()
    assert not any("screenshots/" in name for name in wheel_names)  # README images stay out


def test_the_wheel_has_the_migrations(wheel_names: set[str]) -> None:
    versions = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "leaddesk" / "store" / "migrations").rglob("*")
        if path.is_file() and path.suffix in {".py", ".mako"}
    }
    assert versions - wheel_names == set()
