"""Alembic migrations of the LeadDesk schema, configured in code (see store/migrate.py)."""
