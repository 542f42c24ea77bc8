"""`GET /api/report` and `leaddesk report --server`: the real server on loopback (on
PostgreSQL, and once on SQLite) computes the same report as the local ReportService,
scoped like the rest of the API; the CLI prints it, and fails in one line."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import keyring
import keyring.backend
import pytest

from leaddesk.cli import main
from leaddesk.domain.clock import fixed_clock, iso
from leaddesk.domain.metrics import compute
from leaddesk.server.app import ServerThread, create_app, free_port
from leaddesk.server.auth import add_agent_to
from leaddesk.services.report import ReportService
from leaddesk.store import Store, open_store
from tests.integration import syncenv
from tests.keychain import MemoryKeyring
from tests.unit.metrics_fixture import A1, ATTEMPTS, LEADS, PERIOD, UNTIL, store_facts

fixture_pg_database = syncenv.fixture_pg_database
fixture_pg_store_session = syncenv.fixture_pg_store_session
fixture_pg_store = syncenv.fixture_pg_store
fixture_server_thread = syncenv.fixture_server_thread

WEEK = {"since": "2026-11-01T00:00:00Z", "until": "2026-11-08T00:00:00Z"}
WEEK_ARGV = ["--since", "2026-11-01", "--until", "2026-11-07"]


@dataclass
class Served:
    url: str
    store: Store
    boss: str  # a supervisor's token
    one: str  # agent.one's token

    def get(self, token: str | None, **params: str) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.get(f"{self.url}/api/report", params=params, headers=headers, timeout=30)


def serve(store: Store, url: str) -> Served:
    store_facts(store, LEADS, ATTEMPTS)
    _, boss, _ = add_agent_to(store, "boss", True)
    _, one, _ = add_agent_to(store, "agent.one", False)
    return Served(url, store, boss, one)


@pytest.fixture(name="pg")
def fixture_pg(pg_store: Store, server_thread: ServerThread) -> Served:
    return serve(pg_store, server_thread.url)


@pytest.fixture(name="sqlite")
def fixture_sqlite(tmp_path: Path) -> Iterator[Served]:
    store = open_store(tmp_path / "server.db")
    try:
        with ServerThread(create_app(store)) as server:
            yield serve(store, server.url)
    finally:
        store.close()


def local(store: Store) -> ReportService:
    return ReportService(store, fixed_clock(UNTIL))


@pytest.fixture(name="laptop_db")
def fixture_laptop_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("LEADDESK_DB", raising=False)
    return tmp_path / "laptop.db"


def cli(laptop_db: Path, url: str, *argv: str) -> int:
    return main(["report", "--db", str(laptop_db), "--server", url, *argv])


@pytest.mark.postgres
def test_a_supervisor_gets_the_team_report_the_local_service_computes(pg: Served) -> None:
    assert (WEEK["since"], WEEK["until"]) == (iso(PERIOD.since), iso(PERIOD.until))
    response = pg.get(pg.boss, agent="all", **WEEK)
    assert response.status_code == 200
    doc = response.json()
    assert doc == local(pg.store).team_report(PERIOD).to_json()
    assert doc["agent"] == "all"
    assert [a["agent"] for a in doc["agents"]] == ["agent.one", "agent.two"]
    team = compute(LEADS, ATTEMPTS, PERIOD)
    assert (doc["team"]["leads"], doc["team"]["attempts"]) == (team.leads, team.attempts)
    assert doc["team"]["never_contacted"] == team.never_contacted
    # Any one agent, too; dates work as on the command line (`until` is a whole day).
    two = pg.get(pg.boss, agent="agent.two", since="2026-11-01", until="2026-11-07")
    assert two.json() == local(pg.store).agent_report(PERIOD, "agent.two").to_json()
    missing = pg.get(pg.boss, agent="nobody")
    assert missing.status_code == 404
    assert "nobody" in missing.json()["error"]


@pytest.mark.postgres
def test_an_agent_gets_only_its_own_report(pg: Served) -> None:
    own = pg.get(pg.one, **WEEK)
    assert own.status_code == 200
    mine = [lead for lead in LEADS if lead.owner_id == A1]
    assert own.json()["agent"] == "agent.one"
    assert own.json()["leads"] == compute(mine, ATTEMPTS, PERIOD, A1).leads == 8
    assert pg.get(pg.one, agent="agent.one", **WEEK).json() == own.json()
    for other in ("agent.two", "all"):
        refused = pg.get(pg.one, agent=other, **WEEK)
        assert refused.status_code == 403
        assert refused.json()["field"] == "agent"
        assert "supervisor" in refused.json()["error"]
        assert "leads" not in refused.json()
    assert pg.get(None).status_code == 401
    assert pg.get("not-a-token").status_code == 401


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"since": "2026-13-01"}, "since"),
        ({"until": "yesterday"}, "until"),
        ({"since": "2026-11-09", "until": "2026-11-01"}, "since"),
    ],
)
def test_bad_dates_are_422_naming_the_field(pg: Served, params: dict[str, str], field: str) -> None:
    response = pg.get(pg.boss, agent="all", **params)
    assert response.status_code == 422
    assert response.json()["field"] == field


@pytest.mark.postgres
def test_the_cli_prints_the_server_report_as_json_and_csv(
    pg: Served,
    laptop_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("LEADDESK_TOKEN", pg.boss)
    out = tmp_path / "team.csv"
    argv = ["--agent", "all", *WEEK_ARGV, "--json", "--csv", str(out)]
    assert cli(laptop_db, pg.url, *argv) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc == local(pg.store).team_report(PERIOD).to_json()
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["agent"] for r in rows] == ["agent.one", "agent.two", "all"]
    assert rows[-1]["leads"] == str(doc["team"]["leads"])
    # The text report, as locally.
    assert cli(laptop_db, pg.url, "--agent", "all", *WEEK_ARGV) == 0
    text = capsys.readouterr().out
    assert "team (all agents)" in text and "agent.two:" in text


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("token", "argv", "message"),
    [
        ("not-a-token", [], "leaddesk login --server"),
        ("AGENT", ["--agent", "all"], "answered 403: only a supervisor"),
        ("AGENT", ["--agent", "agent.two"], "(agent)"),
        ("AGENT", ["--since", "2026-11-09", "--until", "2026-11-01"], "answered 422"),
        ("AGENT", ["--pdf", "r.pdf"], "--pdf is made from a local database only"),
    ],
)
def test_the_cli_refusals_are_one_line(
    pg: Served,
    laptop_db: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    token: str,
    argv: list[str],
    message: str,
) -> None:
    monkeypatch.setenv("LEADDESK_TOKEN", pg.one if token == "AGENT" else token)
    assert cli(laptop_db, pg.url, *argv) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in captured.err
    assert captured.err.count("\n") == 1


def test_an_unreachable_server_is_one_line(
    laptop_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LEADDESK_TOKEN", "some-token")
    url = f"http://127.0.0.1:{free_port()}"
    assert cli(laptop_db, url, "--json") == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"cannot reach {url}" in captured.err
    assert captured.err.count("\n") == 1


def test_on_a_sqlite_server_an_agent_gets_its_own_report_through_the_cli(
    sqlite: Served,
    laptop_db: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("LEADDESK_TOKEN", sqlite.one)
    assert cli(laptop_db, sqlite.url, *WEEK_ARGV, "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc == local(sqlite.store).agent_report(PERIOD, "agent.one").to_json()
    assert sqlite.get(sqlite.one, agent="all").status_code == 403
    assert sqlite.get(sqlite.boss, agent="all", **WEEK).json() == (
        local(sqlite.store).team_report(PERIOD).to_json()
    )


@pytest.fixture(name="keychain")
def fixture_keychain(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    monkeypatch.delenv("LEADDESK_TOKEN", raising=False)
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


def test_after_login_the_report_uses_the_keychain_token(
    sqlite: Served,
    laptop_db: Path,
    keychain: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Not logged in yet: one line that says how.
    assert cli(laptop_db, sqlite.url, "--agent", "all") == 1
    err = capsys.readouterr().err
    assert f"leaddesk login --server {sqlite.url}" in err and err.count("\n") == 1
    # The supervisor logs in on this laptop as its default agent, token piped on stdin.
    monkeypatch.setattr(sys, "stdin", io.StringIO(sqlite.boss + "\n"))
    assert main(["login", "--db", str(laptop_db), "--server", sqlite.url]) == 0
    capsys.readouterr()
    assert sqlite.boss in keychain.items.values()
    assert cli(laptop_db, sqlite.url, "--agent", "all", *WEEK_ARGV, "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc == local(sqlite.store).team_report(PERIOD).to_json()
    # Any one agent, with the supervisor's token (kept under the laptop's own agent).
    assert cli(laptop_db, sqlite.url, "--agent", "agent.two", *WEEK_ARGV, "--json") == 0
    assert json.loads(capsys.readouterr().out)["agent"] == "agent.two"
