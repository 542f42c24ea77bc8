"""Shared fixtures: a fresh SQLite file per test, a fixed clock, the demo database,
and the PostgreSQL at 127.0.0.1:5432 (skipped with a reason where none is reachable,
a failure instead when LEADDESK_REQUIRE_PG=1, as in CI)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test may reach the user's real keychain or data folder.
os.environ.pop("LEADDESK_DB", None)
os.environ.pop("LEADDESK_TOKEN", None)

from hypothesis import settings as hypothesis_settings

from leaddesk.domain.clock import Clock, fixed_clock
from leaddesk.services.workspace import Workspace
from leaddesk.store import Store, open_store
from tests.keychain import MemoryKeyring

# CI runs the same examples every time: a property failure there is reproducible, never
# luck. Developers' runs keep exploring new examples.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

# A Thursday afternoon on the US east coast: most US leads are inside calling hours.
NOW = datetime(2026, 11, 26, 19, 30, tzinfo=UTC)
PG_URL = os.environ.get("LEADDESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(autouse=True)
def config_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """An empty user config folder for every test: the developer's real settings.json
    (calling hours, caps, cadence, dialer) must never change what a test sees. Set both
    through XDG_CONFIG_HOME (Linux, and the subprocesses tests start) and platformdirs
    itself (macOS and Windows ignore XDG). A test writes settings to `settings_file`.
    Its own MonkeyPatch: a test's `monkeypatch.undo()` does not bring the real one back."""
    import platformdirs

    folder = tmp_path_factory.mktemp("config")

    def user_config_dir(appname: str | None = None, *args: object, **kwargs: object) -> str:
        return str(folder / appname) if appname else str(folder)

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CONFIG_HOME", str(folder))
        patch.setattr(platformdirs, "user_config_dir", user_config_dir)
        yield folder


@pytest.fixture
def settings_file(config_home: Path) -> Path:
    """Where LeadDesk (CLI, window, services) reads the agent's settings in this test."""
    from leaddesk.settings import default_path

    path = default_path()
    assert path.is_relative_to(config_home)
    return path


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def clock() -> Clock:
    return fixed_clock(NOW)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "leaddesk.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = open_store(db_path)
    yield s
    s.close()


@pytest.fixture
def workspace(store: Store, clock: Clock) -> Workspace:
    return Workspace.open(store, "test.agent", clock)


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[Store]:
    from leaddesk.services.demo import generate

    s = open_store(tmp_path / "demo.db")
    generate(s, NOW)
    yield s
    s.close()


@pytest.fixture
def demo_workspace(demo_store: Store, clock: Clock) -> Workspace:
    return Workspace.open(demo_store, None, clock)


def _pg_reachable() -> str | None:
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed (pip install '.[server]')"
    try:
        url = PG_URL.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(url, connect_timeout=3):
            return None
    except Exception as exc:
        return f"PostgreSQL at {PG_URL} is not reachable: {exc}".splitlines()[0]


@pytest.fixture(scope="session")
def pg_url() -> str:
    reason = _pg_reachable()
    if reason is not None:
        if os.environ.get("LEADDESK_REQUIRE_PG") == "1":
            pytest.fail(f"LEADDESK_REQUIRE_PG=1 but {reason}")
        pytest.skip(reason)
    return PG_URL


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """The OS keychain replaced by one in memory for the test (restored after)."""
    import keyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
