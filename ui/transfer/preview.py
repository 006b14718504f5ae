"""The import preview: every problem with where it is, or what the import would do.

A planner fixes the whole file in one pass from this list, so every problem is
shown (sheet, row, column, value, reason), through a model that makes a row
only when the table scrolls to it: a file with thousands of bad rows opens at once.
Import stays disabled while there is any problem: nothing is ever half-imported.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.io.import_report import ImportReport, Problem
from planner.io.problem_words import column_words, reason_words
from ui.i18n import translated

SHOWN_CHARS = 60  # a cell's value, clipped: one huge cell must not widen the table

ModelIndex = QModelIndex | QPersistentModelIndex


def shown_value(value: Any) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"


class ProblemsModel(QAbstractTableModel):
    """Sheet, row, column, value, reason: one problem a row."""

    def __init__(self, problems: list[Problem], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems = problems
        self._titles = (self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Value"),
                        self.tr("Reason"))

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        problem = self._problems[index.row()]
        cells = (problem.sheet or "", "" if problem.row is None else str(problem.row),
                 translated(column_words(problem.column)) if problem.column else "",
                 shown_value(problem.value),
                 translated(reason_words(problem.reason)))
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole value and reason, unclipped
            return translated(problem.describe())
        return cells[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._titles[section]
        return None


def problems_table(problems: list[Problem]) -> QTableView:
    """A table of `problems`, filled only as it scrolls (thousands open at once)."""
    view = QTableView()
    view.setModel(ProblemsModel(problems, view))
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate((110, 50, 120, 150)):
        view.setColumnWidth(column, width)
    return view


class ImportPreviewDialog(QDialog):
    """Shown after the dry run; accepted (Import) only when the report has no problem."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Import %1").replace("%1", report.file))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self._summary())
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems_view: QTableView | None = None
        self.counts_view: QTableWidget | None = None
        if report.problems:
            self.problems_view = problems_table(report.problems)
            layout.addWidget(self.problems_view)
        else:
            self.counts_view = self._counts_table()
            layout.addWidget(self.counts_view)
        if report.warnings:
            warnings = QLabel("\n".join(translated(reason_words(w)) for w in report.warnings))
            warnings.setWordWrap(True)
            layout.addWidget(warnings)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(self.tr("Import"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(report.ok)
        self.import_button.setDefault(report.ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _summary(self) -> str:
        count = len(self.report.problems)
        if count:
            return self.tr("%1 problem(s) in %2. Nothing will be imported until every one "
                           "is fixed.").replace("%1", str(count)).replace("%2", self.report.file)
        text = self.tr("%1 can be imported.").replace("%1", self.report.file)
        if self.report.unchanged:
            text += " " + self.tr("%1 row(s) are already in the plan unchanged.").replace(
                "%1", str(self.report.unchanged))
        return text

    def _counts_table(self) -> QTableWidget:
        names = {"segments": self.tr("Segments"), "channels": self.tr("Channels"),
                 "campaigns": self.tr("Campaigns"), "flights": self.tr("Flights"),
                 "actuals": self.tr("Actuals"), "history": self.tr("History rows")}
        added, updated = self.report.added, self.report.updated
        tables = [t for t in (*names, *added, *updated) if added.get(t) or updated.get(t)]
        tables = list(dict.fromkeys(tables))
        table = QTableWidget(len(tables), 3)
        table.setHorizontalHeaderLabels([self.tr("Records"), self.tr("To add"),
                                         self.tr("To update")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, name in enumerate(tables):
            cells = (names.get(name, name), str(added.get(name, 0)), str(updated.get(name, 0)))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        table.horizontalHeader().setStretchLastSection(True)
        return table
