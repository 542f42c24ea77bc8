"""`leaddesk script LEAD_ID`: the suggested voicemail script for the lead's next call."""

from __future__ import annotations

import argparse

from leaddesk.cli import Context


def run(args: argparse.Namespace, ctx: Context) -> int:
    from leaddesk.services.scripts import ScriptService

    if args.channel != "phone":
        return _message(args, ctx)
    store = ctx.open_store()
    try:
        service = ScriptService(ctx.workspace(store))
        script = service.suggest(args.lead_id, 1 if args.next_variant else 0)
    finally:
        store.close()
    flag = "  (over 30 s: shorten it)" if script.too_long else ""
    lines = [
        f"[{script.stage}, variant {script.variant} of {script.variants}] "
        f"{script.words} words, about {script.seconds:.0f} s{flag}",
        "",
        script.text,
    ]
    if not script.voicemail_ok or (script.advice and not script.too_long):
        lines += ["", f"Note: {script.advice}"]
    ctx.emit(script.to_json(), "\n".join(lines))
    return 0


def _message(args: argparse.Namespace, ctx: Context) -> int:
    from leaddesk.services.messages import MessageService

    store = ctx.open_store()
    try:
        message = MessageService(ctx.workspace(store)).suggest(args.lead_id, args.channel)
    finally:
        store.close()
    lines = [f"[{message.channel}, template {message.variant} of {message.variants}]"]
    if message.subject:
        lines.append(f"Subject: {message.subject}")
    lines += ["", message.body]
    if message.link:
        lines += ["", message.link]
    ctx.emit(message.to_json(), "\n".join(lines))
    return 0
