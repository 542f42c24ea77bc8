"""`leaddesk demo`: write the deterministic demo data into an empty database."""

from __future__ import annotations

import argparse

from leaddesk.cli import Context


def run(args: argparse.Namespace, ctx: Context) -> int:
    from leaddesk.services.demo import generate
    from leaddesk.services.errors import UserError

    store = ctx.open_store()
    try:
        try:
            summary = generate(store, ctx.clock(), leads=args.leads, seed=args.seed)
        except ValueError as exc:
            raise UserError(f"{ctx.db_path}: {exc}") from None
    finally:
        store.close()
    ctx.emit(
        {
            "db": str(ctx.db_path),
            "leads": summary.leads,
            "attempts": summary.attempts,
            "rapport_notes": summary.rapport_notes,
            "scripts": summary.scripts,
        },
        f"demo data written to {ctx.db_path}: {summary.leads} leads, {summary.attempts} attempts, "
        f"{summary.rapport_notes} rapport notes, {summary.scripts} voicemail scripts",
    )
    return 0
