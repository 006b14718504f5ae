"""The scenarios panel: every stored run, renamed in place, deleted, compared two
at a time, or applied to the plan.

Each change is one `ServiceCommand` over `planner.services.scenarios`, so it is
undoable like any edit; applying one changes flights, which the shared index
passes on to the calendar.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.changes import PlanChanges
from planner.services.scenario_apply import apply_scenario
from planner.services.scenarios import Scenario, delete_scenario, list_scenarios, rename_scenario
from ui.commands.base import ServiceCommand
from ui.document import PlanDocument
from ui.empty_state import EmptyHint
from ui.formatting import format_money, format_number, format_percent
from ui.models.plan_index import PlanIndex
from ui.optimise.compare import compare

_ID = Qt.ItemDataRole.UserRole


class ScenariosPanel(QWidget):
    """`shown(Scenario)` when one scenario is selected alone (to show its figures)."""

    shown = Signal(object)

    def __init__(self, document: PlanDocument, index: PlanIndex,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.scenarios: dict[str, Scenario] = {}
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Saved scenarios"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.compare_button = QPushButton(self.tr("Compare two"))
        self.mode_combo = QComboBox()
        self.mode_combo.setAccessibleName(self.tr("Compare by"))
        self.mode_combo.addItem(self.tr("as new optimised flights"), "new_flights")
        self.mode_combo.addItem(self.tr("by rescaling existing flights pro rata"), "rescale")
        self.apply_button = QPushButton(self.tr("Apply to plan"))
        self.compare_model = QStandardItemModel(self)
        self.compare_view = QTableView()
        self.compare_view.setAccessibleName(self.tr("Scenario comparison"))
        self.compare_view.setModel(self.compare_model)
        self.compare_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        buttons = QHBoxLayout()
        for widget in (self.delete_button, self.compare_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        apply_row = QHBoxLayout()
        apply_row.addWidget(self.apply_button)
        apply_row.addWidget(self.mode_combo, 1)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel(self.tr("Scenarios (double-click to rename):")))
        top_layout.addWidget(self.list, 1)
        top_layout.addLayout(buttons)
        top_layout.addLayout(apply_row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.compare_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.empty_hint = EmptyHint(self.list, self._empty_text).follow_model(self.list.model())
        self.list.itemChanged.connect(self._renamed)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.delete_button.clicked.connect(self.delete_selected)
        self.compare_button.clicked.connect(self.compare_selected)
        self.apply_button.clicked.connect(self.apply_selected)
        index.reset.connect(self.refresh)
        document.changed.connect(self._plan_changed)
        self.refresh()
        self._selection_changed()

    # -- the list --------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the stored scenarios, keeping the selection where it still exists."""
        chosen = set(self.selected_ids())
        self.list.blockSignals(True)
        self.list.clear()
        found = self._document.run(list_scenarios) if self._document.is_open else []
        self.scenarios = {s.id: s for s in found}
        for scenario in found:
            item = QListWidgetItem(scenario.name)
            item.setToolTip(self._describe(scenario))
            item.setData(_ID, scenario.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
            item.setSelected(scenario.id in chosen)
        self.list.blockSignals(False)
        self._selection_changed()

    def _empty_text(self) -> str:
        if not self._document.is_open or self.list.count():
            return ""
        return self.tr("No scenarios yet. Set the constraints and press Run: every run is "
                       "kept here to compare and apply.")

    def _describe(self, scenario: Scenario) -> str:
        """Made when, at which grain, and its value and gap (or that it is impossible)."""
        stored, inputs = scenario.result, scenario.inputs
        summary = self.tr("impossible") if not scenario.feasible else self.tr(
            "value {value}, gap {gap}").format(
            value=format_money(stored["objective_minor"], inputs.get("currency", "CNY")),
            gap="–" if stored.get("gap") is None else format_percent(stored["gap"], 4))
        grain = inputs.get("grain", "")
        grain = {"month": self.tr("monthly"), "week": self.tr("weekly")}.get(grain, grain)
        return f"{scenario.created_at}  {grain}  {summary}"

    def _plan_changed(self, changes: PlanChanges) -> None:
        if "scenarios" in changes.other_tables:
            self.refresh()

    def selected_ids(self) -> list[str]:
        return [item.data(_ID) for item in self.list.selectedItems()]

    def select(self, scenario_ids: list[str]) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setSelected(item.data(_ID) in scenario_ids)

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        editable = self._document.is_open and not self._document.read_only
        self.delete_button.setEnabled(editable and len(ids) == 1)
        self.compare_button.setEnabled(len(ids) == 2)
        self.apply_button.setEnabled(editable and len(ids) == 1
                                     and self.scenarios[ids[0]].feasible)
        if len(ids) == 1:
            self.shown.emit(self.scenarios[ids[0]])

    # -- edits -----------------------------------------------------------------------
    def _renamed(self, item: QListWidgetItem) -> None:
        scenario = self.scenarios.get(item.data(_ID))
        name = item.text().strip()
        if scenario is None or name == scenario.name:
            return
        self._document.push(ServiceCommand(self._document, self.tr("Rename scenario"),
                                           rename_scenario, scenario.id, name))
        self.refresh()  # a refused name shows the stored one again

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self._document.push(ServiceCommand(self._document, self.tr("Delete scenario"),
                                               delete_scenario, ids[0]))

    def apply_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        name = self.scenarios[ids[0]].name
        self._document.push(ServiceCommand(
            self._document, self.tr("Apply scenario {name}").format(name=name),
            apply_scenario, ids[0], mode=self.mode_combo.currentData()))

    # -- comparing -------------------------------------------------------------------
    def compare_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 2:
            return
        a, b = (self.scenarios[i] for i in ids)
        totals = {"spend": self.tr("Total spend"), "revenue": self.tr("Promotion revenue"),
                  "brand": self.tr("Brand response"), "value": self.tr("Value")}
        currency = a.inputs.get("currency", "CNY")
        self.compare_model.clear()
        self.compare_model.setHorizontalHeaderLabels(
            [self.tr("Channel"), a.name, b.name, self.tr("Difference")])
        for row in compare(a, b, totals):
            cells = [row.label] + [
                "–" if v is None else format_money(round(v), currency) if row.money
                else format_number(v) for v in (row.a, row.b, row.difference)]
            items = [QStandardItem(text) for text in cells]
            for item in items[1:]:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.compare_model.appendRow(items)
