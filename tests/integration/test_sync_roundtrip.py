"""Laptops and the team server on PostgreSQL: outcomes go up, assigned leads, scripts
and cadences come down, reassignments and deletes reach every laptop, and the state
the shift bar shows follows along."""

from __future__ import annotations

import io
import json
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest
from sqlalchemy import select

from leaddesk.cli import main
from leaddesk.server.app import ServerThread, create_app, free_port
from leaddesk.server.auth import add_agent_to
from leaddesk.services.outbox import enqueue
from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.sync import SyncError, SyncResult, SyncService
from leaddesk.services.workspace import Workspace
from leaddesk.store import open_store
from leaddesk.store.models import Attempt, Cadence, Lead, Outbox, RapportNote, VoicemailScript
from leaddesk.sync.wire import encode
from tests.integration import syncenv
from tests.integration.syncenv import NOW, Team, count, import_leads, laptop
from tests.keychain import MemoryKeyring

fixture_pg_database = syncenv.fixture_pg_database
fixture_pg_store_session = syncenv.fixture_pg_store_session
fixture_pg_store = syncenv.fixture_pg_store
fixture_server_thread = syncenv.fixture_server_thread
fixture_team = syncenv.fixture_team


def sync(ws: Workspace, team: Team, token: str) -> SyncResult:
    """One round from a laptop."""
    with SyncService(ws, team.url, lambda: token, batch_size=50) as service:
        return service.run_once()


def test_outcomes_logged_on_a_laptop_reach_the_server(team: Team, tmp_path: Path) -> None:
    ids = import_leads(team, "alice", 3)
    ws = laptop(tmp_path, "alice")
    service = SyncService(ws, team.url, lambda: team.alice, batch_size=50)
    assert service.state().status == "never"

    first = service.run_once()
    assert (first.pushed, first.pulled, first.conflicts, first.pending) == (0, 3, 0, 0)
    assert service.state().status == "synced"

    outcomes = OutcomeService(ws)
    outcomes.log(ids[0], "voicemail_left", note="left the intro")
    outcomes.log(ids[1], "callback", callback_at=NOW.replace(day=27))
    state = service.state()
    assert (state.status, state.pending, state.label) == ("pending", 4, "4 pending")

    second = service.run_once()
    assert (second.pushed, second.conflicts, second.pending) == (4, 0, 0)
    assert service.state().status == "synced"

    with team.store.session() as session:
        attempts = session.scalars(select(Attempt).order_by(Attempt.started_at)).all()
        assert {a.outcome for a in attempts} == {"voicemail_left", "callback"}
        assert {a.agent_id for a in attempts} == {team.ids["alice"]}
        assert next(a.note for a in attempts if a.outcome == "voicemail_left") == "left the intro"
        server_lead = session.get(Lead, ids[1])
        assert server_lead is not None
        with ws.store.session() as local:
            local_lead = local.get(Lead, ids[1])
            assert local_lead is not None
            assert server_lead.next_action_at == local_lead.next_action_at
            assert server_lead.status == local_lead.status
            assert local_lead.version == server_lead.version  # pulled back, merged
    third = service.run_once()
    assert (third.pushed, third.pending) == (0, 0)
    service.close()


def test_leads_made_on_a_laptop_are_pushed_and_belong_to_its_agent(
    team: Team, tmp_path: Path
) -> None:
    ws = laptop(tmp_path, "alice")
    with ws.store.transaction() as session:
        # One lead queued as the importer does, one that never was (made before sync).
        queued = Lead(first_name="Queued", phone_raw="+12125550111", phone_e164="+12125550111")
        silent = Lead(first_name="Silent", phone_raw="+12125550112", phone_e164="+12125550112")
        session.add_all([queued, silent])
        session.flush()
        enqueue(session, "lead", queued.id, encode(queued), base_version=None)
    OutcomeService(ws).log(silent.id, "no_answer")

    result = sync(ws, team, team.alice)
    assert result.pending == 0
    with team.store.session() as session:
        for lead_id in (queued.id, silent.id):
            lead = session.get(Lead, lead_id)
            assert lead is not None and lead.owner_id == team.ids["alice"]
        assert count(team.store, Attempt, Attempt.lead_id == silent.id) == 1
    with team.http(team.bob) as http:
        assert http.get(f"/api/leads/{queued.id}").status_code == 404


def test_scripts_and_cadences_of_the_team_come_down(team: Team, tmp_path: Path) -> None:
    ws = laptop(tmp_path, "alice")
    with ws.store.transaction() as session:
        session.add(VoicemailScript(stage="introduce", variant=1, template="old local words"))
        session.add(Cadence(name="Team", steps=[{"channel": "phone", "day": 0}]))
    steps = [{"channel": "phone", "day": 0}, {"channel": "email", "day": 1}]
    with team.http(team.boss) as http:
        assert (
            http.put(
                "/api/cadences", json={"cadences": [{"name": "Team", "steps": steps}]}
            ).status_code
            == 200
        )
        scripts = {"scripts": [{"stage": "introduce", "variant": 1, "template": "Hi {first_name}"}]}
        assert http.put("/api/scripts", json=scripts).status_code == 200
    result = sync(ws, team, team.alice)
    assert result.pulled == 2
    with ws.store.session() as session:
        templates = session.scalars(select(VoicemailScript.template)).all()
        assert templates == ["Hi {first_name}"]
        cadences = {c.name: c.steps for c in session.scalars(select(Cadence))}
        assert cadences == {"Team": steps, "Team (local)": [{"channel": "phone", "day": 0}]}


def test_a_reassigned_lead_moves_from_one_laptop_to_the_other(team: Team, tmp_path: Path) -> None:
    (lead_id,) = import_leads(team, "alice", 1)
    alice, bob = laptop(tmp_path, "alice"), laptop(tmp_path, "bob")
    sync(alice, team, team.alice)
    with team.http(team.boss) as http:
        http.post("/api/leads/assign", json={"lead_ids": [lead_id], "agent": "bob"})
    assert sync(alice, team, team.alice).pulled == 1
    assert sync(bob, team, team.bob).pulled == 1
    with alice.store.session() as session:
        gone = session.get(Lead, lead_id)
        assert gone is not None and gone.deleted_at is not None
    with bob.store.session() as session:
        arrived = session.get(Lead, lead_id)
        assert arrived is not None and arrived.deleted_at is None
        assert arrived.owner_id == bob.agent.id  # the server's id translated to the laptop's


def test_deletes_are_kept_until_every_device_has_pulled_past_them(
    team: Team, tmp_path: Path
) -> None:
    lead_id, _other = import_leads(team, "alice", 2)
    desk, home = laptop(tmp_path, "alice"), laptop(tmp_path, "alice")
    for ws in (desk, home):
        sync(ws, team, team.alice)
    with team.http(team.boss) as http:
        assert http.delete(f"/api/leads/{lead_id}").status_code == 200

        def purge() -> int:
            purged: int = http.post("/api/purge").json()["purged"]
            return purged

        assert purge() == 0
        sync(desk, team, team.alice)
        sync(desk, team, team.alice)  # reports how far it got
        assert purge() == 0  # the home laptop has not seen the delete yet
        sync(home, team, team.alice)
        assert purge() == 0
        sync(home, team, team.alice)
        assert purge() == 1
    assert count(team.store, Lead, Lead.id == lead_id) == 0
    for ws in (desk, home):
        with ws.store.session() as session:
            local = session.get(Lead, lead_id)
            assert local is not None and local.deleted_at is not None


def test_sync_command_prints_the_agreed_json(
    team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import_leads(team, "alice", 2)
    db = str(tmp_path / "cli.db")
    args = ["sync", "--server", team.url, "--db", db, "--agent", "alice", "--json"]
    monkeypatch.setattr(keyring, "get_keyring", lambda: MemoryKeyring())
    assert main(args) == 1
    assert "leaddesk login" in capsys.readouterr().err

    monkeypatch.setenv("LEADDESK_TOKEN", team.alice)
    assert main(args) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc == {"pushed": 0, "pulled": 2, "conflicts": 0, "pending": 0}

    dead = f"http://127.0.0.1:{free_port()}"
    assert main(["sync", "--server", dead, "--db", db, "--agent", "alice"]) == 1
    assert "cannot reach" in capsys.readouterr().err


def test_login_keeps_the_token_in_the_keychain_only(
    team: Team,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: MemoryKeyring,
) -> None:
    import_leads(team, "alice", 1)
    db = tmp_path / "login.db"
    monkeypatch.setattr("sys.stdin", io.StringIO(team.alice + "\n"))
    assert (
        main(["login", "--server", team.url + "/", "--db", str(db), "--agent", "alice", "--json"])
        == 0
    )
    out = capsys.readouterr()
    doc = json.loads(out.out)
    assert doc["stored"] == "keychain" and doc["server_agent"] == "alice"
    assert team.alice not in out.out + out.err
    assert list(memory_keyring.items.values()) == [team.alice]
    assert team.alice.encode() not in db.read_bytes()
    assert all(team.alice.encode() not in p.read_bytes() for p in tmp_path.iterdir() if p.is_file())

    assert main(["sync", "--server", team.url, "--db", str(db), "--agent", "alice", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pulled"] == 1

    monkeypatch.setattr("sys.stdin", io.StringIO("wrong-token\n"))
    assert main(["login", "--server", team.url, "--db", str(db), "--agent", "alice"]) == 1
    assert "refused" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["login", "--server", team.url, "--db", str(db)]) == 1


def test_the_shift_bar_state_follows_the_rounds(team: Team, tmp_path: Path) -> None:
    (lead_id,) = import_leads(team, "alice", 1)
    ws = laptop(tmp_path, "alice")
    sync(ws, team, team.alice)
    OutcomeService(ws).log(lead_id, "no_answer")

    dead = SyncService(ws, f"http://127.0.0.1:{free_port()}", lambda: team.alice)
    with pytest.raises(SyncError):
        dead.run_once()
    state = dead.state()
    assert state.status == "offline" and state.pending == 2 and "cannot reach" in state.reason

    refused = SyncService(ws, team.url, lambda: "revoked")
    with pytest.raises(SyncError):
        refused.run_once()
    assert refused.state().status == "error" and "login" in refused.state().reason

    nobody = SyncService(ws, team.url, lambda: None)
    with pytest.raises(SyncError, match="LEADDESK_TOKEN"):
        nobody.run_once()
    assert count(ws.store, Outbox) == 2  # nothing lost on the way

    good = SyncService(ws, team.url, lambda: team.alice)
    assert good.run_once().pending == 0
    assert good.state().label == "Synced"
    for service in (dead, refused, nobody, good):
        service.close()


def test_a_single_office_server_on_sqlite(tmp_path: Path) -> None:
    store = open_store(tmp_path / "office.db")
    caller, token, _ = add_agent_to(store, "alice", False)
    _, boss, _ = add_agent_to(store, "boss", True)
    with ServerThread(create_app(store)) as server:
        team = Team(server.url, store, boss, token, "", {"alice": caller.id})
        (lead_id,) = import_leads(team, "alice", 1)
        ws = laptop(tmp_path, "alice")
        with SyncService(ws, server.url, lambda: token) as service:
            service.run_once()
            OutcomeService(ws).log(lead_id, "busy")
            assert service.run_once().pending == 0
    assert count(store, Attempt) == 1
    with store.session() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None
        assert (lead.attempt_count, lead.call_count, lead.last_outcome) == (1, 1, "busy")
    store.close()


def test_rapport_notes_and_script_edits_are_pushed_as_their_kind_allows(
    team: Team, tmp_path: Path
) -> None:
    (lead_id,) = import_leads(team, "alice", 1)
    alice, boss = laptop(tmp_path, "alice"), laptop(tmp_path, "boss")
    sync(alice, team, team.alice)
    with alice.store.transaction() as session:
        note = RapportNote(lead_id=lead_id, agent_id=alice.agent.id, kind="family", text="twins")
        mine = VoicemailScript(stage="introduce", variant=7, template="my own words")
        session.add_all([note, mine])
        session.flush()
        enqueue(session, "rapport_note", note.id, encode(note))
        enqueue(session, "voicemail_script", mine.id, encode(mine))
    with boss.store.transaction() as session:
        team_script = VoicemailScript(stage="offer_time", variant=1, template="Team words")
        session.add(team_script)
        session.flush()
        enqueue(session, "voicemail_script", team_script.id, encode(team_script))

    assert sync(alice, team, team.alice).pending == 0
    assert sync(boss, team, team.boss).pending == 0
    with team.store.session() as session:
        stored = session.get(RapportNote, note.id)
        assert stored is not None and stored.text == "twins"
        assert stored.agent_id == team.ids["alice"]
        # The agent's own script stayed on the laptop; the supervisor's is the team's.
        assert session.get(VoicemailScript, mine.id) is None
        assert session.get(VoicemailScript, team_script.id) is not None
    sync(alice, team, team.alice)
    with alice.store.session() as session:
        pulled = session.get(VoicemailScript, team_script.id)
        assert pulled is not None and pulled.template == "Team words"
        assert session.get(VoicemailScript, mine.id) is not None


def test_a_supervisor_imports_on_a_laptop_and_assigns_from_the_command_line(
    team: Team,
    tmp_path: Path,
    pg_database: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    csv = tmp_path / "leads.csv"
    csv.write_text(
        "first_name,last_name,phone,email\n"
        "Ada,Lovelace,+12125550177,ada@example.com\n"
        "Alan,Turing,+12125550178,alan@example.com\n",
        encoding="utf-8",
    )
    boss_db = str(tmp_path / "boss.db")
    base = ["--db", boss_db, "--agent", "boss", "--json"]
    assert main(["import", str(csv), "--owner", "alice", *base]) == 0
    capsys.readouterr()
    monkeypatch.setenv("LEADDESK_TOKEN", team.boss)
    assert main(["sync", "--server", team.url, *base]) == 0
    assert json.loads(capsys.readouterr().out)["pending"] == 0

    alice = laptop(tmp_path, "alice")
    assert sync(alice, team, team.alice).pulled == 2
    with alice.store.session() as session:
        names = {lead.first_name: lead.id for lead in session.scalars(select(Lead))}
    assert set(names) == {"Ada", "Alan"}

    assert (
        main(
            [
                "server",
                "assign",
                names["Ada"],
                "--to",
                "bob",
                "--database-url",
                pg_database,
                "--json",
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out) == {"assigned": 1, "agent": "bob"}
    assert (
        main(["server", "assign", "no-such-lead", "--to", "bob", "--database-url", pg_database])
        == 1
    )
    assert "lead_ids[0]" in capsys.readouterr().err
    sync(alice, team, team.alice)
    bob = laptop(tmp_path, "bob")
    sync(bob, team, team.bob)
    with bob.store.session() as session:
        assert [lead.first_name for lead in session.scalars(select(Lead))] == ["Ada"]
    with alice.store.session() as session:
        ada = session.get(Lead, names["Ada"])
        assert ada is not None and ada.deleted_at is not None


def test_uploads_too_large_for_the_server_are_sent_in_smaller_batches(
    team: Team, tmp_path: Path
) -> None:
    ids = import_leads(team, "alice", 5)
    ws = laptop(tmp_path, "alice")
    sync(ws, team, team.alice)
    outcomes = OutcomeService(ws)
    for i in range(60):  # about 10 KB each: 600 KB in one batch, the test server takes 256 KB
        outcomes.log(ids[i % 5], "no_answer", note="x" * 10_000)
    with SyncService(ws, team.url, lambda: team.alice, batch_size=1000) as service:
        result = service.run_once()
        assert service.batch_size < 60
    assert (result.pushed, result.pending) == (120, 0)
    assert count(team.store, Attempt) == 60


def test_login_without_a_keychain_warns_and_keeps_nothing(
    team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        monkeypatch.setattr("sys.stdin", io.StringIO(team.alice + "\n"))
        db = tmp_path / "nokeychain.db"
        args = ["login", "--server", team.url, "--db", str(db), "--agent", "alice", "--json"]
        assert main(args) == 0
        out = capsys.readouterr()
        assert json.loads(out.out)["stored"] == "session"
        assert "warning" in out.err and "session only" in out.err
        assert team.alice not in out.out + out.err
        # The next process has no token: it asks for a login again, and says how.
        sync_args = ["sync", "--server", team.url, "--db", str(db), "--agent", "alice"]
        assert main(sync_args) == 1
        err = capsys.readouterr().err
        assert "leaddesk login" in err and "no usable OS keychain" in err
    finally:
        keyring.set_keyring(previous)


def test_a_returned_call_reaches_the_server_as_inbound_with_its_times(
    team: Team, tmp_path: Path
) -> None:
    """#19: the direction and the wrap-up travel; the team report on the server counts
    the returned call apart and its talk time."""
    ids = import_leads(team, "alice", 2)
    ws = laptop(tmp_path, "alice")
    sync(ws, team, team.alice)
    outcomes = OutcomeService(ws)
    at = NOW.replace(hour=18, minute=0)
    outcomes.log(ids[0], "connected", direction="inbound", duration_s=120, at=at)
    outcomes.log(ids[1], "no_answer", at=at.replace(minute=10))
    assert sync(ws, team, team.alice).pushed == 4
    with team.store.session() as session:
        rows = {
            a.lead_id: (a.direction, a.wrapup_s, a.duration_s)
            for a in session.scalars(select(Attempt))
        }
    # Logged at NOW (19:30) for a call from 18:00 talking 120 s: 5280 s of wrap-up.
    assert rows[ids[0]] == ("inbound", 5280, 120)
    assert rows[ids[1]] == ("outbound", None, None)
    doc = httpx_report(team, team.alice)
    assert (doc["inbound_calls"], doc["outbound_calls"], doc["talk_time_s"]) == (1, 1, 120)
    assert doc["contact_rate"] == 0.0  # the returned call is not a contact of a dial


def httpx_report(team: Team, token: str) -> dict[str, object]:
    import httpx

    response = httpx.get(
        f"{team.url}/api/report",
        params={"since": "2026-11-26", "until": "2026-11-26"},
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return dict(response.json())
