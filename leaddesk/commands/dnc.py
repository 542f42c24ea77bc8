"""`leaddesk dnc add NUMBER` / `leaddesk dnc import FILE` / `leaddesk dnc remove NUMBER
--reason TEXT`: the do-not-call list (every change audited: who, when, why)."""

from __future__ import annotations

import argparse

from leaddesk.cli import Context


def run(args: argparse.Namespace, ctx: Context) -> int:
    from leaddesk.domain.phone import normalize_region
    from leaddesk.services.dnc import DncService
    from leaddesk.services.errors import UserError

    region = None
    if getattr(args, "region", None):
        region = normalize_region(args.region)
        if region is None:
            raise UserError(f"--region {args.region!r} is not a country code such as US, GB or DE")
    store = ctx.open_store()
    try:
        service = DncService(ctx.workspace(store))
        if args.dnc_command == "remove":
            removed = service.remove(args.number, args.reason, region)
            ctx.emit(
                removed.to_json(),
                f"{removed.phone_e164} taken off the do-not-call list by {removed.agent} "
                f"({removed.reason}); {removed.leads_unflagged} leads no longer flagged",
            )
            return 0
        if args.dnc_command == "add":
            result = service.add(args.number, region, reason=args.reason)
            state = "added to" if result.added else "already on"
            text = f"{result.phone_e164} {state} the do-not-call list"
        else:
            result = service.import_file(args.file, region)
            text = (
                f"{result.numbers} numbers read: {result.added} added, "
                f"{result.already_listed} already listed, {result.invalid} invalid"
            )
    finally:
        store.close()
    text += f"; {result.leads_flagged} leads flagged do-not-call"
    ctx.emit(result.to_json(), text)
    return 0
