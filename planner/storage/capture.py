"""Triggers that copy every write to a planner's table into the change log.

This is SQLite's "automatic undo/redo" technique made field-level: whichever
service writes, the triggers record it under the current action's id, so undo,
redo, the audit trail and a later merge all read one log and no service can
forget to log. The triggers are derived from the live table definitions, so they
are rebuilt after every migration step that changes a table.

A trigger run costs microseconds a row, and its log row tens more: most of a
100,000-row import. A bulk write (`bulk.py`) suspends its table's insert or delete
trigger for one statement and logs the rows itself, thousands to a record.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

from planner.storage.schema import USER_TABLES, primary_key

_CURRENT = "(SELECT id FROM _current_action LIMIT 1)"


def columns_of(conn: sqlite3.Connection, table: str) -> list[str]:
    return list(declared_types(conn, table))


def declared_types(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """Column name -> declared type, in table order."""
    return {row[1]: row[2] for row in conn.execute(f'PRAGMA table_info("{table}")')}


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _exact(value: str, otherwise: str) -> str:
    """SQLite's JSON writes a REAL with 15 significant digits, which would make undo
    restore 3.33333333333333 for 3.3333333333333335; 17 digits round-trip a double."""
    return (f"CASE WHEN typeof({value}) = 'real' AND abs({value}) <= 1.7976931348623157e308 "
            f"THEN json(printf('%!.17g', {value})) ELSE {otherwise} END")


def json_value(prefix: str, column: str) -> str:
    """The column's value as JSON text."""
    value = f"{prefix}.{quote(column)}"
    return _exact(value, f"json_quote({value})")


def json_element(prefix: str, column: str, declared: str) -> str:
    """The column's value as an element of a JSON array: the same JSON as `json_value`,
    at half the cost on 100,000 rows. A TEXT column holds no number (SQLite stores a
    number given to it as text), and JSON quotes text and NULL itself."""
    value = f"{prefix}.{quote(column)}"
    if any(word in declared.upper() for word in ("CHAR", "CLOB", "TEXT")):
        return value
    return _exact(value, value)


def _json_object(prefix: str, columns: list[str]) -> str:
    pairs = ", ".join(f"'{c}', {json_value(prefix, c)}" for c in columns)
    return f"json_object({pairs})"


def _trigger_sql(table: str, columns: list[str]) -> dict[str, str]:
    pk = quote(primary_key(table))
    insert = (
        f"CREATE TRIGGER _capture_{table}_insert AFTER INSERT ON {quote(table)} BEGIN "
        f"INSERT INTO changes(action_id, tbl, row_id, op, new) VALUES "
        f"({_CURRENT}, '{table}', NEW.{pk}, 'insert', {_json_object('NEW', columns)}); END"
    )
    delete = (
        f"CREATE TRIGGER _capture_{table}_delete AFTER DELETE ON {quote(table)} BEGIN "
        f"INSERT INTO changes(action_id, tbl, row_id, op, old) VALUES "
        f"({_CURRENT}, '{table}', OLD.{pk}, 'delete', {_json_object('OLD', columns)}); END"
    )
    fields = " UNION ALL ".join(
        f"SELECT '{c}' AS f, {json_value('OLD', c)} AS o, {json_value('NEW', c)} AS n "
        f"WHERE OLD.{quote(c)} IS NOT NEW.{quote(c)}"
        for c in columns
    )
    update = (
        f"CREATE TRIGGER _capture_{table}_update AFTER UPDATE ON {quote(table)} BEGIN "
        f"INSERT INTO changes(action_id, tbl, row_id, op, field, old, new) "
        f"SELECT {_CURRENT}, '{table}', NEW.{pk}, 'update', f, o, n FROM ({fields}); END"
    )
    return {"insert": insert, "delete": delete, "update": update}


def uninstall(conn: sqlite3.Connection) -> None:
    for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='trigger' AND name GLOB '_capture_*'"
    ).fetchall():
        conn.execute(f"DROP TRIGGER {quote(row[0])}")


def install(conn: sqlite3.Connection) -> None:
    """(Re)create the capture triggers for every planner table the file has."""
    existing = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    uninstall(conn)
    for table in USER_TABLES:
        if table in existing:
            for sql in _trigger_sql(table, columns_of(conn, table)).values():
                conn.execute(sql)


@contextlib.contextmanager
def suspended(conn: sqlite3.Connection, table: str, op: str) -> Iterator[None]:
    """`table`'s "insert" or "delete" trigger dropped for one bulk statement whose rows
    the caller logs itself, then made again. Inside the action's transaction: if
    anything fails, the rollback restores the trigger with everything else."""
    sql = _trigger_sql(table, columns_of(conn, table))[op]
    conn.execute(f"DROP TRIGGER {quote(f'_capture_{table}_{op}')}")
    try:
        yield
    finally:
        conn.execute(sql)
