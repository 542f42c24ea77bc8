"""`leaddesk sync --server URL`: one push and pull with the team server."""

from __future__ import annotations

import argparse
import sys

from leaddesk.cli import Context


def run(args: argparse.Namespace, ctx: Context) -> int:
    from leaddesk.services.credentials import Credentials
    from leaddesk.services.errors import UserError
    from leaddesk.services.sync import SyncService

    if not 1 <= args.batch_size <= 2000:
        raise UserError(f"--batch-size must be between 1 and 2000 (got {args.batch_size})")
    credentials = Credentials()
    store = ctx.open_store()
    try:
        workspace = ctx.workspace(store)
        service = SyncService(
            workspace,
            args.server,
            credentials.provider(args.server, workspace.agent.name),
            batch_size=args.batch_size,
        )
        try:
            result = service.run_once()
        finally:
            service.close()
            if credentials.warning:
                sys.stderr.write(f"leaddesk: warning: {credentials.warning}\n")
    finally:
        store.close()
    ctx.emit(
        result.to_json(),
        f"pushed {result.pushed}, pulled {result.pulled}, "
        f"{result.conflicts} conflicts, {result.pending} pending"
        + (
            f"; {result.held} held (the server refused them: see leaddesk.log, ask your supervisor)"
            if result.held
            else ""
        ),
    )
    return 0
