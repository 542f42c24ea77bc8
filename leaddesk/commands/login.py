"""`leaddesk login --server URL`: check the agent's token with the server and keep it in
the OS keychain. The token is read from a no-echo prompt, or from stdin when piped;
never from the command line (which other users of the machine can read)."""

from __future__ import annotations

import argparse
import getpass
import sys

from leaddesk.cli import Context


def read_token() -> str:
    from leaddesk.services.errors import UserError

    if sys.stdin is not None and sys.stdin.isatty():
        token = getpass.getpass("Token (input hidden): ")
    else:
        token = sys.stdin.readline() if sys.stdin is not None else ""
    token = token.strip()
    if not token:
        raise UserError("no token given: type it at the prompt or pipe it on stdin")
    return token


def check_token(url: str, token: str) -> dict[str, object]:
    import httpx

    from leaddesk.services.errors import UserError, classify

    try:
        response = httpx.get(
            url.rstrip("/") + "/api/me", headers={"Authorization": f"Bearer {token}"}, timeout=15
        )
    except httpx.TransportError as exc:
        raise classify(exc) or UserError(f"cannot reach {url}: {exc}") from None
    if response.status_code == 401:
        raise UserError(f"{url} refused this token (mistyped, or revoked)")
    if response.status_code != 200:
        raise UserError(f"{url} answered {response.status_code}; is it a LeadDesk server?")
    doc: dict[str, object] = response.json()
    return doc


def run(args: argparse.Namespace, ctx: Context) -> int:
    from leaddesk.services.credentials import Credentials, normalize_url
    from leaddesk.services.errors import UserError

    url = normalize_url(args.server)
    if not url.startswith(("http://", "https://")):
        raise UserError(f"--server {args.server!r}: give an http:// or https:// address")
    token = read_token()
    me = check_token(url, token)
    store = ctx.open_store()
    try:
        agent = ctx.workspace(store).agent
    finally:
        store.close()
    saved = Credentials().save(url, agent.name, token)
    if saved.warning:
        sys.stderr.write(f"leaddesk: warning: {saved.warning}\n")
    where = "the OS keychain" if saved.where == "keychain" else "memory, for this session only"
    ctx.emit(
        {
            "server": url,
            "agent": agent.name,
            "server_agent": me.get("name"),
            "stored": saved.where,
            "warning": saved.warning,
        },
        f"logged in to {url} as {me.get('name')} (local agent {agent.name}); "
        f"the token is kept in {where}",
    )
    return 0
