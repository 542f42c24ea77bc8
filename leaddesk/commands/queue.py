"""`leaddesk queue [--limit N]`: the agent's call list in order."""

from __future__ import annotations

import argparse

from leaddesk.cli import Context
from leaddesk.domain.clock import iso


def run(args: argparse.Namespace, ctx: Context) -> int:
    from leaddesk.services.calllist import CallListService
    from leaddesk.services.errors import UserError

    if args.limit < 0:
        raise UserError(f"--limit must be 0 or more (got {args.limit})")
    store = ctx.open_store()
    try:
        service = CallListService(ctx.workspace(store))
        entries = service.page(0, args.limit)
        now = ctx.clock()
    finally:
        store.close()
    leads = [
        {
            "lead_id": e.lead_id,
            "name": e.name,
            "phone_e164": e.phone_e164,
            "section": e.section,
            "callable": e.callable,
            "reason": e.reason,
            "local_time": e.local_time,
            "attempts": e.attempts,
            "next_action_at": iso(e.next_action_at),
            "next_channel": e.next_channel,
            "blocked_by": e.blocked_by.as_json() if e.blocked_by is not None else None,
            "jurisdictions": list(e.jurisdictions),
        }
        for e in entries
    ]
    lines = [
        f"{e.section:<9} {'*' if e.callable else ' '} {e.local_time:>5}  {e.name[:28]:<28} "
        f"{(e.phone_e164 or '-'):<16} {e.reason}"
        for e in entries
    ]
    text = "\n".join(lines) if lines else "the call list is empty"
    ctx.emit({"now": iso(now), "leads": leads}, text)
    return 0
