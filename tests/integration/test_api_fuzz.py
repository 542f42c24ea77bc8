"""Schemathesis over the team server's own OpenAPI document, against the real server on
PostgreSQL over loopback, with an agent's token and a supervisor's: data that fits the
document and data that does not, for every operation. Any 5xx, any answer outside the
document (status, content type, body schema) fails.

Bounded and repeatable: a fixed number of examples per operation, mode and token,
derandomized (the same cases every run), no example database; the whole run takes well
under a minute.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from leaddesk.server.app import ServerThread, create_app
from tests.integration import syncenv
from tests.integration.syncenv import Team, import_leads

fixture_pg_database = syncenv.fixture_pg_database
fixture_pg_store_session = syncenv.fixture_pg_store_session
fixture_pg_store = syncenv.fixture_pg_store
fixture_server_thread = syncenv.fixture_server_thread
fixture_team = syncenv.fixture_team

pytestmark = pytest.mark.postgres

EXAMPLES = 15
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def _fuzz(schema: Any, url: str, token: str, mode: GenerationMode) -> int:
    """Every operation of the schema with `EXAMPLES` cases of `mode`; returns the number
    of requests made."""
    sent = 0
    headers = {"Authorization": f"Bearer {token}"}
    for result in schema.get_all_operations():
        operation = result.ok()

        @settings(
            max_examples=EXAMPLES,
            derandomize=True,
            database=None,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            print_blob=True,
        )
        @given(case=operation.as_strategy(generation_mode=mode))
        def run(case: Any) -> None:
            nonlocal sent
            sent += 1
            case.call_and_validate(base_url=url, headers=headers, checks=CHECKS, timeout=30)

        try:
            run()
        except Unsatisfiable:
            continue  # nothing to make invalid (no parameters, no body)
        except Exception as exc:
            raise AssertionError(
                f"{operation.method.upper()} {operation.path} ({mode}) failed: {exc}"
            ) from exc
    return sent


def test_the_api_holds_under_fuzzing_by_its_own_document(team: Team) -> None:
    import_leads(team, "alice", 3)
    import_leads(team, "bob", 2)
    # The document is served to supervisors, and only to them.
    with team.http(team.alice) as http:
        assert http.get("/api/openapi.json").status_code == 403
    # A server of its own: the failed authentications the fuzzing makes count against
    # this address, and the shared server must not answer the next tests 429.
    app = create_app(team.store, max_body=256 * 1024, auth_failures=1_000_000)
    with ServerThread(app) as server:
        schema = schemathesis.openapi.from_url(
            f"{server.url}/api/openapi.json", headers={"Authorization": f"Bearer {team.boss}"}
        )
        started = time.monotonic()
        sent = 0
        for token in (team.alice, team.boss):
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                sent += _fuzz(schema, server.url, token, mode)
        elapsed = time.monotonic() - started
    assert sent > 200
    assert elapsed < 90, f"the fuzzing took {elapsed:.0f} s"
