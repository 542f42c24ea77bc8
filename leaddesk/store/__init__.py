"""The local store: SQLAlchemy models, the engine and its pragmas, migrations."""

from leaddesk.store.engine import Store, StoreError
from leaddesk.store.migrate import open_store

__all__ = ["Store", "StoreError", "open_store"]
