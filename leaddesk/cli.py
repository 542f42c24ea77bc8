"""The `leaddesk` command: argument parsing and dispatch (contract: shared/CLI.md).

The GUI is the default command. Each subcommand lives in `leaddesk/commands/NAME.py`
with a `run(args, ctx) -> int`; heavy imports (Qt, Alembic, the server) happen there,
so that `leaddesk log` starts fast. Errors a user can act on print one line on stderr
and exit 1: bad input, and the environment in the way (locked, read-only, full disk,
permission, network; `leaddesk.services.errors.classify` words them); bad usage exits 2
(argparse); a bug keeps its traceback.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from leaddesk import __version__
from leaddesk.domain.clock import Clock, fixed_clock, parse_instant, system_clock
from leaddesk.domain.outcomes import OUTCOMES, Channel

log = logging.getLogger("leaddesk")


def _common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # On subcommands the defaults are SUPPRESSed so that `leaddesk --db X log ...` and
    # `leaddesk log ... --db X` both work and the later one does not erase the earlier.
    default: Any = None if top else argparse.SUPPRESS
    group = parser.add_argument_group("common options")
    group.add_argument(
        "--db",
        type=Path,
        default=default,
        help="the local database (default: $LEADDESK_DB, else leaddesk.db in the user data folder)",
    )
    group.add_argument(
        "--agent", default=default, help="the agent acting (default: the database's default agent)"
    )
    group.add_argument(
        "--now", default=default, metavar="ISO8601", help="replace the clock (rehearsals, tests)"
    )
    group.add_argument(
        "--json",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="print one JSON document",
    )
    group.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="log details on stderr",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="leaddesk",
        description="LeadDesk: call list, cadences, voicemail scripts and rapport notes for agents.",
    )
    parser.add_argument("--version", action="version", version=f"LeadDesk {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="work on a generated demo database (created if missing), never your own, "
        "unless --db is given; with any command: leaddesk --demo queue",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE.png",
        help="render the window offscreen to a PNG and exit",
    )
    parser.add_argument(
        "--compact", action="store_true", help="start in the compact always-on-top mode"
    )
    parser.add_argument(
        "--open",
        metavar="tel:NUMBER",
        help="select the lead with this number (a bare tel: link works too: leaddesk tel:+1...)",
    )
    _common(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        _common(p, top=False)
        return p

    p = command("import", "import leads from a file")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "--format",
        choices=["auto", "csv", "vicidial", "hubspot", "salesforce", "xlsx"],
        default="auto",
    )
    p.add_argument(
        "--region",
        metavar="CC",
        help="default country for numbers without one (ISO 3166 code, e.g. US)",
    )
    p.add_argument(
        "--owner",
        metavar="AGENT",
        help="the agent who owns every imported lead (instead of the file's owner column)",
    )
    p.add_argument(
        "--rejects", type=Path, metavar="FILE", help="where to write the rows not imported (CSV)"
    )
    p.add_argument(
        "--source-tz",
        metavar="ZONE",
        help="time zone of the file's times without an offset, e.g. America/New_York "
        "(default: this computer's)",
    )
    p.add_argument(
        "--date-order",
        choices=["mdy", "dmy"],
        help="how to read 3/4/2026: mdy (March 4) or dmy (3 April); default: from the file",
    )

    p = command("queue", "the agent's call list in order")
    p.add_argument("--limit", type=int, default=50, metavar="N")

    p = command("log", "record one attempt with its outcome")
    p.add_argument("lead_id", metavar="LEAD_ID")
    p.add_argument("outcome", metavar="OUTCOME", help="one of: " + ", ".join(OUTCOMES))
    p.add_argument("--channel", choices=[c.value for c in Channel])
    p.add_argument("--note", default="", metavar="TEXT")
    p.add_argument("--duration", type=int, metavar="SECONDS")
    p.add_argument("--callback", metavar="ISO8601")
    p.add_argument("--at", metavar="ISO8601", help="when the attempt happened (default: now)")
    p.add_argument(
        "--script",
        metavar="SCRIPT_ID",
        help="the voicemail script used (a voicemail_left stores its length for the report)",
    )
    p.add_argument(
        "--manual", action="store_true", help="a call made outside LeadDesk (no dial record)"
    )
    p.add_argument(
        "--direction",
        choices=("outbound", "inbound"),
        default="outbound",
        help="inbound: the lead called back (a returned call; counts as reached)",
    )

    p = command("state", "the agent's state: ready, on_call, wrap_up, paused (with a reason)")
    p.add_argument(
        "state",
        metavar="STATE",
        nargs="?",
        help="ready, on_call, wrap_up, paused or offline; none: print the current state",
    )
    p.add_argument("--reason", default="", metavar="CODE", help="why a pause (break, ...)")

    p = command("script", "the suggested voicemail script for the lead's next call")
    p.add_argument("lead_id", metavar="LEAD_ID")
    p.add_argument("--next-variant", action="store_true", help="skip to the stage's next variant")
    p.add_argument(
        "--channel",
        choices=("phone", "email", "sms"),
        default="phone",
        help="email or sms: the message template for the lead's next written touch",
    )

    p = command("rapport", "rapport notes and suggested openers")
    p.add_argument("lead_id", metavar="LEAD_ID")
    p.add_argument("--add", metavar="TEXT")
    p.add_argument(
        "--kind",
        default="other",
        choices=["family", "interests", "work", "timing", "pain", "other"],
    )
    p.add_argument("--pin", action="store_true")

    p = command("dnc", "the do-not-call list")
    dnc = p.add_subparsers(dest="dnc_command", metavar="ACTION", required=True)
    d = dnc.add_parser("add", help="put one number on the list")
    d.add_argument("number", metavar="NUMBER")
    d.add_argument("--region", metavar="CC")
    _common(d, top=False)
    d.add_argument("--reason", metavar="TEXT", default="", help="why (kept in the audit)")
    d = dnc.add_parser("remove", help="take one number off the list (audited: who, when, why)")
    d.add_argument("number", metavar="NUMBER")
    d.add_argument("--reason", metavar="TEXT", required=True, help="why it comes off")
    d.add_argument("--region", metavar="CC")
    _common(d, top=False)
    d = dnc.add_parser("import", help="put every number of a file on the list")
    d.add_argument("file", type=Path, metavar="FILE")
    d.add_argument("--region", metavar="CC")
    _common(d, top=False)

    p = command("report", "the lead-response measures")
    p.add_argument("--since", metavar="DATE")
    p.add_argument("--until", metavar="DATE")
    p.add_argument("--server", metavar="URL")
    p.add_argument("--csv", type=Path, metavar="FILE")
    p.add_argument("--pdf", type=Path, metavar="FILE")

    p = command("sync", "one push and pull with the team server")
    p.add_argument("--server", required=True, metavar="URL")
    p.add_argument(
        "--batch-size", type=int, default=2000, metavar="N", help="operations per upload request"
    )

    p = command("login", "store the agent's server token in the OS keychain")
    p.add_argument("--server", required=True, metavar="URL")

    p = command("server", "the team server")
    srv = p.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    s = srv.add_parser("run", help="run the team server")
    s.add_argument("--database-url", required=True, metavar="URL")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8765)
    s.add_argument("--tls-cert", type=Path)
    s.add_argument("--tls-key", type=Path)
    s.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="N server processes on the same port over the same database (default 1)",
    )
    _common(s, top=False)
    s = srv.add_parser("add-agent", help="create an agent on the server")
    s.add_argument("name", metavar="NAME")
    s.add_argument("--supervisor", action="store_true")
    s.add_argument(
        "--device",
        metavar="NAME",
        help="the device the token is for; a new token replaces that device's old one",
    )
    s.add_argument(
        "--expires-days",
        type=int,
        default=None,
        metavar="N",
        help="days the token works (default 365; 0: never expires)",
    )
    s.add_argument("--database-url", required=True, metavar="URL")
    _common(s, top=False)
    s = srv.add_parser("revoke-token", help="revoke an agent's tokens (all, or one device's)")
    s.add_argument("agent", metavar="AGENT")
    s.add_argument("--device", metavar="NAME")
    s.add_argument("--database-url", required=True, metavar="URL")
    _common(s, top=False)
    s = srv.add_parser("list-tokens", help="list the tokens issued (never the tokens)")
    s.add_argument("--database-url", required=True, metavar="URL")
    _common(s, top=False)
    s = srv.add_parser("assign", help="give leads on the server to an agent")
    s.add_argument("lead_ids", nargs="+", metavar="LEAD_ID")
    s.add_argument("--to", required=True, metavar="AGENT", help="the agent's name")
    s.add_argument("--database-url", required=True, metavar="URL")
    _common(s, top=False)

    p = command("demo", "write the demo database")
    p.add_argument("--leads", type=int, default=300)
    p.add_argument("--seed", type=int, default=7)
    return parser


@dataclass
class Context:
    """What every command gets: parsed common options, and how to print."""

    args: argparse.Namespace
    clock: Clock = system_clock
    json_output: bool = False
    out: Any = field(default_factory=lambda: sys.stdout)
    _settings: Any = field(default=None, repr=False)

    @property
    def demo(self) -> bool:
        """`--demo` without `--db`: every command works on the demo database."""
        return bool(getattr(self.args, "demo", False)) and getattr(self.args, "db", None) is None

    @property
    def db_path(self) -> Path:
        from leaddesk.paths import default_db_path, demo_db_path

        db: Path | None = getattr(self.args, "db", None)
        if db is not None:
            return db
        return demo_db_path() if self.demo else default_db_path()

    def open_store(self) -> Any:
        """The database, created and migrated if missing; the demo database gets its
        demo data when it has no leads (the agent's own never does)."""
        from leaddesk.store import open_store

        store = open_store(self.db_path)
        if self.demo and getattr(self.args, "command", None) != "demo":
            from leaddesk.services.demo import fill_if_empty

            fill_if_empty(store, self.clock())
        return store

    def settings(self) -> Any:
        """The agent's settings file (read once per run). One that cannot be read is
        reported on stderr and the defaults are used; so is each refused value."""
        if self._settings is None:
            from leaddesk.settings import Settings, SettingsFileError, default_path

            try:
                settings = Settings.load()
            except SettingsFileError as exc:
                warn(f"{exc}; using the default settings")
                settings = Settings(default_path())
            for problem in settings.problems:
                warn(problem)
            self._settings = settings
        return self._settings

    def workspace(self, store: Any = None) -> Any:
        """The workspace every command (the window too) works in: the database, the
        agent, the clock, and the rules and cadence of the agent's settings."""
        from leaddesk.services.workspace import Workspace

        ws = Workspace.open(
            store or self.open_store(),
            getattr(self.args, "agent", None),
            self.clock,
            settings=self.settings(),
        )
        for problem in getattr(ws.rules.law, "problems", ()):
            # A rule file that cannot be read: said once, the rules before stay in force.
            print(f"warning: calling rules: {problem}", file=sys.stderr)
        return ws

    def instant(self, text: str | None, option: str) -> datetime | None:
        """Parse a time given on the command line; a malformed one is a UserError (exit 1)."""
        if text is None:
            return None
        from leaddesk.services.errors import UserError

        try:
            return parse_instant(text)
        except ValueError as exc:
            raise UserError(f"{option}: {exc}") from None

    def emit(self, document: dict[str, Any], text: str) -> None:
        """Print the JSON document with --json, else the text."""
        if self.json_output:
            json.dump(document, self.out, ensure_ascii=False, default=str)
            self.out.write("\n")
        else:
            self.out.write(text.rstrip("\n") + "\n")
        self.out.flush()


def _setup_logging(verbose: bool) -> None:
    from leaddesk.logs import MaskingFormatter

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, handlers=[handler])


def warn(message: str) -> None:
    """One line on stderr about something the command worked around."""
    sys.stderr.write(f"leaddesk: warning: {message}\n")
    sys.stderr.flush()


def _fail(message: str) -> int:
    sys.stderr.write(f"leaddesk: error: {message}\n")
    sys.stderr.flush()
    return 1


def _uri_as_option(parser: argparse.ArgumentParser, argv: Sequence[str]) -> list[str]:
    """`leaddesk tel:+1...` (how desktops and browsers open a link) means `--open tel:+1...`;
    only before a command name (`leaddesk dnc add tel:...` stays as it is)."""
    commands: set[str] = set()
    for action in parser._subparsers._group_actions if parser._subparsers else []:
        commands.update(getattr(action, "choices", None) or {})
    out: list[str] = []
    for i, arg in enumerate(argv):
        if arg in commands:
            return out + list(argv[i:])
        out.append(f"--open={arg}" if arg.lower().startswith(("tel:", "callto:")) else arg)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(_uri_as_option(parser, sys.argv[1:] if argv is None else argv))
    _setup_logging(bool(getattr(args, "verbose", False)))
    ctx = Context(args, system_clock, bool(getattr(args, "json", False)))
    name = args.command or "gui"
    module_name = {"import": "import_"}.get(name, name)

    from leaddesk.services.errors import UserError

    try:
        now = ctx.instant(getattr(args, "now", None), "--now")
    except UserError as exc:
        return _fail(str(exc))
    if now is not None:
        ctx.clock = fixed_clock(now)
    try:
        module = importlib.import_module(f"leaddesk.commands.{module_name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"leaddesk.commands.{module_name}":
            raise
        return _fail(f"'leaddesk {name}' is not built yet")
    try:
        return int(module.run(args, ctx))
    except KeyboardInterrupt:
        return _fail("interrupted; nothing half-written was kept")
    except Exception as exc:
        line = error_line(exc, None if name == "server" else ctx.db_path)
        if line is None:
            raise  # a bug: it keeps its traceback
        return _fail(line)


def error_line(exc: Exception, db: Path | None) -> str | None:
    """The one line a command says for `exc`: bad input, or the environment in the way
    (locked, read-only, full, permission, network) with what to do; None for a bug.
    `db` is the database the command works on (named in the line). The window says the
    same line at start-up (`commands.gui`)."""
    from leaddesk.services.errors import EnvironmentProblem, UserError, classify
    from leaddesk.store.engine import StoreError, busy_timeout_ms

    if isinstance(exc, UserError | StoreError | EnvironmentProblem):
        return str(exc)
    problem = classify(exc, db=db, busy_seconds=busy_timeout_ms() / 1000)
    if problem is not None:
        log.debug("environment problem", exc_info=True)
        return problem.message
    if isinstance(exc, OSError):  # a file named on the command line: bad input
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        return f"{exc.strerror or exc}{where}"
    return None


if __name__ == "__main__":
    sys.exit(main())
