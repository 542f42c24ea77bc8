"""`leaddesk sync --server URL`: one push and pull with the team server."""

from __future__ import annotations

import argparse
import sys

from leaddesk.cli import Context


def run(args: argparse.Namespace, ctx: Context) -> int:
    from leaddesk.services.credentials import Credentials
    from leaddesk.services.sync import SyncService

    credentials = Credentials()
    store = ctx.open_store()
    try:
        workspace = ctx.workspace(store)
        service = SyncService(
            workspace, args.server, credentials.provider(args.server, workspace.agent.name)
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
        f"{result.conflicts} conflicts, {result.pending} pending",
    )
    return 0
