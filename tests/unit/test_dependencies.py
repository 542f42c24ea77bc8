"""Every dependency pyproject.toml declares for the app and the server is imported by
leaddesk's code (an unused one is weight in every install, and a risk nobody watches)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
# Distribution name -> the module it provides, where the two differ.
MODULE = {
    "pyside6-essentials": "PySide6",
    "pyside6-addons": "PySide6",
    "sqlalchemy": "sqlalchemy",
}
# Used without an import, on purpose (the reason is beside it in pyproject.toml).
NOT_IMPORTED = {
    "httptools",  # uvicorn's HTTP parser, picked by uvicorn when installed
    "psycopg",  # SQLAlchemy's PostgreSQL driver, named in the URL (postgresql+psycopg://)
}


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [Requirement(r).name for r in project["dependencies"]]
    names += [Requirement(r).name for r in project["optional-dependencies"]["server"]]
    return {name.lower() for name in names}


def _imported() -> set[str]:
    found: set[str] = set()
    pattern = re.compile(r"^\s*(?:import|from)\s+([A-Za-z_][A-Za-z0-9_]*)", re.M)
    for path in (ROOT / "leaddesk").rglob("*.py"):
        found.update(pattern.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_declared_dependency_is_imported() -> None:
    imported = _imported()
    unused = {
        name
        for name in _declared() - NOT_IMPORTED
        if MODULE.get(name, name.replace("-", "_")) not in imported
    }
    assert unused == set(), f"declared in pyproject.toml but imported nowhere: {sorted(unused)}"


def test_the_server_framework_is_declared() -> None:
    # leaddesk/server imports starlette directly: it must not arrive only as another
    # package's dependency.
    assert "starlette" in _declared()
