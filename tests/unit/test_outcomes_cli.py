"""`leaddesk log` and the common options: what a script or an agent sees."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from leaddesk.cli import main
from leaddesk.services.demo import generate
from leaddesk.store import open_store

NOW = "2026-11-26T19:30:00Z"


@pytest.fixture
def demo_db(tmp_path: Path, now) -> Path:
    path = tmp_path / "demo.db"
    store = open_store(path)
    generate(store, now)
    store.close()
    return path


def new_lead_id(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT id FROM lead WHERE status='new' AND do_not_call=0 AND time_zones LIKE '%New_York%' ORDER BY arrived_at LIMIT 1"
        ).fetchone()[0]


def counts(path: Path) -> tuple[int, int, int]:
    with sqlite3.connect(path) as conn:
        return (
            conn.execute("SELECT count(*) FROM attempt").fetchone()[0],
            conn.execute("SELECT count(*) FROM outbox").fetchone()[0],
            conn.execute("SELECT count(*) FROM callback").fetchone()[0],
        )


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_log_prints_the_saved_attempt_and_the_next_touch(capsys, demo_db: Path) -> None:
    lead = new_lead_id(demo_db)
    code, out, err = run(
        capsys,
        "log",
        lead,
        "voicemail_left",
        "--db",
        str(demo_db),
        "--now",
        NOW,
        "--json",
        "--note",
        "left intro",
        "--duration",
        "28",
    )
    assert code == 0, err
    doc = json.loads(out)
    assert set(doc) >= {
        "attempt_id",
        "lead_id",
        "outcome",
        "next_action_at",
        "next_channel",
        "lead_status",
    }
    assert doc["lead_id"] == lead and doc["outcome"] == "voicemail_left"
    assert doc["lead_status"] == "working"
    assert doc["next_channel"] == "email"  # the default cadence: email follows the first call
    assert doc["next_action_at"] > NOW
    with sqlite3.connect(demo_db) as conn:
        row = conn.execute(
            "SELECT outcome, note, duration_s, channel FROM attempt WHERE id=?",
            (doc["attempt_id"],),
        ).fetchone()
        assert row == ("voicemail_left", "left intro", 28, "phone")
        lead_row = conn.execute(
            "SELECT attempt_count, status, first_attempt_at FROM lead WHERE id=?", (lead,)
        ).fetchone()
        assert (
            lead_row[0] == 1
            and lead_row[1] == "working"
            and lead_row[2].startswith("2026-11-26 19:30")
        )
        kinds = [r[0] for r in conn.execute("SELECT kind FROM outbox ORDER BY seq")]
        assert kinds[-2:] == ["attempt", "lead_state"]


def test_text_output_is_one_readable_line(capsys, demo_db: Path) -> None:
    lead = new_lead_id(demo_db)
    code, out, _ = run(capsys, "log", lead, "no_answer", "--db", str(demo_db), "--now", NOW)
    assert code == 0
    assert out.count("\n") == 1 and "no_answer" in out and "next:" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["log", "no-such-lead", "no_answer"], "no lead with id 'no-such-lead'"),
        (["log", "{lead}", "left_a_message"], "unknown outcome 'left_a_message'"),
        (["log", "{lead}", "callback"], "needs --callback"),
        (
            ["log", "{lead}", "callback", "--callback", "tomorrow at 3"],
            "--callback: 'tomorrow at 3' is not an ISO 8601 time",
        ),
        (["log", "{lead}", "no_answer", "--at", "2026-13-45T99:00"], "--at:"),
        (
            ["log", "{lead}", "email_sent", "--channel", "phone"],
            "cannot be logged on channel 'phone'",
        ),
        (["log", "{lead}", "no_answer", "--duration", "-5"], "duration -5 s is out of range"),
        (
            ["log", "{lead}", "callback", "--callback", "2026-11-26T10:00:00Z"],
            "is not after the call",
        ),
    ],
)
def test_bad_input_exits_1_with_one_line_and_writes_nothing(
    capsys, demo_db: Path, argv: list[str], message: str
) -> None:
    lead = new_lead_id(demo_db)
    before = counts(demo_db)
    argv = [a.replace("{lead}", lead) for a in argv]
    code, out, err = run(capsys, *argv, "--db", str(demo_db), "--now", NOW)
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert message in err
    assert counts(demo_db) == before


def test_bad_input_does_not_even_create_a_database(capsys, tmp_path: Path) -> None:
    path = tmp_path / "never.db"
    code, _, err = run(capsys, "log", "x", "not_a_code", "--db", str(path))
    assert code == 1 and "unknown outcome" in err
    assert not path.exists()


def test_malformed_now_is_an_input_error(capsys, demo_db: Path) -> None:
    code, _, err = run(capsys, "log", "x", "no_answer", "--db", str(demo_db), "--now", "yesterday")
    assert code == 1 and "--now" in err


def test_usage_errors_exit_2(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["log", "only-a-lead"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["log", "a", "no_answer", "--channel", "fax"])
    assert exc.value.code == 2


def test_a_corrupt_db_file_gets_a_clear_message_and_stays_untouched(capsys, tmp_path: Path) -> None:
    path = tmp_path / "leads.db"
    path.write_bytes(b"\x00\x01garbage" * 1000)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code, _, err = run(capsys, "log", "x", "no_answer", "--db", str(path))
    assert code == 1
    assert "not a LeadDesk database" in err and "untouched" in err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_callback_schedules_that_exact_time(capsys, demo_db: Path) -> None:
    lead = new_lead_id(demo_db)
    when = "2026-11-27T16:00:00Z"
    code, out, err = run(
        capsys,
        "log",
        lead,
        "callback",
        "--callback",
        when,
        "--db",
        str(demo_db),
        "--now",
        NOW,
        "--json",
    )
    assert code == 0, err
    doc = json.loads(out)
    assert doc["lead_status"] == "callback"
    assert doc["next_action_at"] == when and doc["next_channel"] == "phone"
    with sqlite3.connect(demo_db) as conn:
        due = conn.execute(
            "SELECT due_at FROM callback WHERE lead_id=? AND done_at IS NULL", (lead,)
        ).fetchall()
    assert due == [("2026-11-27 16:00:00.000000",)]


def test_do_not_call_puts_the_number_on_the_list_and_ends_the_cadence(
    capsys, demo_db: Path
) -> None:
    lead = new_lead_id(demo_db)
    code, out, _ = run(
        capsys, "log", lead, "do_not_call", "--db", str(demo_db), "--now", NOW, "--json"
    )
    assert code == 0
    doc = json.loads(out)
    assert doc["lead_status"] == "do_not_call" and doc["next_action_at"] is None
    with sqlite3.connect(demo_db) as conn:
        e164 = conn.execute("SELECT phone_e164 FROM lead WHERE id=?", (lead,)).fetchone()[0]
        assert (
            conn.execute("SELECT count(*) FROM dnc_number WHERE phone_e164=?", (e164,)).fetchone()[
                0
            ]
            == 1
        )
    # and no call may be logged on it afterwards
    code, _, err = run(capsys, "log", lead, "no_answer", "--db", str(demo_db), "--now", NOW)
    assert code == 1 and "do-not-call" in err


def test_wrong_number_marks_the_number_bad(capsys, demo_db: Path) -> None:
    lead = new_lead_id(demo_db)
    code, out, _ = run(
        capsys, "log", lead, "wrong_number", "--db", str(demo_db), "--now", NOW, "--json"
    )
    assert code == 0
    assert json.loads(out)["lead_status"] == "bad_number"
    with sqlite3.connect(demo_db) as conn:
        assert conn.execute("SELECT phone_bad FROM lead WHERE id=?", (lead,)).fetchone()[0] == 1


def test_the_default_agent_is_created_from_the_os_user(
    capsys, demo_db: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr("getpass.getuser", lambda: "maria.lopez")
    fresh = tmp_path / "fresh.db"
    store = open_store(fresh)
    store.close()
    from leaddesk.services.workspace import resolve_agent

    store = open_store(fresh)
    try:
        first = resolve_agent(store, None)
        again = resolve_agent(store, None)
        named = resolve_agent(store, "sam")
    finally:
        store.close()
    assert first.name == "maria.lopez" and first.id == again.id
    assert named.name == "sam" and named.id != first.id


def test_agent_option_logs_as_that_agent(capsys, demo_db: Path) -> None:
    lead = new_lead_id(demo_db)
    code, out, _ = run(
        capsys,
        "log",
        lead,
        "no_answer",
        "--db",
        str(demo_db),
        "--now",
        NOW,
        "--agent",
        "pat",
        "--json",
    )
    assert code == 0
    with sqlite3.connect(demo_db) as conn:
        name = conn.execute(
            "SELECT agent.name FROM attempt JOIN agent ON agent.id = attempt.agent_id WHERE attempt.id=?",
            (json.loads(out)["attempt_id"],),
        ).fetchone()[0]
    assert name == "pat"


def test_common_options_work_before_or_after_the_command(capsys, demo_db: Path) -> None:
    lead = new_lead_id(demo_db)
    code, out, _ = run(capsys, "--db", str(demo_db), "--json", "log", lead, "busy", "--now", NOW)
    assert code == 0
    assert json.loads(out)["next_channel"] == "phone"
