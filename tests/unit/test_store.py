"""The local store: pragmas, permissions, migrations, refusals that leave files untouched."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from leaddesk.store import StoreError, open_store
from leaddesk.store.migrate import HEAD, MIGRATIONS_DIR, REVISIONS
from leaddesk.store.models import Agent, Lead


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_private_and_uses_durable_pragmas(db_path: Path) -> None:
    store = open_store(db_path)
    try:
        assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
        with store.engine.connect() as conn:
            pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 2  # FULL
            assert pragma("foreign_keys") == 1
            assert pragma("busy_timeout") >= 5000
    finally:
        store.close()


def test_revisions_constant_matches_the_alembic_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    scripts = ScriptDirectory.from_config(config)
    chain = [rev.revision for rev in scripts.walk_revisions()]
    assert tuple(reversed(chain)) == REVISIONS
    assert scripts.get_current_head() == HEAD


def test_migrations_produce_exactly_the_models(store) -> None:
    """A model change without its migration is caught here, not on an agent's laptop."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from leaddesk.store.models import Base

    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_timestamps_come_back_aware_utc_and_naive_ones_are_refused(store) -> None:
    arrived = datetime(2026, 3, 8, 6, 59, 59, tzinfo=UTC)
    with store.transaction() as session:
        session.add(Lead(id="l1", first_name="Ada", arrived_at=arrived))
    with store.session() as session:
        lead = session.get(Lead, "l1")
        assert lead is not None
        assert lead.arrived_at == arrived
        assert lead.arrived_at.tzinfo is not None
    with pytest.raises(Exception, match="naive datetime"), store.transaction() as session:
        session.add(Lead(id="l2", arrived_at=datetime(2026, 1, 1)))
    with store.session() as session:
        assert session.get(Lead, "l2") is None


def test_ids_are_client_made_uuids(store) -> None:
    with store.transaction() as session:
        agent = Agent(name="ana")
        assert len(agent.id) == 36  # known before any flush: usable offline
        session.add(agent)
    with store.session() as session:
        assert session.scalars(select(Agent.id)).one() == agent.id


def test_a_file_that_is_not_sqlite_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"name,phone\nAda,555\n" * 50)
    before = digest(path)
    with pytest.raises(StoreError, match="not a LeadDesk database"):
        open_store(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_a_foreign_sqlite_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE things (id INTEGER)")
    before = digest(path)
    with pytest.raises(StoreError, match="not a LeadDesk one"):
        open_store(path)
    assert digest(path) == before


def test_a_damaged_database_is_refused_with_advice(tmp_path: Path, db_path: Path) -> None:
    open_store(db_path).close()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the header
    db_path.write_bytes(bytes(data))
    before = digest(db_path)
    with pytest.raises(StoreError, match=r"damaged|not a LeadDesk"):
        open_store(db_path)
    assert digest(db_path) == before


def test_a_database_from_a_newer_leaddesk_is_refused_untouched(db_path: Path) -> None:
    open_store(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = digest(db_path)
    with pytest.raises(StoreError, match="newer LeadDesk"):
        open_store(db_path)
    assert digest(db_path) == before
    assert not list(db_path.parent.glob("*.backup-*"))


def test_an_older_database_is_backed_up_then_migrated(tmp_path: Path) -> None:
    if len(REVISIONS) < 2:
        pytest.skip("only one schema revision exists; nothing older to migrate from")
    from alembic import command
    from alembic.config import Config

    from leaddesk.store.engine import create_private_file, sqlite_engine

    path = tmp_path / "old.db"
    create_private_file(path)
    engine = sqlite_engine(path)
    with engine.connect() as conn:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.attributes["connection"] = conn
        command.upgrade(config, REVISIONS[0])
        conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES ('kept', 'yes')")
        conn.commit()
    engine.dispose()

    store = open_store(path)
    store.close()
    backups = list(tmp_path.glob("old.db.backup-*"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == REVISIONS[0]
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
        assert conn.execute("SELECT value FROM meta WHERE key='kept'").fetchone()[0] == "yes"


def test_a_failing_migration_step_leaves_the_previous_schema(tmp_path: Path, db_path: Path) -> None:
    """Each step is atomic: a step that dies half-way leaves no half-made table."""
    from alembic import command
    from alembic.config import Config

    from leaddesk.store.engine import sqlite_engine

    open_store(db_path).close()
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, scripts)
    (scripts / "versions" / "9000_broken.py").write_text(
        "from alembic import op\nimport sqlalchemy as sa\n"
        f"revision = '9000'\ndown_revision = {HEAD!r}\nbranch_labels = None\ndepends_on = None\n"
        "def upgrade():\n"
        "    op.create_table('half_made', sa.Column('id', sa.Integer, primary_key=True))\n"
        "    op.execute('INSERT INTO half_made (id) VALUES (1)')\n"
        "    raise RuntimeError('disk pulled out')\n"
        "def downgrade():\n    pass\n"
    )
    engine = sqlite_engine(db_path)
    with engine.connect() as conn:
        config = Config()
        config.set_main_option("script_location", str(scripts))
        config.attributes["connection"] = conn
        with pytest.raises(RuntimeError, match="disk pulled out"):
            command.upgrade(config, "head")
    engine.dispose()
    with sqlite3.connect(db_path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "half_made" not in tables
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
    open_store(db_path).close()  # still opens normally


def test_reopening_an_up_to_date_database_makes_no_backup(db_path: Path) -> None:
    open_store(db_path).close()
    open_store(db_path).close()
    assert not list(db_path.parent.glob("*.backup-*"))
