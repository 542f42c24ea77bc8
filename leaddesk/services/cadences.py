"""Which cadence a lead follows: its own (a team's, stored in the database) or the
default one shipped in resources/cadences/default.json."""

from __future__ import annotations

import json
from functools import cache

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from leaddesk.domain.cadence import Cadence, CadenceError, parse_cadence
from leaddesk.paths import resources_dir
from leaddesk.services.errors import UserError
from leaddesk.store.models import Cadence as CadenceRow


@cache
def default_cadence() -> Cadence:
    path = resources_dir() / "cadences" / "default.json"
    try:
        return parse_cadence(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError, CadenceError) as exc:
        raise UserError(f"the default cadence {path} cannot be read: {exc}") from None


def cadence_for(session: Session, cadence_id: str | None) -> Cadence:
    return cadence_for_connection(session.connection(), cadence_id)


def cadence_for_connection(conn: Connection, cadence_id: str | None) -> Cadence:
    if cadence_id is None:
        return default_cadence()
    table = CadenceRow.__table__
    row = conn.execute(select(table.c.name, table.c.steps).where(table.c.id == cadence_id)).first()
    if row is None:
        return default_cadence()
    try:
        return parse_cadence({"name": row.name, "steps": row.steps})
    except CadenceError as exc:
        raise UserError(f"cadence {row.name!r} in the database is broken: {exc}") from None
