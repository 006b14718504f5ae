"""Plan, actual to date and reforecast side by side, per channel, on the Performance
tab: the newest reforecast scenario's table as the planner stored it
(:func:`planner.services.reforecast.reforecast_table`), so it reads the same as when
the reforecast was made, whatever was edited since. Hidden while there is none.

Reading it is a scenario list and one stored table: a few milliseconds on the GUI
thread, redone only when the scenarios change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from planner.domain.changes import PlanChanges
from planner.services.reforecast import Reforecast, reforecast_table
from planner.services.scenarios import list_scenarios
from ui.document import PlanDocument
from ui.formatting import format_date
from ui.i18n import result_message
from ui.models.plan_index import PlanIndex
from ui.performance.table_model import Column, FrameModel

if TYPE_CHECKING:
    from planner.storage.plan_file import Plan

MONEY = ("plan_minor", "actual_minor", "fixed_minor", "plan_remaining_minor",
         "reforecast_remaining_minor", "reforecast_minor")


def latest_reforecast(plan: Plan) -> Reforecast | None:
    """The newest scenario that is a reforecast, as stored with it."""
    found = [s for s in list_scenarios(plan) if "reforecast" in s.result]
    return reforecast_table(plan, found[-1].id) if found else None


class ReforecastPanel(QWidget):
    """`forecast` is the one shown (None: no reforecast, and the panel is hidden)."""

    def __init__(self, document: PlanDocument, index: PlanIndex,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.forecast: Reforecast | None = None
        self.model = FrameModel(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.assumptions = QLabel()
        self.assumptions.setWordWrap(True)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.assumptions)
        index.reset.connect(self.refresh)
        document.changed.connect(self._changed)
        self.refresh()

    def _changed(self, changes: PlanChanges) -> None:
        if "scenarios" in changes.other_tables:
            self.refresh()

    def refresh(self) -> None:
        self.forecast = (self._document.run(latest_reforecast) if self._document.is_open
                         else None)
        self.setVisible(self.forecast is not None)
        if self.forecast is None:
            self.model.set_frame(None, (), "CNY")
            return
        self._show(self.forecast)

    def _show(self, forecast: Reforecast) -> None:
        import pandas as pd

        frame = pd.DataFrame([{"name": r.name, **{m: getattr(r, m) for m in MONEY}}
                              for r in forecast.rows], columns=["name", *MONEY])
        total = {m: (None if frame[m].isna().any() else int(frame[m].sum())) for m in MONEY}
        self.model.set_frame(frame, self._columns(), forecast.currency,
                             {**total, "name": self.tr("Total")})
        self.view.resizeColumnsToContents()
        self.title.setText(self.tr("Reforecast as of %1: re-planned from %2 (%3).")
                           .replace("%1", format_date(forecast.as_of))
                           .replace("%2", format_date(forecast.first_day))
                           .replace("%3", result_message(forecast.status)))
        self.assumptions.setText("\n".join(f"• {result_message(a)}"
                                           for a in forecast.assumptions))

    def _columns(self) -> tuple[Column, ...]:
        return (Column("name", self.tr("Channel"), "text"),
                Column("plan_minor", self.tr("Plan"), "money"),
                Column("actual_minor", self.tr("Actual to date"), "money"),
                Column("fixed_minor", self.tr("Fixed to date"), "money"),
                Column("plan_remaining_minor", self.tr("Plan remaining"), "money"),
                Column("reforecast_remaining_minor", self.tr("Reforecast remaining"), "money"),
                Column("reforecast_minor", self.tr("Reforecast total"), "money"))
