"""`leaddesk state [STATE] [--reason CODE]`: record or print the agent's state."""

from __future__ import annotations

import argparse

from leaddesk.cli import Context
from leaddesk.domain.clock import iso


def run(args: argparse.Namespace, ctx: Context) -> int:
    from leaddesk.domain.agent_states import parse_reasons
    from leaddesk.services.agent_states import AgentStateService

    reasons = parse_reasons(str(ctx.settings().get("agent_states.pause_reasons")))
    store = ctx.open_store()
    try:
        service = AgentStateService(ctx.workspace(store), reasons)
        current = service.set(args.state, args.reason) if args.state else service.current()
    finally:
        store.close()
    why = f" ({current.reason})" if current.reason else ""
    since = f" since {iso(current.since)}" if current.since else ""
    ctx.emit(current.to_json(), f"{current.state}{why}{since}")
    return 0
