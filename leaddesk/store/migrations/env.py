"""Alembic environment: the connection is handed in by leaddesk.store.migrate."""

from alembic import context

from leaddesk.store.models import Base

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move tables
    transaction_per_migration=True,  # each step atomic
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
