"""`leaddesk rapport LEAD_ID [--add TEXT --kind KIND]`: rapport notes and openers."""

from __future__ import annotations

import argparse

from leaddesk.cli import Context


def run(args: argparse.Namespace, ctx: Context) -> int:
    from leaddesk.services.errors import UserError
    from leaddesk.services.rapport import RapportService

    if args.add is not None and not args.add.strip():
        raise UserError("--add needs the text of the note")
    if args.pin and args.add is None:
        raise UserError("--pin goes with --add")
    store = ctx.open_store()
    try:
        service = RapportService(ctx.workspace(store))
        if args.add is not None:
            service.add(args.lead_id, args.add, args.kind, pinned=args.pin)
        view = service.view(args.lead_id)
    finally:
        store.close()
    lines = ["Notes:"] if view.notes else ["No rapport notes yet."]
    for note in view.notes:
        pin = "*" if note.pinned else " "
        lines.append(f" {pin} [{note.kind}] {note.text} ({note.created_at:%Y-%m-%d})")
    lines += ["", "Openers:"] + [f"  - {o}" for o in view.openers]
    ctx.emit(view.to_json(), "\n".join(lines))
    return 0
