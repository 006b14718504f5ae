"""A plan file's tables as typed values: two dumps are equal only when the
contents are, so undo/redo round trips can be checked to the byte."""

from __future__ import annotations

import sqlite3

from planner.storage import schema


def typed(row: tuple) -> tuple:
    """Values with their types: 3 and 3.0 are different contents."""
    return tuple((type(v).__name__, v) for v in row)


def dump(conn: sqlite3.Connection, tables: tuple[str, ...] = schema.USER_TABLES) -> dict:
    existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    out = {}
    for table in tables:
        if table not in existing:
            continue
        order = "seq" if table in ("actions", "changes") else \
            f'"{schema.primary_key(table)}"' if table in schema.USER_TABLES else "rowid"
        out[table] = [typed(r) for r in conn.execute(f'SELECT * FROM "{table}" ORDER BY {order}')]
    return out
