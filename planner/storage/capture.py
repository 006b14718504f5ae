"""Triggers that copy every write to a planner's table into the change log.

This is SQLite's "automatic undo/redo" technique made field-level: whichever
service writes, the triggers record it under the current action's id, so undo,
redo, the audit trail and a later merge all read one log and no service can
forget to log. The triggers are derived from the live table definitions, so they
are rebuilt after every migration step that changes a table.
"""

from __future__ import annotations

import sqlite3

from planner.storage.schema import USER_TABLES, primary_key

_CURRENT = "(SELECT id FROM _current_action LIMIT 1)"


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _json_value(prefix: str, column: str) -> str:
    """The column's value as JSON. SQLite's JSON writes a REAL with 15 significant
    digits, which would make undo restore 3.33333333333333 for 3.3333333333333335;
    17 digits round-trip a double exactly."""
    value = f"{prefix}.{_quote(column)}"
    return (f"CASE WHEN typeof({value}) = 'real' AND abs({value}) <= 1.7976931348623157e308 "
            f"THEN json(printf('%!.17g', {value})) ELSE json_quote({value}) END")


def _json_object(prefix: str, columns: list[str]) -> str:
    pairs = ", ".join(f"'{c}', {_json_value(prefix, c)}" for c in columns)
    return f"json_object({pairs})"


def _trigger_sql(table: str, columns: list[str]) -> list[str]:
    pk = _quote(primary_key(table))
    insert = (
        f"CREATE TRIGGER _capture_{table}_insert AFTER INSERT ON {_quote(table)} BEGIN "
        f"INSERT INTO changes(action_id, tbl, row_id, op, new) VALUES "
        f"({_CURRENT}, '{table}', NEW.{pk}, 'insert', {_json_object('NEW', columns)}); END"
    )
    delete = (
        f"CREATE TRIGGER _capture_{table}_delete AFTER DELETE ON {_quote(table)} BEGIN "
        f"INSERT INTO changes(action_id, tbl, row_id, op, old) VALUES "
        f"({_CURRENT}, '{table}', OLD.{pk}, 'delete', {_json_object('OLD', columns)}); END"
    )
    fields = " UNION ALL ".join(
        f"SELECT '{c}' AS f, {_json_value('OLD', c)} AS o, {_json_value('NEW', c)} AS n "
        f"WHERE OLD.{_quote(c)} IS NOT NEW.{_quote(c)}"
        for c in columns
    )
    update = (
        f"CREATE TRIGGER _capture_{table}_update AFTER UPDATE ON {_quote(table)} BEGIN "
        f"INSERT INTO changes(action_id, tbl, row_id, op, field, old, new) "
        f"SELECT {_CURRENT}, '{table}', NEW.{pk}, 'update', f, o, n FROM ({fields}); END"
    )
    return [insert, delete, update]


def install(conn: sqlite3.Connection) -> None:
    """(Re)create the capture triggers for every planner table the file has."""
    existing = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='trigger' AND name GLOB '_capture_*'"
    ).fetchall():
        conn.execute(f"DROP TRIGGER {_quote(row[0])}")
    for table in USER_TABLES:
        if table in existing:
            for sql in _trigger_sql(table, _columns(conn, table)):
                conn.execute(sql)
