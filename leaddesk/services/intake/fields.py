"""The lead fields a file's columns can feed, the names other systems give them, and the
column mapping (which the Import dialog lets the agent change).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

# field key: label shown in the Import dialog. "" keeps the column with the lead ("From
# the file" on its card); "drop" leaves it out.
FIELDS: dict[str, str] = {
    "": "(keep as From the file)",
    "drop": "(leave out)",
    "external_id": "Id in the source system",
    "salutation": "Salutation",
    "first_name": "First name",
    "middle_name": "Middle name",
    "last_name": "Last name",
    "full_name": "Full name",
    "company": "Company",
    "title": "Job title",
    "topic": "Topic or interest",
    "phone": "Phone",
    "mobile": "Mobile phone",
    "alt_phone": "Other phone",
    "phone_code": "Country calling code",
    "phone_ext": "Phone extension",
    "email": "Email",
    "address": "Street address",
    "address2": "Address line 2",
    "address3": "Address line 3",
    "city": "City",
    "state": "State or province",
    "postal_code": "Postal code",
    "country": "Country",
    "time_zone": "Time zone",
    "created_at": "Created date",
    "owner": "Owner in the source system",
    "notes": "Notes",
    "do_not_call": "Do not call",
    "status": "Status in the source system",
    "called_count": "Times called before",
    "consent": "Consent to be called",
    "consent_source": "Where consent was given",
    "consent_at": "When consent was given",
}

PHONE_FIELDS = ("phone", "mobile", "alt_phone")

# Column names people and CRMs use, compared after `header_key` (lower case, letters and
# digits only). HubSpot's display labels and Salesforce's API names and labels are here
# too: "State/Region" -> "stateregion", "MailingPostalCode" -> "mailingpostalcode".
SYNONYMS: dict[str, tuple[str, ...]] = {
    "external_id": (
        "id", "recordid", "leadid", "contactid", "externalid", "vendorleadcode", "crmid",
        "hubspotid", "salesforceid", "leadnumber", "customerid",
    ),
    "first_name": ("firstname", "first", "fname", "givenname", "forename", "prenom", "vorname"),
    "middle_name": ("middlename", "middleinitial", "mi", "middle"),
    "last_name": ("lastname", "last", "lname", "surname", "familyname", "nachname", "nom"),
    "full_name": ("name", "fullname", "contactname", "contact", "leadname", "customername"),
    "company": (
        "company", "companyname", "organization", "organisation", "org", "account",
        "accountname", "business", "businessname", "employer", "firma", "companyaccount",
        "unternehmen",
    ),
    "salutation": ("salutation", "anrede", "honorific", "prefix", "nameprefix"),
    "title": ("title", "jobtitle", "position", "role", "designation"),
    "consent": (
        "consent", "consentbasis", "consenttocall", "calloptin", "phoneoptin", "optin",
        "tcpaconsent", "pewc", "expressconsent", "permissiontocall", "einwilligung",
    ),
    "consent_source": ("consentsource", "optinsource", "consentmethod", "leadformname"),
    "consent_at": ("consentdate", "consenttimestamp", "optindate", "consentgivenat"),
    "topic": (
        "topic", "interest", "interests", "interestedin", "productinterest", "product",
        "campaign", "campaignname", "inquiry", "enquiry",
    ),
    "phone": (
        "phone", "phonenumber", "telephone", "telephonenumber", "tel", "phone1", "primaryphone",
        "workphone", "businessphone", "officephone", "directphone", "directdial", "telefon",
        "contactnumber", "phoneno",
    ),
    "mobile": (
        "mobile", "mobilephone", "mobilephonenumber", "mobilenumber", "cell", "cellphone",
        "cellnumber", "cellular", "handy",
    ),
    "alt_phone": (
        "altphone", "alternatephone", "alternativephone", "otherphone", "phone2", "phone3",
        "homephone", "secondaryphone", "assistantphone",
    ),
    "phone_code": ("phonecode", "dialcode", "callingcode", "countrycallingcode"),
    "phone_ext": ("ext", "extension", "phoneext", "phoneextension"),
    "email": ("email", "emailaddress", "mail", "email1", "workemail", "primaryemail", "emailadresse"),
    "address": (
        "address", "address1", "street", "streetaddress", "addressline1", "mailingstreet",
        "street1", "billingstreet", "strasse", "anschrift", "adresse",
    ),
    "address2": ("address2", "addressline2", "street2"),
    "address3": ("address3", "addressline3", "street3"),
    "city": ("city", "town", "mailingcity", "locality", "billingcity", "ort", "stadt", "wohnort"),
    "state": (
        "state", "province", "region", "stateprovince", "stateregion", "mailingstate",
        "mailingstateprovince", "statecode", "mailingstatecode", "billingstate", "bundesland",
    ),
    "postal_code": (
        "zip", "zipcode", "postalcode", "postcode", "plz", "mailingpostalcode",
        "mailingzippostalcode", "zippostalcode", "billingpostalcode",
    ),
    "country": (
        "country", "countrycode", "countryregion", "nation", "land", "mailingcountry",
        "mailingcountrycode", "billingcountry",
    ),
    "time_zone": ("timezone", "tz", "tzone", "localtimezone"),
    "created_at": (
        "createdate", "createddate", "created", "createdat", "datecreated", "creationdate",
        "signupdate", "leaddate", "dateadded", "entrydate", "submittedat", "erstelltam",
        "erstellt", "angelegtam",
    ),
    "owner": (
        "owner", "contactowner", "leadowner", "ownerid", "ownername", "assignedto", "agent",
        "rep", "salesrep", "hubspotowner",
    ),
    "notes": (
        "notes", "note", "comments", "comment", "description", "remarks", "bemerkung",
        "bemerkungen", "kommentar", "anmerkung", "anmerkungen", "notiz", "notizen",
    ),
    "do_not_call": ("donotcall", "dnc", "donotphone", "nocall"),
    "status": ("status", "leadstatus", "dispo", "disposition", "callstatus"),
    "called_count": ("calledcount", "callcount", "timescalled", "dialcount", "attempts"),
}  # fmt: skip

# Headers that only one system writes: they decide the detected format.
HUBSPOT_SIGNS = frozenset(
    {
        "Record ID", "Phone Number", "Mobile Phone Number", "State/Region", "Country/Region",
        "Create Date", "Contact owner", "Lead Status", "Associated Company",
        "Last Activity Date", "Lifecycle Stage", "Company Name",
    }
)  # fmt: skip
SALESFORCE_SIGNS = frozenset(
    {
        "Id", "FirstName", "LastName", "MobilePhone", "DoNotCall", "CreatedDate", "OwnerId",
        "PostalCode", "MailingStreet", "MailingCity", "MailingState", "HomePhone", "LeadSource",
        "IsDeleted", "HasOptedOutOfEmail", "Lead ID", "Contact ID", "Do Not Call", "Lead Owner",
        "Contact Owner", "Mobile Phone", "Mailing State/Province", "Zip/Postal Code",
        "State/Province", "Created Date", "Lead Source", "Email Opt Out", "Account Name",
    }
)  # fmt: skip

# VICIdial's list download ("Download list" in the admin): a header row of its own.
VICIDIAL_SIGNS = frozenset(
    {
        "lead_id", "entry_date", "modify_date", "vendor_lead_code", "source_id", "list_id",
        "gmt_offset_now", "called_since_last_reset", "phone_code", "phone_number",
        "middle_initial", "address1", "country_code", "security_phrase", "called_count",
        "last_local_call_time", "entry_list_id",
    }
)  # fmt: skip
# In VICIdial files these columns mean something else than their names elsewhere.
VICIDIAL_NAMES: dict[str, str] = {
    "lead_id": "external_id", "vendor_lead_code": "", "title": "salutation", "user": "",
    "owner": "owner", "status": "status", "called_count": "called_count", "province": "",
}  # fmt: skip

# The VICIdial standard lead file: no header, these 25 columns in this order.
VICIDIAL_COLUMNS: tuple[str, ...] = (
    "vendor_lead_code", "source_id", "list_id", "phone_code", "phone_number", "title",
    "first_name", "middle_initial", "last_name", "address1", "address2", "address3", "city",
    "state", "province", "postal_code", "country_code", "gender", "date_of_birth", "alt_phone",
    "email", "security_phrase", "comments", "rank", "owner",
)  # fmt: skip
# VICIdial's "title" is a salutation (Mr, Ms), not a job title.
VICIDIAL_FIELDS: tuple[str, ...] = (
    "external_id", "", "", "phone_code", "phone", "salutation", "first_name", "middle_name",
    "last_name",
    "address", "address2", "address3", "city", "state", "state", "postal_code", "country", "",
    "", "alt_phone", "email", "", "notes", "", "owner",
)  # fmt: skip

FORMAT_LABELS: dict[str, str] = {
    "csv": "CSV with a header row",
    "vicidial": "VICIdial lead file",
    "hubspot": "HubSpot contact export",
    "salesforce": "Salesforce export",
    "unknown": "unrecognised layout",
}

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def header_key(header: str) -> str:
    """ "State/Region" -> "stateregion": how headers are compared."""
    return _NON_ALNUM.sub("", header.strip().lower())


_BY_KEY: dict[str, str] = {syn: name for name, syns in SYNONYMS.items() for syn in syns}


def field_for_header(header: str) -> str:
    """The lead field a column name means, "" when unknown."""
    key = header_key(header)
    if key in _BY_KEY:
        return _BY_KEY[key]
    if key.startswith("phone") or key.endswith("phone"):
        return "alt_phone"
    return ""


def detect_header_format(headers: Sequence[str]) -> str:
    """ "hubspot", "salesforce" or "csv" for a header row; "unknown" when it names no
    lead field at all (then the first row is data, not a header)."""
    names = {h.strip() for h in headers}
    if len(names & VICIDIAL_SIGNS) >= 3:
        return "vicidial"
    hubspot = len(names & HUBSPOT_SIGNS)
    salesforce = len(names & SALESFORCE_SIGNS)
    known = sum(1 for h in headers if field_for_header(h))
    if known == 0:
        return "unknown"
    if max(hubspot, salesforce) >= 2:
        return "hubspot" if hubspot > salesforce else "salesforce"
    return "csv"


@dataclass
class ColumnMapping:
    """Which lead field each column feeds ("" = ignored). The dialog edits `fields`."""

    headers: list[str]
    fields: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if len(self.fields) < len(self.headers):
            self.fields = self.fields + [""] * (len(self.headers) - len(self.fields))

    @classmethod
    def guess(cls, headers: Sequence[str], fmt: str) -> ColumnMapping:
        if fmt == "vicidial":
            return cls(list(VICIDIAL_COLUMNS), list(VICIDIAL_FIELDS))
        vicidial = fmt == "vicidial_export"
        fields: list[str] = []
        for h in headers:
            key = h.strip().lower()
            if vicidial and key in VICIDIAL_NAMES:
                name = VICIDIAL_NAMES[key]
            else:
                name = field_for_header(h)
            # A second "Phone"-like column is another number, not a second primary one.
            if name in ("phone", "mobile") and name in fields:
                name = "alt_phone"
            fields.append(name)
        return cls(list(headers), fields)

    def set(self, column: int, field_name: str) -> None:
        if field_name not in FIELDS:
            raise ValueError(f"unknown lead field {field_name!r}")
        self.fields[column] = field_name

    @property
    def unmapped(self) -> list[str]:
        """Headers of the columns no field takes (kept with the lead as "From the file")."""
        return [h for h, f in zip(self.headers, self.fields, strict=False) if not f and h.strip()]

    @property
    def signature(self) -> str:
        """The header row, for remembering a mapping for files with the same header."""
        return "\x1f".join(header_key(h) for h in self.headers)

    def columns_for(self, field_name: str) -> list[int]:
        return [i for i, f in enumerate(self.fields) if f == field_name]

    @property
    def has_phone(self) -> bool:
        return any(f in PHONE_FIELDS for f in self.fields)

    def describe(self) -> dict[str, str]:
        """Column header -> field key, for logs and tests."""
        return {h: f for h, f in zip(self.headers, self.fields, strict=False) if f and f != "drop"}
