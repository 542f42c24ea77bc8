"""`leaddesk report`: the lead-response measures for the agent, or with `--agent all`
for every agent and the team.

Periods: `--since` and `--until` take a date (YYYY-MM-DD, a UTC calendar day; `--until`
includes that whole day) or an ISO 8601 instant. Without `--since` the report covers
all history; without `--until` it ends now.

JSON for one agent is one document with the fields of CLI.md (and a few more). With
`--agent all` it is `{"agent": "all", "since", "until", "agents": [one document per
agent], "team": {the same fields for the whole team, "agent": "all"}}`.

With `--server URL` the report is computed by the team server over the team's data
(`GET /api/report`, see `leaddesk.server.reports`) and printed or written the same way;
a supervisor may ask for any agent or `all`, an agent only for itself. The token comes
from `LEADDESK_TOKEN` or the OS keychain (`leaddesk login`). `--pdf` is local only.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from leaddesk.cli import Context
from leaddesk.domain.outcomes import OUTCOMES, Channel

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

SCALAR_FIELDS = (
    "agent",
    "since",
    "until",
    "leads",
    "attempts",
    "never_contacted",
    "never_contacted_pct",
    "second_attempt_rate",
    "median_attempts",
    "speed_to_lead_median_s",
    "speed_to_lead_p90_s",
    "voicemail_left_rate",
    "contact_rate",
    "attempts_outside_rules",
    "first_touch_call_rate",
    "voicemails_left",
    "voicemails_reached",
    "voicemail_script_words_mean",
    "voicemail_script_seconds_mean",
    "voicemail_script_words_max",
    # The phone's time measures and returned calls (#19).
    "outbound_calls",
    "inbound_calls",
    "contacts",
    "talk_time_s",
    "wrapup_time_s",
    "handled_calls",
    "talk_mean_s",
    "wrapup_mean_s",
    "aht_s",
    "active_hours",
    "dials_per_hour",
    "contacts_per_hour",
)


def parse_day_or_instant(ctx: Context, text: str | None, option: str, end: bool) -> datetime | None:
    """A date is a whole UTC day: `--since D` starts at its midnight, `--until D` ends
    at the next one. Anything else must be an ISO 8601 instant."""
    if text is None:
        return None
    value = ctx.instant(text.strip(), option)
    if value is not None and end and _DATE.match(text.strip()):
        value += timedelta(days=1)
    return value


def server_report(url: str, args: argparse.Namespace, ctx: Context) -> dict[str, Any]:
    """Fetch `GET {url}/api/report` with the agent's token (keychain, or `LEADDESK_TOKEN`)
    and return the server's JSON document: the same one `ReportService` makes locally.
    Every failure is a one-line UserError."""
    import httpx

    from leaddesk.domain.clock import iso
    from leaddesk.services.credentials import normalize_url
    from leaddesk.services.errors import UserError, classify

    url = normalize_url(url)
    if not url.startswith(("http://", "https://")):
        raise UserError(f"--server {args.server!r}: give an http:// or https:// address")
    since = parse_day_or_instant(ctx, args.since, "--since", end=False)
    until = parse_day_or_instant(ctx, args.until, "--until", end=True)
    params: dict[str, str] = {}
    if since is not None:
        params["since"] = iso(since) or ""
    if until is not None:
        params["until"] = iso(until) or ""
    agent_name: str | None = getattr(args, "agent", None)
    if agent_name:
        params["agent"] = agent_name
    token = _server_token(url, agent_name, ctx)
    login = f"run `leaddesk login --server {url}`"
    if token is None:
        raise UserError(f"no token for {url}: {login} (or set LEADDESK_TOKEN)")
    try:
        response = httpx.get(
            url + "/api/report",
            params=params,
            headers={"Authorization": f"Bearer {token}"},
            timeout=60,
        )
    except httpx.TransportError as exc:
        raise classify(exc) or UserError(f"cannot reach {url}: {exc}") from None
    if response.status_code == 401:
        raise UserError(f"{url} refused the token (mistyped or revoked): {login}")
    try:
        body = response.json()
    except ValueError:
        body = None
    if response.status_code != 200 or not isinstance(body, dict):
        if isinstance(body, dict) and isinstance(body.get("error"), str):
            field = f" ({body['field']})" if body.get("field") else ""
            raise UserError(f"{url} answered {response.status_code}: {body['error']}{field}")
        raise UserError(f"{url} answered {response.status_code}; is it a LeadDesk server?")
    return body


def _server_token(url: str, agent_name: str | None, ctx: Context) -> str | None:
    """`LEADDESK_TOKEN` wins; else the keychain's token for the local agent who logged in
    (the one named by --agent, else the local database's default agent)."""
    import sys

    from leaddesk.services.credentials import ENV_VAR, Credentials
    from leaddesk.services.errors import UserError
    from leaddesk.services.report import TEAM
    from leaddesk.services.workspace import Workspace

    credentials = Credentials()
    if os.environ.get(ENV_VAR, "").strip():
        return credentials.load(url, "")
    names: list[str] = []
    if agent_name and agent_name != TEAM:
        names.append(agent_name)
    store = ctx.open_store()
    try:
        try:
            default = Workspace.open(store, None, ctx.clock).agent.name
        except UserError:
            default = None
    finally:
        store.close()
    if default is not None and default not in names:
        names.append(default)
    token = None
    for name in names:
        token = credentials.load(url, name)
        if token:
            break
    if credentials.warning:
        sys.stderr.write(f"leaddesk: warning: {credentials.warning}\n")
    return token or None


def run(args: argparse.Namespace, ctx: Context) -> int:
    from leaddesk.services.errors import UserError
    from leaddesk.services.report import TEAM, ReportService

    since = parse_day_or_instant(ctx, args.since, "--since", end=False)
    until = parse_day_or_instant(ctx, args.until, "--until", end=True)
    for option, path in (("--csv", args.csv), ("--pdf", args.pdf)):
        if path is not None and (path.is_dir() or not path.parent.exists()):
            raise UserError(f"{option}: cannot write {path} (no such folder, or a folder)")
    agent_name: str | None = getattr(args, "agent", None)
    if args.server:
        if args.pdf is not None:
            raise UserError(
                "--pdf is made from a local database only; use --json or --csv with --server"
            )
        document = server_report(args.server, args, ctx)
        if args.csv is not None:
            rows = [*document["agents"], document["team"]] if "agents" in document else [document]
            write_csv(args.csv, rows)
        ctx.emit(document, _text(document))
        return 0

    store = ctx.open_store()
    try:
        service = ReportService(store, ctx.clock)
        period = service.period(since, until)
        if agent_name == TEAM:
            team = service.team_report(period)
            document = team.to_json()
            reports = [*team.agents, team.team]
        else:
            name = agent_name if agent_name is not None else ctx.workspace(store).agent.name
            one = service.agent_report(period, name)
            document = one.to_json()
            reports = [one]
        if args.csv is not None:
            write_csv(args.csv, [r.to_json() for r in reports])
        if args.pdf is not None:
            from leaddesk.services.review import ReviewService

            review = ReviewService(store, ctx.clock)
            agent_id = None if agent_name == TEAM else reports[0].agent_id
            pdf_input = {
                "reports": reports,
                "activity": review.activity_by_day(period, agent_id),
                "hours": review.contact_by_local_hour(period, agent_id),
            }
            _write_pdf(args.pdf, pdf_input)
    finally:
        store.close()
    ctx.emit(document, _text(document))
    return 0


def _write_pdf(path: Path, data: dict[str, Any]) -> None:
    # Qt is loaded only when a PDF is asked for; the CLI has no display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from leaddesk.ui.supervisor.pdf import write_report_pdf

    write_report_pdf(path, data["reports"], data["activity"], data["hours"])


def csv_columns() -> list[str]:
    return [
        *SCALAR_FIELDS,
        *(f"outcome:{code}" for code in OUTCOMES),
        *(f"channel:{c.value}" for c in Channel),
    ]


def _seconds_of(words: Any) -> float | None:
    """Spoken seconds of a script of `words` words (150 words a minute)."""
    return None if words is None else round(words * 60 / 150, 1)


def write_csv(path: Path, documents: list[dict[str, Any]]) -> None:
    """One row per agent (and the team's row last), written whole or not at all."""
    tmp = path.with_name(path.name + ".part")
    try:
        with tmp.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(csv_columns())
            for doc in documents:
                row = [_cell(doc.get(name)) for name in SCALAR_FIELDS]
                row += [doc["outcomes"].get(code, 0) for code in OUTCOMES]
                row += [doc["channels"].get(c.value, 0) for c in Channel]
                writer.writerow(row)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _cell(value: object) -> object:
    """Text a spreadsheet would run as a formula (an agent named "=HYPERLINK(...)") is
    written as text."""
    from leaddesk.services.intake.rejects import neutralize

    if value is None:
        return ""
    return neutralize(value) if isinstance(value, str) else value


def _fmt(value: object, unit: str = "") -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") + unit
    return f"{value}{unit}"


def _share(value: object) -> str:
    return "n/a" if not isinstance(value, int | float) else f"{value:.1f} %"


def _pct(value: object) -> str:
    return "n/a" if not isinstance(value, int | float) else f"{value * 100:.1f} %"


def _duration(value: object) -> str:
    if not isinstance(value, int | float):
        return "n/a"
    seconds = int(value)
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds // 60} min"
    if seconds < 172_800:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} days"


def _block(doc: dict[str, Any]) -> str:
    lines = [
        f"{'team (all agents)' if doc['agent'] == 'all' else doc['agent']}: "
        f"{doc['leads']} leads, {doc['attempts']} attempts",
        f"  never contacted      {doc['never_contacted']} ({_share(doc['never_contacted_pct'])})",
        f"  speed to lead        median {_duration(doc['speed_to_lead_median_s'])},"
        f" 90th percentile {_duration(doc['speed_to_lead_p90_s'])}",
        f"  attempts per lead    median {_fmt(doc['median_attempts'])} (target 6 to 8)",
        f"  second-attempt rate  {_pct(doc['second_attempt_rate'])}",
        f"  contact rate         {_pct(doc['contact_rate'])}",
        f"  voicemails left      {_pct(doc['voicemail_left_rate'])} of voicemails reached,"
        f" scripts {_fmt(doc['voicemail_script_seconds_mean'], ' s')} on average,"
        f" longest {_fmt(_seconds_of(doc.get('voicemail_script_words_max')), ' s')}",
        f"  first touch a call   {_pct(doc['first_touch_call_rate'])}",
        f"  outside the rules    {doc.get('attempts_outside_rules', 0)} attempts"
        " (calls at a moment the lead's calling rules forbid; should be 0)",
    ]
    if "outbound_calls" in doc:  # a server older than #19 sends no phone measures
        lines += [
            f"  calls                {doc['outbound_calls']} outbound,"
            f" {doc['inbound_calls']} inbound (returned calls)",
            f"  talk / wrap-up       {_duration(doc['talk_time_s'])} /"
            f" {_duration(doc['wrapup_time_s'])}; handle time {_duration(doc['aht_s'])}"
            " on average",
            f"  per hour             {_fmt(doc['dials_per_hour'])} dials,"
            f" {_fmt(doc['contacts_per_hour'])} contacts"
            f" over {_fmt(doc['active_hours'], ' h')}",
        ]
    if doc["channels"]:
        lines.append(
            "  channels             " + ", ".join(f"{k} {v}" for k, v in doc["channels"].items())
        )
    if doc["outcomes"]:
        lines.append(
            "  outcomes             " + ", ".join(f"{k} {v}" for k, v in doc["outcomes"].items())
        )
    return "\n".join(lines)


def _text(document: dict[str, Any]) -> str:
    since = document.get("since") or "the beginning"
    head = f"Report from {since} to {document.get('until')}"
    if "agents" in document:
        blocks = [_block(d) for d in document["agents"]] + [_block(document["team"])]
        return head + "\n\n" + "\n\n".join(blocks)
    return head + "\n\n" + _block(document)
