"""What a source system's lead status means here.

VICIdial writes short codes (its defaults: SALE, NI, DNC, DC ...), HubSpot and Salesforce
words ("UNQUALIFIED", "Closed - Converted"). A status that closes the lead ends its
cadence; DNC and DNCL also put the number on the do-not-call list. Anything else
(NEW, NA, B, CALLBK, "Open - Not Contacted" ...) leaves the lead open.
"""

from __future__ import annotations

from leaddesk.domain.outcomes import LeadStatus

# code (upper case, spaces collapsed) -> the lead's status here
CLOSED: dict[str, LeadStatus] = {
    # VICIdial
    "SALE": LeadStatus.QUALIFIED,
    "XFER": LeadStatus.QUALIFIED,
    "NI": LeadStatus.NOT_INTERESTED,
    "NP": LeadStatus.NOT_INTERESTED,
    "DEC": LeadStatus.NOT_INTERESTED,
    "NQ": LeadStatus.NOT_INTERESTED,
    "DC": LeadStatus.BAD_NUMBER,
    "ADC": LeadStatus.BAD_NUMBER,
    "WN": LeadStatus.BAD_NUMBER,
    "DNC": LeadStatus.DO_NOT_CALL,
    "DNCL": LeadStatus.DO_NOT_CALL,
    "DNCC": LeadStatus.DO_NOT_CALL,
    # HubSpot lead status
    "UNQUALIFIED": LeadStatus.NOT_INTERESTED,
    # Salesforce lead status
    "CLOSED - CONVERTED": LeadStatus.QUALIFIED,
    "CLOSED - NOT CONVERTED": LeadStatus.NOT_INTERESTED,
}
# Statuses that put the number on the do-not-call list.
DNC_CODES = frozenset({"DNC", "DNCL", "DNCC"})


def source_status(text: str) -> tuple[str, bool]:
    """(the lead's status value, whether the number goes on the do-not-call list)."""
    code = " ".join(text.split()).upper()
    if not code:
        return LeadStatus.NEW.value, False
    closed = CLOSED.get(code)
    return (closed.value if closed else LeadStatus.NEW.value), code in DNC_CODES
