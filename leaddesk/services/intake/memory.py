"""What the Import dialog remembers between imports, in the database (table `meta`):
the time zone each source writes its times in, and the column mapping the agent chose
for files with the same header row."""

from __future__ import annotations

import hashlib
import json

from leaddesk.services.intake.fields import FIELDS, ColumnMapping
from leaddesk.store.engine import Store
from leaddesk.store.models import Meta

_ZONE = "import.tz."
_MAPPING = "import.map."


def _get(store: Store, key: str) -> str | None:
    with store.session() as session:
        meta = session.get(Meta, key)
        return meta.value if meta is not None else None


def _put(store: Store, key: str, value: str) -> None:
    with store.transaction() as session:
        session.merge(Meta(key=key, value=value))


def remembered_zone(store: Store, source: str) -> str | None:
    """The zone last used for files of this source ("hubspot", "salesforce" ...)."""
    return _get(store, _ZONE + source)


def remember_zone(store: Store, source: str, zone: str) -> None:
    _put(store, _ZONE + source, zone)


def _mapping_key(mapping: ColumnMapping) -> str:
    return _MAPPING + hashlib.sha1(mapping.signature.encode()).hexdigest()


def remembered_mapping(store: Store, mapping: ColumnMapping) -> list[str] | None:
    """The fields chosen last time for a file with this header row, None if none."""
    text = _get(store, _mapping_key(mapping))
    if text is None:
        return None
    try:
        fields = json.loads(text)
    except ValueError:
        return None
    if (
        not isinstance(fields, list)
        or len(fields) != len(mapping.headers)
        or any(f not in FIELDS for f in fields)
    ):
        return None
    return [str(f) for f in fields]


def remember_mapping(store: Store, mapping: ColumnMapping) -> None:
    _put(store, _mapping_key(mapping), json.dumps(mapping.fields[: len(mapping.headers)]))
