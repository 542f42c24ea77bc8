"""Small lead files for the import tests, written the way other systems write them."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from leaddesk.services.importer import ImportService, ImportSummary
from leaddesk.services.workspace import Workspace
from leaddesk.store import Store
from leaddesk.store.models import Lead, Outbox

VICIDIAL_ROW = [
    "V1001", "web", "101", "1", "2125550100", "Ms", "Ada", "B", "Lovelace", "1 Main St", "",
    "", "New York", "NY", "", "10001", "USA", "F", "1970-01-01", "6465550199",
    "ada@example.com", "", "asked for a quote", "0", "jdoe",
]  # fmt: skip


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def generic_csv(path: Path) -> Path:
    return write(
        path,
        "First Name,Last Name,Company,Phone,Mobile,E-mail,State,Country,Created Date,Notes\n"
        "Ada,Lovelace,Analytical,(212) 555-0100,,ada@example.com,NY,US,2026-11-20 10:00,\n"
        "Grace,Hopper,Navy,(415) 555-0101,(415) 555-0102,grace@example.com,CA,US,,likes COBOL\n"
        "Alan,Turing,Bletchley,020 7946 0018,,alan@example.co.uk,,UK,2026-11-21T08:30:00Z,\n",
    )


def import_file(
    workspace: Workspace, path: Path, *, workers: int = 0, **kwargs: object
) -> ImportSummary:
    return ImportService(workspace, workers=workers).run(path, **kwargs)  # type: ignore[arg-type]


def leads(store: Store) -> list[Lead]:
    with store.session() as session:
        found = list(session.scalars(select(Lead).order_by(Lead.created_at, Lead.phone_e164)))
        session.expunge_all()  # detached with their values loaded, for reading after
        return found


def count(store: Store, model: type) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def snapshot(store: Store) -> tuple[list[tuple[object, ...]], int]:
    """Every lead row as stored, and the outbox length: to prove nothing changed."""
    with store.session() as session:
        rows = session.execute(select(Lead.__table__).order_by(Lead.id)).all()
        return [tuple(r) for r in rows], count(store, Outbox)
