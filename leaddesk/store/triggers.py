"""Row triggers written once for SQLite and PostgreSQL: the maintained tables (the call
list's key, `call_rank`; the report's aggregates) are kept by them in the transaction of
every write.

A trigger is (name, table, event, the columns an UPDATE must touch, a condition on
OLD/NEW or None, the statements it runs). On SQLite it is a `CREATE TRIGGER ... BEGIN ...
END`; on PostgreSQL a function of the same name and a trigger running it, or a deferred
constraint trigger (fired at commit) for the names in `deferred`.
"""

from __future__ import annotations

from typing import Any

Trigger = tuple[str, str, str, tuple[str, ...], str | None, list[str]]


def create(
    execute: Any, dialect: str, triggers: list[Trigger], deferred: frozenset[str] = frozenset()
) -> None:
    """Create `triggers` (`execute` runs one SQL string)."""
    for name, table, event, columns, condition, body in triggers:
        on = f"UPDATE OF {', '.join(columns)}" if columns else event
        statements = "".join(f"  {s};\n" for s in body)
        if dialect == "sqlite":
            when = "" if condition is None else f" WHEN {condition}"
            execute(f"CREATE TRIGGER {name} AFTER {on} ON {table}{when}\nBEGIN\n{statements}END")
            continue
        execute(
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$\nBEGIN\n"
            f"{statements}  RETURN NULL;\nEND\n$$ LANGUAGE plpgsql"
        )
        when = "" if condition is None else f" WHEN ({condition})"
        if name in deferred:
            execute(
                f"CREATE CONSTRAINT TRIGGER {name} AFTER {on} ON {table} "
                f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW{when} EXECUTE FUNCTION {name}()"
            )
            continue
        execute(
            f"CREATE TRIGGER {name} AFTER {on} ON {table} FOR EACH ROW{when} "
            f"EXECUTE FUNCTION {name}()"
        )


def drop(execute: Any, dialect: str, triggers: list[Trigger]) -> None:
    """Drop `triggers` (and their functions on PostgreSQL), where they exist."""
    for name, table, *_rest in triggers:
        if dialect == "sqlite":
            execute(f"DROP TRIGGER IF EXISTS {name}")
        else:
            execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            execute(f"DROP FUNCTION IF EXISTS {name}()")
