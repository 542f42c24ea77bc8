"""Phone lookup: a number in any format (tel: links included) finds the lead holding it."""

from __future__ import annotations

import pytest

from leaddesk.services.errors import UserError
from leaddesk.services.lookup import PhoneLookup, number_from_text
from leaddesk.services.workspace import Workspace
from leaddesk.store import Store
from leaddesk.store.models import Lead


@pytest.fixture
def leads(store: Store, workspace: Workspace) -> dict[str, str]:
    ids = {}
    with store.transaction() as session:
        for key, first, owner, phone, alts in [
            ("ada", "Ada", workspace.agent.id, "+14155550142", []),
            ("bob", "Bob", None, "+14155550142", []),
            ("cy", "Cy", workspace.agent.id, "+442079460958", ["+14155550199"]),
        ]:
            lead = Lead(first_name=first, last_name="Lee", owner_id=owner, phone_e164=phone)
            lead.alt_phones = alts
            session.add(lead)
            session.flush()
            ids[key] = lead.id
    return ids


@pytest.mark.parametrize(
    ("text", "region", "e164"),
    [
        ("tel:+14155550142", None, "+14155550142"),
        ("tel:+1-415-555-0142", None, "+14155550142"),
        ("TEL:%2B1%20415%20555%200142", None, "+14155550142"),
        ("tel:+1-415-555-0142;phone-context=example.com", None, "+14155550142"),
        ("callto://+14155550142", None, "+14155550142"),
        ("+1 (415) 555-0142", None, "+14155550142"),
        ("(415) 555-0142", "US", "+14155550142"),
        ("020 7946 0958", "GB", "+442079460958"),
        ("tel:+44-20-7946-0958", None, "+442079460958"),
    ],
)
def test_numbers_in_any_format_become_e164(text: str, region: str | None, e164: str) -> None:
    assert number_from_text(text, region) == e164


@pytest.mark.parametrize("text", ["tel:", "tel:hello", "(415) 555-0142", "+1 415 555 01"])
def test_what_is_not_a_number_is_a_clear_error(text: str) -> None:
    with pytest.raises(UserError, match="not a phone number LeadDesk can look up"):
        number_from_text(text)


def test_a_tel_link_finds_every_lead_with_the_number_the_agents_own_first(
    store: Store, workspace: Workspace, leads: dict[str, str]
) -> None:
    result = PhoneLookup(store, workspace.agent.id).find("tel:+1-415-555-0142")
    assert result.found
    assert [r.lead_id for r in result.leads] == [leads["ada"], leads["bob"]]
    assert result.leads[0].mine and not result.leads[1].mine
    assert result.leads[0].name == "Ada Lee"


def test_an_alternate_number_finds_its_lead(store: Store, leads: dict[str, str]) -> None:
    result = PhoneLookup(store).find("+1 415 555 0199")
    assert [r.lead_id for r in result.leads] == [leads["cy"]]


def test_an_unknown_number_is_found_nowhere_but_keeps_its_e164(
    store: Store, leads: dict[str, str]
) -> None:
    result = PhoneLookup(store).find("tel:+14155550100")
    assert not result.found
    assert result.e164 == "+14155550100"


def test_a_lead_created_for_an_unknown_number_is_found_and_queued(
    store: Store, workspace: Workspace
) -> None:
    from sqlalchemy import select

    from leaddesk.services.lookup import create_lead
    from leaddesk.store.models import Outbox

    ref = create_lead(workspace, "tel:+1-212-555-0188")
    result = PhoneLookup(store, workspace.agent.id).find("+1 212 555 0188")
    assert [r.lead_id for r in result.leads] == [ref.lead_id]
    assert result.leads[0].mine
    with store.session() as session:
        lead = session.get(Lead, ref.lead_id)
        assert lead is not None
        assert lead.time_zones == ["America/New_York"]
        assert lead.next_channel == "phone"
        kinds = [
            o.kind for o in session.scalars(select(Outbox).where(Outbox.entity_id == ref.lead_id))
        ]
        assert kinds == ["lead"]
