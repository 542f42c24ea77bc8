"""Which cadence a lead follows: its team's (stored in the database, from the server), else
the agent's cadence: one of the files in leaddesk/resources/cadences/, chosen by the `cadence`
setting ("default" unless the agent picked another).

A lead's position in a cadence is its step number and its first attempt (the anchor);
which cadence it follows is not stored on a lead without a team cadence. So the agent's
choice applies to every such lead, those already in their cadence included, from their
next logged attempt on: that attempt plans the chosen cadence's next step (by number,
counted in days from the first attempt), and a lead already past the chosen cadence's
last step finishes. Touches planned before the change keep their time.
"""

from __future__ import annotations

import json
from functools import cache

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from leaddesk.domain.cadence import Cadence, CadenceError, parse_cadence
from leaddesk.paths import resources_dir
from leaddesk.services.errors import UserError
from leaddesk.store.models import Cadence as CadenceRow

DEFAULT_CADENCE = "default"


def available_cadences() -> tuple[str, ...]:
    """The names the `cadence` setting accepts: leaddesk/resources/cadences/<name>.json."""
    folder = resources_dir() / "cadences"
    try:
        return tuple(sorted(p.stem for p in folder.glob("*.json") if p.is_file()))
    except OSError:
        return ()


def unknown_cadence_message(name: str) -> str:
    names = available_cadences()
    offered = ", ".join(names) if names else f"none (no files in {resources_dir() / 'cadences'})"
    return f"there is no cadence {name!r}; the cadences are: {offered}"


@cache
def named_cadence(name: str) -> Cadence:
    """The cadence of leaddesk/resources/cadences/<name>.json (named by its file, so the setting
    and the lead card say the same). An unknown name says which names there are."""
    if name not in available_cadences():
        raise UserError(unknown_cadence_message(name))
    path = resources_dir() / "cadences" / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise CadenceError("expected a JSON object")
        return parse_cadence({**data, "name": name})
    except (OSError, json.JSONDecodeError, CadenceError) as exc:
        raise UserError(f"the cadence {path} cannot be read: {exc}") from None


def default_cadence() -> Cadence:
    return named_cadence(DEFAULT_CADENCE)


def cadence_for(session: Session, cadence_id: str | None, agents: Cadence | None = None) -> Cadence:
    return cadence_for_connection(session.connection(), cadence_id, agents)


def cadence_for_connection(
    conn: Connection, cadence_id: str | None, agents: Cadence | None = None
) -> Cadence:
    """The lead's team cadence, else `agents` (the workspace's), else the default."""
    fallback = agents or default_cadence()
    if cadence_id is None:
        return fallback
    table = CadenceRow.__table__
    row = conn.execute(select(table.c.name, table.c.steps).where(table.c.id == cadence_id)).first()
    if row is None:
        return fallback
    try:
        return parse_cadence({"name": row.name, "steps": row.steps})
    except CadenceError as exc:
        raise UserError(f"cadence {row.name!r} in the database is broken: {exc}") from None
