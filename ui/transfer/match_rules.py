"""The plan's matching rules for platform actuals: which channel (and campaign or
flight) a platform campaign is, edited as a table.

Order matters to the matcher (after ids and exact names, the first rule that matches
wins), so rows can be moved. Saving is one `ServiceCommand(set_match_rules)`: one
undo step; a rule the core refuses keeps the dialog open with the core's message.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.io.platforms.flowchart import PLATFORM as FLOWCHART
from planner.io.platforms.layouts import PLATFORMS, UNKNOWN
from planner.io.platforms.rules import KINDS, MatchRule, load_rules, set_match_rules
from ui.commands.base import ServiceCommand
from ui.document import PlanDocument
from ui.formatting import format_date
from ui.models.plan_index import PlanIndex

KIND, PATTERN, PLATFORM, CHANNEL, TARGET = range(5)


class MatchRulesDialog(QDialog):
    """Opened on the plan's stored rules; `saved` once OK stored a change."""

    def __init__(self, document: PlanDocument, index: PlanIndex,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document, self._index = document, index
        self.saved = False
        self.setWindowTitle(self.tr("Matching rules"))
        self.resize(900, 420)
        self._kinds = {"campaign_id": self.tr("Platform campaign id"),
                       "exact": self.tr("Exact name"), "contains": self.tr("Name contains"),
                       "regex": self.tr("Regular expression")}
        assert set(self._kinds) == set(KINDS)
        self._platforms: list[tuple[str, str | None]] = [(self.tr("Any platform"), None)]
        self._platforms += [(p.name, p.key) for p in (*PLATFORMS, UNKNOWN)]
        self._platforms.append((self.tr("Agency flowchart"), FLOWCHART))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("Match by"), self.tr("Pattern"), self.tr("Platform"), self.tr("Channel"),
            self.tr("Campaign / flight")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(PATTERN, 220)
        self.table.setColumnWidth(PLATFORM, 160)
        self.table.setColumnWidth(CHANNEL, 160)
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        row = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            row.addWidget(button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Ids and exact names are tried first, then the other rules from the top; the "
            "campaign picks its flight on the channel by the row's date.")))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.add_button.clicked.connect(self.add_rule)
        self.remove_button.clicked.connect(self.remove_rule)
        self.up_button.clicked.connect(lambda: self.move_rule(-1))
        self.down_button.clicked.connect(lambda: self.move_rule(1))
        self.set_rules(document.run(load_rules))

    # -- the table ------------------------------------------------------------------------
    def set_rules(self, rules: list[MatchRule]) -> None:
        self.table.setRowCount(0)
        for rule in rules:
            self._append(rule)

    def rules(self) -> list[MatchRule]:
        """The rules as the table shows them, top to bottom."""
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, PATTERN)
            kind, _, target = (self._combo(row, TARGET).currentData() or "").partition(":")
            flight = self._index.flights.get(target) if kind == "flight" else None
            out.append(MatchRule(
                self._combo(row, KIND).currentData(), item.text() if item else "",
                self._combo(row, CHANNEL).currentData() or "",
                flight_id=flight.id if flight else None,
                campaign_id=flight.campaign_id if flight else target or None,
                platform=self._combo(row, PLATFORM).currentData()))
        return out

    def add_rule(self) -> None:
        channels = sorted(self._index.channels.values(), key=lambda c: c.name)
        self._append(MatchRule("contains", "", channels[0].id if channels else ""))
        self.table.selectRow(self.table.rowCount() - 1)
        self.table.editItem(self.table.item(self.table.rowCount() - 1, PATTERN))

    def remove_rule(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def move_rule(self, step: int) -> None:
        row = self.table.currentRow()
        rules = self.rules()
        if not 0 <= row < len(rules) or not 0 <= row + step < len(rules):
            return
        rules[row], rules[row + step] = rules[row + step], rules[row]
        self.set_rules(rules)
        self.table.selectRow(row + step)

    def _combo(self, row: int, column: int) -> QComboBox:
        widget = self.table.cellWidget(row, column)
        assert isinstance(widget, QComboBox)
        return widget

    def _append(self, rule: MatchRule) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setCellWidget(row, KIND, self._choices(
            [(self._kinds[k], k) for k in KINDS], rule.kind))
        self.table.setItem(row, PATTERN, QTableWidgetItem(rule.pattern))
        self.table.setCellWidget(row, PLATFORM, self._choices(self._platforms, rule.platform))
        channels = sorted(self._index.channels.values(), key=lambda c: c.name)
        channel = self._choices([(c.name, c.id) for c in channels], rule.channel_id)
        self.table.setCellWidget(row, CHANNEL, channel)
        target = QComboBox()
        self.table.setCellWidget(row, TARGET, target)
        chosen = (f"flight:{rule.flight_id}" if rule.flight_id
                  else f"campaign:{rule.campaign_id}" if rule.campaign_id else None)
        self._fill_targets(target, rule.channel_id, chosen)
        channel.currentIndexChanged.connect(
            lambda _i: self._fill_targets(target, channel.currentData(), target.currentData()))

    def _fill_targets(self, combo: QComboBox, channel_id: str | None, chosen: str | None
                      ) -> None:
        """The channel only, any campaign ("campaign:<id>"), or a flight on the rule's
        channel ("flight:<id>")."""
        campaigns = sorted(self._index.campaigns.values(), key=lambda c: c.name)
        flights = sorted((f for f in self._index.flights.values() if f.channel_id == channel_id),
                         key=lambda f: (f.start, f.id))
        names = {c.id: c.name for c in campaigns}
        choices: list[tuple[str, Any]] = [(self.tr("Channel only"), None)]
        choices += [(self.tr("Campaign: %1").replace("%1", c.name), f"campaign:{c.id}")
                    for c in campaigns]
        choices += [(self.tr("Flight: %1 %2 to %3").replace("%1", f.name or names.get(
            f.campaign_id, "")).replace("%2", format_date(f.start)).replace(
            "%3", format_date(f.end)), f"flight:{f.id}") for f in flights]
        combo.blockSignals(True)
        combo.clear()
        for text, data in choices:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)

    @staticmethod
    def _choices(choices: list[tuple[str, Any]], chosen: Any) -> QComboBox:
        combo = QComboBox()
        for text, data in choices:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        return combo

    # -- saving ---------------------------------------------------------------------------
    def accept(self) -> None:
        """Store the rules as one undoable step; a refusal is shown here, not closed."""
        if self._document.run(load_rules) != self.rules():
            refusals: list[str] = []

            def refused(message: str) -> None:
                refusals.append(message)

            self._document.failed.connect(refused)
            try:
                command = ServiceCommand(self._document, self.tr("Set matching rules"),
                                         set_match_rules, self.rules())
                self._document.push(command)
            finally:
                self._document.failed.disconnect(refused)
            if refusals:
                self.error_label.setText(refusals[0])
                return
            self.saved = command.action_id is not None
        super().accept()
