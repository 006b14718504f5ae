"""The flight form: campaign, channel, dates, budget, phasing and media units.

Used by `FlightDialog` and the inspector. Budgets are typed in the plan's
currency with thousands separators; units × unit cost sets the budget as the
core does, and a budget that is not a whole number of units says what the
service will store instead of silently storing something else.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox, QWidget

from planner.domain.entities import UNIT_KINDS, Flight
from planner.domain.phasing import Phasing, PhasingError
from ui.editors import labels
from ui.editors.flight_edits import candidate_flight
from ui.editors.form import Problems, RecordForm
from ui.editors.widgets import (
    date_edit,
    fill_combo,
    money_text,
    parse_count,
    parse_money,
    read_date,
)
from ui.formatting import format_money
from ui.models.plan_index import PlanIndex

PATTERNS = ("even", "front", "back", "continuous", "flighting", "pulsing")
_RAMPED = ("front", "back")
_BURSTS = ("flighting", "pulsing")
DEFAULT_DAYS = 14


class FlightForm(RecordForm):
    def __init__(self, index: PlanIndex, parent: QWidget | None = None) -> None:
        super().__init__(index, parent)
        self._segments: tuple = ()
        self.campaign = QComboBox()
        self.channel = QComboBox()
        self.name = QLineEdit()
        self.start = date_edit()
        self.end = date_edit()
        self.budget = QLineEdit()
        self.budget.setPlaceholderText(self.tr("e.g. 120,000.00"))
        self.pattern = QComboBox()
        for pattern in PATTERNS:
            self.pattern.addItem(self._pattern_text(pattern), pattern)
        self.ratio = QDoubleSpinBox()
        self.ratio.setRange(1.0, 100.0)
        self.ratio.setSingleStep(0.5)
        self.on_days = QSpinBox()
        self.on_days.setRange(1, 366)
        self.off_days = QSpinBox()
        self.off_days.setRange(0, 366)
        self.base_share = QDoubleSpinBox()
        self.base_share.setRange(0.0, 100.0)
        self.base_share.setSuffix(" %")
        self.unit_kind = QComboBox()
        self.unit_kind.addItem(self.tr("No media units"), None)
        words = labels.unit_kinds()
        for kind, meaning in UNIT_KINDS.items():
            self.unit_kind.addItem(words.get(kind, f"{kind} ({meaning})"), kind)
        self.units = QLineEdit()
        self.unit_cost = QLineEdit()
        self.notes = QLineEdit()

        self._row(self.tr("Campaign"), self.campaign, "flight.campaign_id")
        self._row(self.tr("Channel"), self.channel, "flight.channel_id")
        self._row(self.tr("Name"), self.name, "flight.name")
        self._row(self.tr("Start"), self.start, "flight.start")
        self._row(self.tr("End"), self.end, "flight.end")
        self._row(self.tr("Budget"), self.budget, "flight.budget")
        self._row(self.tr("Phasing"), self.pattern, "flight.phasing")
        self._ratio_row = self._row(self.tr("First/last day ratio"), self.ratio)
        self._on_row = self._row(self.tr("Days on"), self.on_days)
        self._off_row = self._row(self.tr("Days off"), self.off_days)
        self._share_row = self._row(self.tr("Base share"), self.base_share)
        self._row(self.tr("Media units"), self.unit_kind, "flight.unit_kind")
        self._units_row = self._row(self.tr("Units"), self.units, "flight.units")
        self._cost_row = self._row(self.tr("Unit cost"), self.unit_cost, "flight.unit_cost")
        self._row(self.tr("Notes"), self.notes, "flight.notes")
        self._finish()

    # -- filling ---------------------------------------------------------------------------
    def _fill(self, record: Flight | None, preset: dict[str, Any],
              skip: frozenset[QWidget]) -> None:
        campaigns = sorted(self._index.campaigns.values(), key=lambda c: c.name.lower())
        fill_combo(self.campaign, [(self.tr("Choose a campaign"), None),
                                   *((c.name, c.id) for c in campaigns)])
        fill_combo(self.channel, [(self.tr("Choose a channel"), None),
                                  *((c.name, c.id) for c in self._index.channels.values())])
        flight = record if record is not None else self._new_flight(preset)
        phasing = Phasing.from_dict(flight.phasing)
        self._segments = phasing.segments
        self._offer_custom(phasing.pattern == "custom")
        currency = self.currency
        # A new flight's budget starts empty: the planner must say how much.
        budget = flight.budget_minor if record is not None else preset.get("budget_minor")
        for widget, value in (
            (self.campaign, flight.campaign_id), (self.channel, flight.channel_id),
            (self.name, flight.name), (self.start, flight.start), (self.end, flight.end),
            (self.budget, money_text(budget, currency)),
            (self.pattern, phasing.pattern), (self.ratio, phasing.ratio),
            (self.on_days, phasing.on_days), (self.off_days, phasing.off_days),
            (self.base_share, phasing.base_share * 100), (self.unit_kind, flight.unit_kind),
            (self.units, "" if flight.units is None else str(flight.units)),
            (self.unit_cost, money_text(flight.unit_cost_minor, currency)),
            (self.notes, flight.notes),
        ):
            self._set(widget, value, skip)
        # Committed flights are contracted: their dates move only after unlocking.
        for edit in (self.start, self.end):
            edit.setEnabled(not flight.committed)
            edit.setToolTip(self.tr("Committed (locked): unlock the flight to change its dates")
                            if flight.committed else "")
        self._show_relevant()

    def _new_flight(self, preset: dict[str, Any]) -> Flight:
        settings = self._index.settings
        start = preset.get("start") or (settings.horizon_start if settings else dt.date.today())
        end = preset.get("end") or start + dt.timedelta(days=DEFAULT_DAYS - 1)
        return Flight(id="", campaign_id=preset.get("campaign_id"),
                      channel_id=preset.get("channel_id"), start=start, end=end,
                      budget_minor=0)

    def _offer_custom(self, offered: bool) -> None:
        """Custom phasing is typed per period elsewhere; here it can only be kept or left."""
        row = self.pattern.findData("custom")
        if offered and row < 0:
            self.pattern.addItem(self._pattern_text("custom"), "custom")
        elif not offered and row >= 0:
            self.pattern.removeItem(row)

    def _pattern_text(self, pattern: str) -> str:
        return {
            "even": self.tr("Even"), "front": self.tr("Front-loaded"),
            "back": self.tr("Back-loaded"), "continuous": self.tr("Continuous"),
            "flighting": self.tr("Flighting (bursts with gaps)"),
            "pulsing": self.tr("Pulsing (base plus bursts)"),
            "custom": self.tr("Custom (per period)"),
        }[pattern]

    # -- reacting --------------------------------------------------------------------------
    def _changed(self, widget: QWidget) -> None:
        if widget in (self.units, self.unit_cost):
            self._budget_from_units()
        self._show_relevant()

    def _budget_from_units(self) -> None:
        try:
            units = parse_count(self.units.text())
            cost = parse_money(self.unit_cost.text(), self.currency)
        except ValueError:
            return
        if units is not None and cost:
            with self.quiet():
                self.budget.setText(money_text(units * cost, self.currency))
            self._dirty.add(self.budget)

    def _show_relevant(self) -> None:
        pattern = self.pattern.currentData()
        self._layout.setRowVisible(self._ratio_row, pattern in _RAMPED)
        self._layout.setRowVisible(self._on_row, pattern in _BURSTS)
        self._layout.setRowVisible(self._off_row, pattern in _BURSTS)
        self._layout.setRowVisible(self._share_row, pattern == "pulsing")
        has_units = self.unit_kind.currentData() is not None
        self._layout.setRowVisible(self._units_row, has_units)
        self._layout.setRowVisible(self._cost_row, has_units)

    # -- reading ---------------------------------------------------------------------------
    def _read(self, problems: Problems) -> dict[str, Any]:
        has_units = self.unit_kind.currentData() is not None
        return {
            "campaign_id": self.campaign.currentData(),
            "channel_id": self.channel.currentData(),
            "start": read_date(self.start),
            "end": read_date(self.end),
            "budget_minor": self._money(self.budget, "flight.budget", problems, required=True),
            "name": self.name.text().strip(),
            "notes": self.notes.text().strip(),
            "phasing": self._phasing(problems),
            "unit_kind": self.unit_kind.currentData(),
            "units": self._count(self.units, "flight.units", problems) if has_units else None,
            "unit_cost_minor": (self._money(self.unit_cost, "flight.unit_cost", problems)
                                if has_units else None),
        }

    def _phasing(self, problems: Problems) -> dict | None:
        pattern = self.pattern.currentData()
        try:
            phasing = Phasing(pattern=pattern, ratio=self.ratio.value(),
                              on_days=self.on_days.value(), off_days=self.off_days.value(),
                              base_share=round(self.base_share.value() / 100, 4),
                              segments=self._segments if pattern == "custom" else ())
        except PhasingError as exc:
            problems.error("flight.phasing", str(exc))
            return None
        return phasing.to_dict() or None

    def _build(self, values: dict[str, Any]) -> Flight:
        return candidate_flight(self.record, values)

    def _extra(self, values: dict[str, Any], problems: Problems) -> None:
        if values["campaign_id"] not in self._index.campaigns:
            problems.error("flight.campaign_id", self.tr("Choose a campaign"))
        if values["channel_id"] not in self._index.channels:
            problems.error("flight.channel_id", self.tr("Choose a channel"))
        settings = self._index.settings
        if settings is not None:
            horizon = f"{settings.horizon_start} – {settings.horizon_end}"
            if values["start"] < settings.horizon_start:
                problems.warn("flight.start",
                              self.tr("Starts before the plan horizon ({0})").format(horizon))
            if values["end"] > settings.horizon_end:
                problems.warn("flight.end",
                              self.tr("Ends after the plan horizon ({0})").format(horizon))
        if "flight.budget" in problems.errors or "flight.units" in problems.errors:
            return
        stored = self._build(values).budget_minor
        if values["units"] is not None and stored != values["budget_minor"]:
            problems.warn("flight.budget", self.tr(
                "Not a whole number of units: the budget will be {0}").format(
                format_money(stored, self.currency)))
