"""`GET /api/report?since=..&until=..&agent=NAME|all`: the lead-response report over the
server's database, the same JSON document `leaddesk report --json` prints locally
(`AgentReport.to_json` / `TeamReport.to_json` of `leaddesk.services.report`).

Scoping: a supervisor may ask for any agent or `all`; an agent only for itself. Without
`agent` the report is the caller's own. `since` and `until` take a date (YYYY-MM-DD, a
UTC calendar day; `until` includes that whole day) or an ISO 8601 instant; without
`since` the report covers all history, without `until` it ends now.

The request only reads, and `Api.report` runs it so: a read transaction (a deferred
BEGIN on SQLite), never the write lock that pushes queue on, however long it runs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from leaddesk.domain.clock import Clock, parse_instant
from leaddesk.server.auth import Caller
from leaddesk.server.push import Forbidden
from leaddesk.services.errors import NotFound, UserError
from leaddesk.services.report import TEAM, ReportService
from leaddesk.store.engine import Store
from leaddesk.sync.wire import WireError, check_instant, check_text

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_PARAM = 64


def day_or_instant(name: str, text: str | None, end: bool) -> datetime | None:
    """A date is a whole UTC day (`until` ends at the next midnight); anything else must
    be an ISO 8601 instant. A bad value is a WireError naming the parameter (422)."""
    if text is None or not text.strip():
        return None
    cleaned = check_text(text.strip(), name)
    if len(cleaned) > MAX_PARAM:
        raise WireError(name, "is too long for a date or time")
    try:
        parsed = parse_instant(cleaned)
    except (ValueError, OverflowError):
        raise WireError(
            name, f"{cleaned!r} is not a date (YYYY-MM-DD) or an ISO 8601 time"
        ) from None
    value = check_instant(parsed, name)
    if end and _DATE.match(cleaned):
        value += timedelta(days=1)
    return value


def report(store: Store, clock: Clock, caller: Caller, params: Mapping[str, str]) -> dict[str, Any]:
    """The report document for the caller's request, or WireError (422), Forbidden (403),
    LookupError (404)."""
    since = day_or_instant("since", params.get("since"), end=False)
    until = day_or_instant("until", params.get("until"), end=True)
    agent = check_text((params.get("agent") or "").strip(), "agent") or caller.name
    if len(agent) > 200:
        raise WireError("agent", "is too long for an agent name")
    if not caller.is_supervisor and agent != caller.name:
        whom = "the whole team" if agent == TEAM else f"agent {agent!r}"
        raise Forbidden("agent", f"only a supervisor may see the report of {whom}")
    service = ReportService(store, clock)
    try:
        period = service.period(since, until)
    except UserError:
        raise WireError("since", "must come before until (the period is empty)") from None
    if agent == TEAM:
        return service.team_report(period).to_json()
    try:
        return service.agent_report(period, agent).to_json()
    except NotFound:
        raise LookupError(f"no agent named {agent!r}") from None
