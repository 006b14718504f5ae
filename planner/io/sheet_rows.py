"""Rows of an imported table as typed values, each failure located and collected.

:class:`RowReader` matches a table's headers to a column layout and turns each row
into a dict of typed values by column kind; a cell that cannot be read becomes a
problem in the report (sheet, row, column header as written, value, reason) and is
left out of the dict, so the importer carries on and finds every other problem too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from planner.io import cells
from planner.io.columns import Column
from planner.io.import_report import ImportReport
from planner.io.tabular_read import WORKBOOK_SUFFIXES, Table


@dataclass
class Row:
    """One data row: typed values by column key, and where it came from."""

    number: int
    values: dict[str, Any]
    raw: dict[str, Any]

    def given(self, key: str) -> bool:
        """The column exists and this row's cell is not empty."""
        return not cells.is_empty(self.raw.get(key))


class RowReader:
    def __init__(self, table: Table, columns: tuple[Column, ...], report: ImportReport,
                 currency: str) -> None:
        self.table, self.columns, self.report, self.currency = table, columns, report, currency
        self.index, repeated = cells.match_headers(table.header, columns)
        for reason in repeated:
            self.report.problem(f"header {reason}", sheet=table.sheet, row=self._header_row())
        self._csv = not table.file.lower().endswith(WORKBOOK_SUFFIXES)
        self._by_key = {c.key: c for c in columns}

    def _header_row(self) -> int:
        return self.table.rows[0][0] - 1 if self.table.rows else 1

    def has(self, key: str) -> bool:
        return key in self.index

    def header(self, key: str) -> str:
        index = self.index.get(key)
        return str(self.table.header[index]) if index is not None else self._by_key[key].en

    def require(self, *alternatives: tuple[str, ...]) -> bool:
        """Report each group of columns of which none is in the header."""
        ok = True
        for group in alternatives:
            if not any(self.has(k) for k in group):
                names = " or ".join(f"“{self._by_key[k].en}” ({self._by_key[k].zh})"
                                    for k in group)
                self.report.problem(f"the header has no column {names}",
                                    sheet=self.table.sheet, row=self._header_row())
                ok = False
        return ok

    def problem(self, row: Row, key: str | None, reason: str) -> None:
        self.report.problem(reason, sheet=self.table.sheet, row=row.number,
                            column=self.header(key) if key else None,
                            value=row.raw.get(key) if key else None)

    def rows(self) -> Iterator[Row]:
        for number, line in self.table.rows:
            raw = {key: (line[i] if i < len(line) else None) for key, i in self.index.items()}
            row = Row(number, {}, raw)
            for key, value in raw.items():
                try:
                    row.values[key] = self._parse(self._by_key[key], value)
                except cells.CellError as exc:
                    self.problem(row, key, str(exc))
            yield row

    def _parse(self, column: Column, value: Any) -> Any:
        if column.kind == "text":
            return cells.text(value, csv=self._csv)  # kept exactly: names round-trip
        if cells.is_empty(value):
            return [] if column.key == "tags" else None
        if self._csv and isinstance(value, str):
            value = cells.text(value, csv=True)
        parsers = {
            "id": cells.record_id, "date": cells.date, "int": cells.count,
            "bool": cells.flag, "percent": cells.percent_bp,
            "money": lambda v: cells.money(v, self.currency),
            "json": lambda v: cells.json_value(v, list if column.key == "tags" else dict),
        }
        return parsers[column.kind](value)
