"""Locust users for tests/load/run_load.py (run by it, headless): agents that push a few
call attempts and pull every 5 s, and one supervisor who pulls everything and reads the
team report every 5 s.

The setup (server tokens, each agent's leads) comes from the JSON file named by
LEADDESK_LOAD_SETUP; what the agents had acknowledged and what the supervisor pulled is
written to LEADDESK_LOAD_OUT when Locust quits, for run_load.py to check against the
server's database. A push that got no answer is sent again with the same operation ids
(as a laptop's outbox does), so "sent" is exactly what the server acknowledged.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import uuid
from pathlib import Path
from typing import Any

import gevent
from locust import constant_pacing, events, task
from locust.contrib.fasthttp import FastHttpUser

SETUP: dict[str, Any] = json.loads(Path(os.environ["LEADDESK_LOAD_SETUP"]).read_text())
OUT = os.environ["LEADDESK_LOAD_OUT"]
PACE_S = float(os.environ.get("LEADDESK_LOAD_PACE", "5"))
_slots = itertools.count()
SENT: dict[str, list[str]] = {}
UNACKED: dict[str, list[str]] = {}
SUPERVISOR: dict[str, Any] = {"seen": [], "cursor": "", "reports": 0}


def attempt_op(lead: str, minute: int) -> dict[str, Any]:
    attempt_id = str(uuid.uuid4())
    return {
        "op_id": str(uuid.uuid4()),
        "kind": "attempt",
        "entity_id": attempt_id,
        "payload": {
            "id": attempt_id,
            "lead_id": lead,
            "agent_id": None,
            "channel": "phone",
            "outcome": random.choice(["no_answer", "voicemail_left", "connected", "busy"]),
            "started_at": f"2026-11-26T{14 + minute // 60:02d}:{minute % 60:02d}:00Z",
        },
    }


class Agent(FastHttpUser):
    """One agent's laptop: its first round pushes, then one round in four pushes 1-3
    attempts; every round pulls what changed for it."""

    weight = 100
    wait_time = constant_pacing(PACE_S)
    network_timeout = 60.0
    connection_timeout = 30.0

    def on_start(self) -> None:
        agents = SETUP["agents"]
        me = agents[next(_slots) % len(agents)]
        self.name_ = me["name"]
        self.leads: list[str] = me["leads"]
        self.headers = {"Authorization": f"Bearer {me['token']}"}
        self.device = f"load-{uuid.uuid4().hex[:8]}"
        self.cursor = ""
        self.pending: list[dict[str, Any]] = []
        self.rounds = 0
        SENT.setdefault(self.name_, [])
        # Agents log in at different moments, so their 5 s rounds are not in step (all
        # 200 at the same instant would be a burst no real team sends every 5 s).
        gevent.sleep(random.uniform(0, PACE_S))

    @task
    def round(self) -> None:
        if self.rounds == 0 or random.random() < 0.25 or self.pending:
            if not self.pending:
                self.pending = [
                    attempt_op(random.choice(self.leads), random.randrange(480))
                    for _ in range(2 if self.rounds == 0 else random.randint(1, 3))
                ]
            self.push()
        self.pull()
        self.rounds += 1

    def push(self) -> None:
        body = {"device_id": self.device, "ops": self.pending}
        with self.client.post(
            "/api/push", json=body, headers=self.headers, name="push", catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"push: HTTP {response.status_code}")
                return
            statuses = {r.get("status") for r in response.json()["results"]}
            if statuses != {"applied"}:
                response.failure(f"push: statuses {sorted(map(str, statuses))}")
                return
        SENT[self.name_] += [op["entity_id"] for op in self.pending]
        self.pending = []

    def pull(self) -> None:
        more = True
        while more:
            params = f"?cursor={self.cursor}&device_id={self.device}&limit=500"
            with self.client.get(
                "/api/pull" + params, headers=self.headers, name="pull", catch_response=True
            ) as response:
                if response.status_code != 200:
                    response.failure(f"pull: HTTP {response.status_code}")
                    return
                body = response.json()
            self.cursor = body["cursor"]
            more = body["more"]

    def on_stop(self) -> None:
        if self.pending:
            UNACKED.setdefault(self.name_, []).extend(op["entity_id"] for op in self.pending)


class Supervisor(FastHttpUser):
    """The supervisor: pulls every change (every attempt of the team) and reads the team
    report every 5 s."""

    fixed_count = 1
    wait_time = constant_pacing(PACE_S)
    network_timeout = 60.0

    def on_start(self) -> None:
        self.headers = {"Authorization": f"Bearer {SETUP['supervisor']}"}

    @task
    def round(self) -> None:
        more = True
        while more:
            with self.client.get(
                f"/api/pull?cursor={SUPERVISOR['cursor']}&limit=2000",
                headers=self.headers,
                name="supervisor pull",
                catch_response=True,
            ) as response:
                if response.status_code != 200:
                    response.failure(f"supervisor pull: HTTP {response.status_code}")
                    return
                body = response.json()
            SUPERVISOR["seen"] += [a["id"] for a in body["attempts"]]
            SUPERVISOR["cursor"] = body["cursor"]
            more = body["more"]
        with self.client.get(
            "/api/report?agent=all", headers=self.headers, name="report", catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"report: HTTP {response.status_code}")
                return
        SUPERVISOR["reports"] += 1


@events.quitting.add_listener
def _write_out(environment: Any, **kwargs: Any) -> None:
    with open(OUT, "w") as out:
        json.dump({"sent": SENT, "unacked": UNACKED, "supervisor": SUPERVISOR}, out)
