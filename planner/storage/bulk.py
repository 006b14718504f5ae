"""Many rows inserted or deleted at once, logged a few thousand rows to a record.

An import of 100,000 actuals through the row triggers costs a trigger run and a log
row with its own index entries per actual: seconds, most of the import. A bulk write
suspends its table's insert or delete trigger for its one statement
(`capture.suspended`), then logs the rows it wrote, read back from the table so the
log holds exactly what was stored, as change records of up to `ROWS_PER_RECORD`
whole rows: op "insert_rows" (rows in `new`) or "delete_rows" (in `old`), row id
"*", `field` the JSON list of columns (primary key first), the rows a JSON array of
arrays in rowid order. A record that size is built, checked and replayed in a few
megabytes. Updates stay field by field.

Undo and redo replay a record as a whole (`replay`), after checking in SQL that
every row is still as the record left it; the audit trail shows it as one line, and
a merge reads it as the rows it holds (`expand`)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from planner.errors import PlanFileError
from planner.storage.capture import declared_types, json_element, quote, suspended
from planner.storage.schema import primary_key

BULK_OPS = {"insert_rows": "insert", "delete_rows": "delete"}
OPS_SQL = "('insert_rows', 'delete_rows')"
MANY = "*"  # the row id of a bulk record
ROWS_PER_RECORD = 10_000
_HELD = "(SELECT COALESCE(new, old) FROM changes WHERE seq = ?)"  # a record's rows, by seq
_HELD_IDS = f"SELECT json_extract(value, '$[0]') FROM json_each({_HELD})"


@dataclass(frozen=True)
class RowSet:
    """The whole records bulk change `seq` holds. They stay in the file until asked for,
    and are then read one row at a time."""

    seq: int
    count: int
    conn: sqlite3.Connection = field(compare=False, repr=False)

    @property
    def columns(self) -> list[str]:
        return json.loads(self.conn.execute("SELECT field FROM changes WHERE seq = ?",
                                            [self.seq]).fetchone()[0])

    def rows(self) -> Iterator[list[Any]]:
        """Each row's values in `columns` order, decoded by Python (a REAL comes back to
        the last bit)."""
        cursor = self.conn.execute(f"SELECT value FROM json_each({_HELD})", [self.seq])
        return (json.loads(text) for (text,) in cursor)


def _action_id(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT id FROM _current_action LIMIT 1").fetchone()
    if row is None:
        raise RuntimeError("a bulk write belongs inside plan.action(...), to be logged")
    return row[0]


def _log(conn: sqlite3.Connection, table: str, op: str, where: str,
         params: Sequence[object]) -> None:
    """One change record holding the rows of `table` that `where` selects, in rowid order
    (a redo puts them back in the order they had); none when it selects none."""
    types = declared_types(conn, table)
    pk = primary_key(table)
    columns = [pk, *(c for c in types if c != pk)]
    values = ", ".join(json_element("r", c, types[c]) for c in columns)
    conn.execute(
        f"INSERT INTO changes(action_id, tbl, row_id, op, field, "
        f"{'new' if op == 'insert_rows' else 'old'}) "
        f"SELECT ?, ?, '{MANY}', ?, ?, json_group_array(json_array({values})) "
        f"FROM (SELECT * FROM {quote(table)} WHERE {where} ORDER BY rowid) AS r "
        f"HAVING count(*) > 0",
        [_action_id(conn), table, op, json.dumps(columns), *params])


def insert_rows(conn: sqlite3.Connection, table: str, columns: Sequence[str],
                rows: Iterable[Sequence[object]]) -> int:
    """Insert `rows` (values in `columns` order, streamed) inside the open action.

    :returns: how many rows were inserted.
    """
    _action_id(conn)
    table_sql = quote(table)
    low = conn.execute(f"SELECT COALESCE(MAX(rowid), 0) FROM {table_sql}").fetchone()[0]
    names = ", ".join(quote(c) for c in columns)
    marks = ", ".join("?" for _ in columns)
    with suspended(conn, table, "insert"):
        count = conn.executemany(f"INSERT INTO {table_sql} ({names}) VALUES ({marks})",
                                 rows).rowcount
    if count <= 0:
        return 0
    found = conn.execute(f"SELECT count(*) FROM {table_sql} WHERE rowid > ?", [low]).fetchone()
    if found[0] != count:  # rowids ran out and SQLite picked free ones: not told apart
        raise PlanFileError(f"{count} rows inserted into {table} cannot be logged together")
    while low is not None:
        bound = conn.execute(f"SELECT rowid FROM {table_sql} WHERE rowid > ? ORDER BY rowid "
                             "LIMIT 1 OFFSET ?", [low, ROWS_PER_RECORD - 1]).fetchone()
        high = bound[0] if bound else None
        _log(conn, table, "insert_rows", "rowid > ? AND rowid <= coalesce(?, rowid)",
             [low, high])
        low = high
    return count


def _ids_in(table: str, source: str) -> str:
    return f"{quote(primary_key(table))} IN ({source})"


def _remove(conn: sqlite3.Connection, table: str, where: str, params: Sequence[object]) -> None:
    _log(conn, table, "delete_rows", where, params)
    with suspended(conn, table, "delete"):
        conn.execute(f"DELETE FROM {quote(table)} WHERE {where}", params)


def delete_rows(conn: sqlite3.Connection, table: str, ids: Iterable[str]) -> None:
    """Delete the records of `table` with these ids inside the open action."""
    _action_id(conn)
    ids = iter(ids)
    while chunk := list(islice(ids, ROWS_PER_RECORD)):
        _remove(conn, table, _ids_in(table, "SELECT value FROM json_each(?)"),
                [json.dumps(chunk)])


# -- undo and redo ----------------------------------------------------------------------

def _first_present(conn: sqlite3.Connection, table: str, seq: int) -> str | None:
    row = conn.execute(
        f"SELECT json_extract(value, '$[0]') AS held FROM json_each({_HELD}) "
        f"WHERE held IN (SELECT {quote(primary_key(table))} FROM {quote(table)}) LIMIT 1",
        [seq]).fetchone()
    return row[0] if row else None


def _first_changed(conn: sqlite3.Connection, table: str, rowset: RowSet) -> str | None:
    """The first recorded row that is gone or differs now; compared as the JSON the
    record holds, which renders a REAL with 17 digits: exactly, both ways."""
    types = declared_types(conn, table)
    current = ", ".join(json_element("cur", c, types.get(c, "")) for c in rowset.columns)
    pk = quote(primary_key(table))
    row = conn.execute(
        f"SELECT json_extract(r.value, '$[0]') FROM json_each({_HELD}) AS r "
        f"LEFT JOIN {quote(table)} AS cur ON cur.{pk} = json_extract(r.value, '$[0]') "
        f"WHERE cur.{pk} IS NULL OR r.value IS NOT json_array({current}) LIMIT 1",
        [rowset.seq]).fetchone()
    return row[0] if row else None


def replay(conn: sqlite3.Connection, table: str, op: str, rowset: RowSet, *,
           forward: bool) -> str | None:
    """Apply a bulk record again (redo) or its inverse (undo), logged as bulk records.

    :returns: None when done, or the id of a record that a later action changed (or
        made), in which case nothing was written.
    """
    if (op == "insert_rows") == forward:
        blocking = _first_present(conn, table, rowset.seq)
        if blocking is None:
            insert_rows(conn, table, rowset.columns, rowset.rows())
        return blocking
    blocking = _first_changed(conn, table, rowset)
    if blocking is None:
        _remove(conn, table, _ids_in(table, _HELD_IDS), [rowset.seq])
    return blocking


# -- reading the log --------------------------------------------------------------------

def expand(table: str, op: str, columns: str, old: str | None, new: str | None
           ) -> Iterator[tuple[str, str, str, None, str | None, str | None]]:
    """A bulk record as the per-row records it stands for: (table, row id, "insert" or
    "delete", None, old JSON, new JSON), as a merge reads the log."""
    names = json.loads(columns)
    single = BULK_OPS[op]
    for row in json.loads(new if op == "insert_rows" else old):  # type: ignore[arg-type]
        text = json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False)
        yield (table, row[0], single, None,
               text if single == "delete" else None, text if single == "insert" else None)


def ids_held(conn: sqlite3.Connection, seq: int) -> list[str]:
    """The ids of the records bulk change `seq` holds."""
    return [row[0] for row in conn.execute(_HELD_IDS, [seq])]


def touching(alias: str = "c") -> str:
    """SQL: change record `alias` is a bulk record holding the row whose id is the
    next parameter."""
    return (f"({alias}.op IN {OPS_SQL} AND EXISTS (SELECT 1 FROM "
            f"json_each(COALESCE({alias}.new, {alias}.old)) AS held "
            f"WHERE json_extract(held.value, '$[0]') = ?))")
