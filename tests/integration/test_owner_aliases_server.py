"""The team's owner mapping lives on the server too: a supervisor maps what lead files
write (an email, a CRM owner id) to an agent, and the server's lead import assigns by it."""

from __future__ import annotations

from leaddesk.store.models import Lead
from tests.integration import syncenv
from tests.integration.syncenv import Team

fixture_pg_database = syncenv.fixture_pg_database
fixture_pg_store_session = syncenv.fixture_pg_store_session
fixture_pg_store = syncenv.fixture_pg_store
fixture_server_thread = syncenv.fixture_server_thread
fixture_team = syncenv.fixture_team

ROW = {
    "first_name": "Ada",
    "phone_e164": "+12125550100",
    "time_zones": ["America/New_York"],
    "arrived_at": "2026-11-26T15:00:00Z",
    "source": "hubspot",
}


def test_a_supervisor_maps_owners_and_the_server_import_follows(team: Team) -> None:
    with team.http(team.boss) as http:
        refused = http.post(
            "/api/leads/import", json={"leads": [{**ROW, "owner": "jdoe@acme.com"}]}
        )
        assert refused.status_code == 422
        assert refused.json()["field"] == "leads[0].owner"
        assert "no owner alias" in refused.json()["error"]

        put = http.put(
            "/api/owner-aliases",
            json={"owner": "JDoe@Acme.com", "agent": "alice", "source": "hubspot"},
        )
        assert put.status_code == 200, put.text
        assert put.json()["aliases"] == [
            {"source": "hubspot", "owner": "jdoe@acme.com", "agent": "alice"}
        ]
        done = http.post("/api/leads/import", json={"leads": [{**ROW, "owner": "jdoe@acme.com"}]})
        assert done.status_code == 200, done.text
        (lead_id,) = done.json()["ids"]

        # An alias for one source does not hold for another.
        other = http.post(
            "/api/leads/import",
            json={"leads": [{**ROW, "source": "salesforce", "owner": "jdoe@acme.com"}]},
        )
        assert other.status_code == 422

        bad = http.put("/api/owner-aliases", json={"owner": "x", "agent": "nobody"})
        assert bad.status_code == 422 and bad.json()["field"] == "body.agent"
        removed = http.put(
            "/api/owner-aliases",
            json={"owner": "jdoe@acme.com", "agent": None, "source": "hubspot"},
        )
        assert removed.status_code == 200 and removed.json()["aliases"] == []

    with team.store.session() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None and lead.owner_id == team.ids["alice"]

    with team.http(team.alice) as http:
        assert http.get("/api/owner-aliases").status_code in (403, 404)
        assert http.put(
            "/api/owner-aliases", json={"owner": "me", "agent": "alice"}
        ).status_code in (403, 404)


def test_an_owner_with_a_nul_is_refused_by_name_not_a_server_error(team: Team) -> None:
    # Found by tests/integration/test_api_fuzz.py: the owner reached a PostgreSQL query
    # before any text check, and a NUL made it a 500.
    with team.http(team.boss) as http:
        for owner in ("al\x00ice", "jdoe\x00@acme.com"):
            refused = http.post("/api/leads/import", json={"leads": [{**ROW, "owner": owner}]})
            assert refused.status_code == 422, refused.text
            assert refused.json()["field"] == "leads[0].owner"
            assert "NUL" in refused.json()["error"]
