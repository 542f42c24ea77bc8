"""`leaddesk log LEAD_ID OUTCOME`: record one attempt; print only once it is on disk."""

from __future__ import annotations

import argparse
import sys

from leaddesk.cli import Context
from leaddesk.domain.clock import iso
from leaddesk.domain.outcomes import Channel


def run(args: argparse.Namespace, ctx: Context) -> int:
    from leaddesk.domain.outcomes import (
        OutcomeError,
        check_channel,
        check_direction,
        default_channel,
        outcome_info,
    )
    from leaddesk.services.errors import UserError
    from leaddesk.services.outcomes import OutcomeService

    # Check everything that needs no database first: bad input must not even create one.
    callback_at = ctx.instant(args.callback, "--callback")
    at = ctx.instant(args.at, "--at")
    try:
        outcome_info(args.outcome)
        channel = Channel(args.channel) if args.channel else default_channel(args.outcome)
        check_channel(args.outcome, channel)
        check_direction(args.outcome, channel, args.direction)
    except OutcomeError as exc:
        raise UserError(str(exc)) from None
    if args.outcome == "callback" and callback_at is None:
        raise UserError("outcome 'callback' needs --callback with the agreed time")
    store = ctx.open_store()
    try:
        ws = ctx.workspace(store)
        script_words = None
        if args.script and args.outcome == "voicemail_left":
            from leaddesk.services.scripts import ScriptService

            # The script's length as this lead heard it: the report's mean and longest.
            script_words = ScriptService(ws).words_of(args.lead_id, args.script)
        service = OutcomeService(ws)
        logged = service.log(
            args.lead_id,
            args.outcome,
            channel=Channel(args.channel) if args.channel else None,
            note=args.note,
            duration_s=args.duration,
            callback_at=callback_at,
            at=at,
            script_id=args.script,
            manual=args.manual,
            script_words=script_words,
            direction=args.direction,
        )
    finally:
        store.close()
    if logged.outside_rules:
        # Recorded all the same (a call that happened is never lost), and flagged.
        print(
            f"warning: this call was made outside the lead's calling rules "
            f"({logged.outside_reason}); it is recorded and flagged for your supervisor",
            file=sys.stderr,
        )
    if logged.next_action_at is None:
        nxt = f"cadence ended ({logged.lead_status})"
    else:
        nxt = f"next: {logged.next_channel} at {iso(logged.next_action_at)}"
    ctx.emit(
        logged.to_json(),
        f"logged {'an inbound ' if logged.direction == 'inbound' else ''}"
        f"{logged.outcome} on {logged.channel} for lead {logged.lead_id} "
        f"(attempt {logged.attempt_id}); {nxt}",
    )
    return 0
