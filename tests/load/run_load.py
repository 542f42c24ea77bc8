"""Load test of the team server: hundreds of agents syncing at once (issue 20).

    python -m tests.load.run_load            # 200 agents, 2 minutes, 2 processes
    python -m tests.load.run_load --quick    # 20 agents, 20 s (CI)

Each phase gets a fresh PostgreSQL database (on LEADDESK_TEST_PG's server), its agents
and their leads, and `leaddesk server run --workers N` on a loopback port; Locust
(headless, tests/load/locustfile.py) plays the agents (each pushes a few attempts and
pulls every 5 s) and one supervisor (pulls everything and reads the team report every
5 s). Afterwards the server must hold exactly the attempts the agents had acknowledged,
and the supervisor must have pulled each of them exactly once.

The baseline, in the same run, is the same load on one process (`--workers 1`); the
figures of the two are printed side by side with their ratio. Exit status 1 when the
scaled-out phase had any error, lost or repeated anything.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import psycopg

from leaddesk.server.app import free_port
from leaddesk.server.auth import add_agent_to
from leaddesk.store.migrate import open_url

ROOT = Path(__file__).resolve().parents[2]
PG_URL = os.environ.get("LEADDESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
LEADS_PER_AGENT = 3


@dataclass
class Phase:
    workers: int
    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    latency: dict[str, tuple[float, float, int]] | None = None  # name -> (p50, p99, count)
    sent: int = 0
    held: int = 0
    lost: int = 0
    extra: int = 0
    pulled_twice: int = 0
    pulled_missing: int = 0
    reports: int = 0
    unacked: int = 0
    failures: list[str] | None = None
    server_cpu_s: float = 0.0
    client_cpu_s: float = 0.0

    @property
    def ok(self) -> bool:
        return self.errors == 0 and not (
            self.lost or self.extra or self.pulled_twice or self.pulled_missing
        )


def admin_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def fresh_database() -> str:
    name = f"leaddesk_load_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url(PG_URL), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{PG_URL.rsplit('/', 1)[0]}/{name}"


def drop_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(admin_url(PG_URL), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_server(url: str, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen(
        [
            *(sys.executable, "-m", "leaddesk", "server", "run", "--database-url", url),
            *("--port", str(port), "--workers", str(workers)),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # the supervisor and its workers stop together
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(
                f"the server exited: {proc.stderr.read().decode() if proc.stderr else ''}"
            )
        try:
            if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start")


def cpu_seconds(session_id: int) -> float:
    """CPU time used so far by the processes of a session (the server and its workers)."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session_id:  # field 6, session id
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)


def setup_team(url: str, base: str, agents: int) -> dict[str, Any]:
    store = open_url(url)
    try:
        _, boss, _ = add_agent_to(store, "supervisor", True)
        tokens = {}
        for i in range(agents):
            name = f"agent{i:03d}"
            _, tokens[name], _ = add_agent_to(store, name, False)
    finally:
        store.close()
    leads = [
        {
            "first_name": f"Lead{i}",
            "last_name": name,
            "phone_raw": f"+1212555{n:04d}",
            "phone_e164": f"+1212555{n:04d}",
            "time_zones": ["America/New_York"],
            "arrived_at": "2026-11-26T13:00:00Z",
            "owner": name,
        }
        for n, (name, i) in enumerate((name, i) for name in tokens for i in range(LEADS_PER_AGENT))
    ]
    response = httpx.post(
        f"{base}/api/leads/import",
        json={"leads": leads},
        headers={"Authorization": f"Bearer {boss}"},
        timeout=120,
    )
    response.raise_for_status()
    ids: list[str] = response.json()["ids"]
    return {
        "supervisor": boss,
        "agents": [
            {
                "name": name,
                "token": token,
                "leads": ids[k * LEADS_PER_AGENT : (k + 1) * LEADS_PER_AGENT],
            }
            for k, (name, token) in enumerate(tokens.items())
        ],
    }


def read_stats(prefix: str) -> tuple[dict[str, tuple[float, float, int]], int, int]:
    latency: dict[str, tuple[float, float, int]] = {}
    requests = errors = 0
    with open(f"{prefix}_stats.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["Name"] == "Aggregated":
                requests, errors = int(row["Request Count"]), int(row["Failure Count"])
                continue
            latency[row["Name"]] = (float(row["50%"]), float(row["99%"]), int(row["Request Count"]))
    return latency, requests, errors


def drain(base: str, token: str, cursor: str) -> list[str]:
    seen: list[str] = []
    more = True
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}) as http:
        while more:
            body = http.get("/api/pull", params={"cursor": cursor, "limit": 2000}).json()
            seen += [a["id"] for a in body["attempts"]]
            cursor, more = body["cursor"], body["more"]
    return seen


def run_phase(workers: int, agents: int, seconds: int, work: Path) -> Phase:
    phase = Phase(workers)
    url = fresh_database()
    open_url(url).close()  # migrated before the server's workers start
    proc, base = start_server(url, workers)
    try:
        setup = setup_team(url, base, agents)
        setup_path = work / f"setup-{workers}.json"
        out_path = work / f"out-{workers}.json"
        setup_path.write_text(json.dumps(setup))
        prefix = str(work / f"stats-{workers}")
        env = {
            **os.environ,
            "LEADDESK_LOAD_SETUP": str(setup_path),
            "LEADDESK_LOAD_OUT": str(out_path),
        }
        started = time.monotonic()
        server_cpu = cpu_seconds(proc.pid)
        client_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
        locust = subprocess.run(
            [
                *(
                    sys.executable,
                    "-m",
                    "locust",
                    "-f",
                    str(Path(__file__).with_name("locustfile.py")),
                ),
                *("--headless", "--only-summary", "--loglevel", "ERROR", "--host", base),
                *("-u", str(agents + 1), "-r", str(max(10, agents)), "-t", f"{seconds}s"),
                *("--stop-timeout", "30", "--csv", prefix, "--exit-code-on-error", "0"),
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=seconds + 300,
        )
        phase.seconds = time.monotonic() - started
        phase.server_cpu_s = cpu_seconds(proc.pid) - server_cpu
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        phase.client_cpu_s = (after.ru_utime + after.ru_stime) - (
            client_cpu.ru_utime + client_cpu.ru_stime
        )
        if locust.returncode != 0 or not out_path.exists():
            raise RuntimeError(f"locust failed ({locust.returncode}):\n{locust.stderr[-3000:]}")
        phase.latency, phase.requests, phase.errors = read_stats(prefix)
        if phase.errors:
            with open(f"{prefix}_failures.csv", newline="") as f:
                phase.failures = [
                    f"{r['Occurrences']} x {r['Name']}: {r['Error']}" for r in csv.DictReader(f)
                ]
        out = json.loads(out_path.read_text())
        sent = [a for ids in out["sent"].values() for a in ids]
        unacked = {a for ids in out["unacked"].values() for a in ids}
        phase.unacked = len(unacked)
        supervisor = out["supervisor"]
        pulled = supervisor["seen"] + drain(base, setup["supervisor"], supervisor["cursor"])
        phase.reports = supervisor["reports"]
        with psycopg.connect(admin_url(url)) as conn:
            held = [r[0] for r in conn.execute("SELECT id FROM attempt")]
        phase.sent, phase.held = len(sent), len(held)
        # An attempt whose push never got its answer may or may not be on the server.
        phase.lost = len(set(sent) - set(held))
        phase.extra = len(set(held) - set(sent) - unacked) + (len(sent) - len(set(sent)))
        phase.pulled_twice = len(pulled) - len(set(pulled))
        phase.pulled_missing = len(set(held) - set(pulled))
    finally:
        stop_server(proc)
        drop_database(url)
    return phase


def show(phase: Phase) -> None:
    print(f"-- {phase.workers} server process(es)")
    print(
        f"   {phase.requests} requests in {phase.seconds:.0f} s: "
        f"{phase.requests / max(phase.seconds, 1e-9):.1f} requests/s; errors {phase.errors}"
    )
    per = 1000 / max(phase.requests, 1)
    print(
        f"   CPU: server processes {phase.server_cpu_s:.1f} s ({phase.server_cpu_s * per:.1f} ms a "
        f"request), Locust {phase.client_cpu_s:.1f} s ({phase.client_cpu_s * per:.1f} ms a request)"
    )
    for name, (p50, p99, count) in sorted((phase.latency or {}).items()):
        print(f"   {name:<16} {count:>6}  p50 {p50:>6.0f} ms  p99 {p99:>6.0f} ms")
    print(
        f"   attempts acknowledged {phase.sent}, on the server {phase.held}, lost {phase.lost}, "
        f"not sent but there {phase.extra}, unanswered pushes {phase.unacked}; supervisor "
        f"pulled each once: {phase.pulled_twice == 0 and phase.pulled_missing == 0} "
        f"(twice {phase.pulled_twice}, missing {phase.pulled_missing}); reports read {phase.reports}"
    )
    for line in phase.failures or []:
        print(f"   failure: {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20 agents for 20 s (CI)")
    parser.add_argument("--agents", type=int)
    parser.add_argument("--seconds", type=int)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-baseline", action="store_true", help="skip the 1-process run")
    args = parser.parse_args(argv)
    agents = args.agents or (20 if args.quick else 200)
    seconds = args.seconds or (20 if args.quick else 120)
    print(f"load: {agents} agents + 1 supervisor, pulls every 5 s, {seconds} s a phase")
    with tempfile.TemporaryDirectory(prefix="leaddesk-load-") as tmp:
        scaled = run_phase(args.workers, agents, seconds, Path(tmp))
        show(scaled)
        if not args.no_baseline and args.workers != 1:
            baseline = run_phase(1, agents, seconds, Path(tmp))
            show(baseline)
            for name in ("push", "pull"):
                mine = (scaled.latency or {}).get(name)
                base = (baseline.latency or {}).get(name)
                if mine and base:
                    print(
                        f"{name} p99: {args.workers} processes {mine[1]:.0f} ms, 1 process "
                        f"{base[1]:.0f} ms: ratio {mine[1] / max(base[1], 1):.2f}"
                    )
    if not scaled.ok:
        print("FAILED: errors, lost or repeated attempts (above)")
        return 1
    print("ok: no error, nothing lost, nothing repeated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
