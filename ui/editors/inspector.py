"""The inspector dock: edit the selected flight or campaign in place.

It shows the same forms as the dialogs. A field is written when the planner
finishes it (Enter, leaving the field, picking a choice), as one undoable command
with only what changed, and only when the whole form is valid: invalid input
shows its message and writes nothing. Edits made elsewhere (a drag on the
calendar, an undo) refresh the form without eating a field being typed in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner.domain.changes import PlanChanges
from ui.commands.base import ServiceCommand
from ui.document import PlanDocument
from ui.editors.campaign_edits import edit_campaign_command
from ui.editors.campaign_form import CampaignForm
from ui.editors.flight_edits import edit_flight_command
from ui.editors.flight_form import FlightForm
from ui.editors.form import RecordForm
from ui.editors.labels import flights_selected
from ui.formatting import format_money
from ui.models.plan_index import PlanIndex
from ui.selection import Selection

EditCommand = Callable[[PlanDocument, str, dict[str, Any]], ServiceCommand | None]


class Inspector(QWidget):
    """`bulk_edit_requested(flight_ids)` when the planner asks to bulk-edit a multi-selection."""

    bulk_edit_requested = Signal(list)

    def __init__(self, document: PlanDocument, index: PlanIndex, selection: Selection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document, self._index, self._selection = document, index, selection
        self._shown: tuple[str, str] | None = None
        self.flight_form = FlightForm(index)
        self.campaign_form = CampaignForm(index)
        self._forms: dict[str, tuple[RecordForm, dict, EditCommand]] = {
            "flight": (self.flight_form, index.flights, edit_flight_command),
            "campaign": (self.campaign_form, index.campaigns, edit_campaign_command),
        }
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.hint = QLabel()
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.count_label = QLabel()
        self.total_label = QLabel()
        self.bulk_button = QPushButton(self.tr("Bulk edit…"))
        self.bulk_button.clicked.connect(
            lambda: self.bulk_edit_requested.emit(list(self._selection.flight_ids)))

        multi = QWidget()
        column = QVBoxLayout(multi)
        for widget in (self.count_label, self.total_label, self.bulk_button):
            column.addWidget(widget)
        column.addStretch(1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.hint)
        self._pages = {"flight": self.pages.addWidget(_scrolling(self.flight_form)),
                       "campaign": self.pages.addWidget(_scrolling(self.campaign_form)),
                       "multi": self.pages.addWidget(multi)}
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.pages, 1)

        for kind, (form, _records, _command) in self._forms.items():
            form.committed.connect(lambda kind=kind: self._commit(kind))
        selection.changed.connect(self._show_selection)
        index.reset.connect(self._show_selection)
        index.changed.connect(self._refresh)
        self._show_selection()

    @property
    def shown(self) -> tuple[str, str] | None:
        """The (kind, id) of the record in the form, if one is."""
        return self._shown

    # -- showing ---------------------------------------------------------------------------
    def _show_selection(self, _source: object = None) -> None:
        items = self._selection.items
        self._shown = None
        if not self._index.is_open or not items:
            self.title.clear()
            self.hint.setText(self.tr("Select a flight or a campaign to edit it here.")
                              if self._index.is_open else self.tr("No plan open"))
            self.pages.setCurrentWidget(self.hint)
        elif len(items) > 1:
            self.title.setText(self.tr("Selection"))
            self._show_totals()
            self.pages.setCurrentIndex(self._pages["multi"])
        else:
            kind, record_id = items[0]
            form, records, _command = self._forms[kind]
            self._shown = (kind, record_id)
            self.title.setText(self.tr("Flight") if kind == "flight" else self.tr("Campaign"))
            form.setEnabled(not self._document.read_only)
            form.load(records[record_id])
            self.pages.setCurrentIndex(self._pages[kind])

    def _show_totals(self) -> None:
        flight_ids = [i for i in self._selection.flight_ids if i in self._index.flights]
        currency = self._index.settings.currency if self._index.settings else "CNY"
        total = sum(self._index.flights[i].budget_minor for i in flight_ids)
        self.count_label.setText(flights_selected(len(flight_ids)))
        self.total_label.setText(self.tr("Total budget: {0}").format(
            format_money(total, currency)))
        self.bulk_button.setEnabled(bool(flight_ids) and not self._document.read_only)

    def _refresh(self, changes: PlanChanges) -> None:
        """Redraw when the edit touched what is shown or what its choices list."""
        if self.pages.currentIndex() == self._pages["multi"]:
            if changes.flights:
                self._show_totals()
            return
        if self._shown is None:
            return
        kind, record_id = self._shown
        form, records, _command = self._forms[kind]
        own = changes.flights if kind == "flight" else changes.campaigns
        # Campaign, channel and segment edits can rename what the combo boxes offer.
        choices = changes.campaigns or changes.channels or changes.segments
        if record_id in records and (record_id in own or choices):
            form.load(records[record_id], keep_dirty=True)

    # -- writing ---------------------------------------------------------------------------
    def _commit(self, kind: str) -> None:
        if self._shown is None or self._shown[0] != kind or self._document.read_only:
            return
        record_id = self._shown[1]
        form, records, make_command = self._forms[kind]
        if not form.revalidate():
            return
        command = make_command(self._document, record_id, form.values())
        if command is None:
            return
        form.mark_clean()
        self._document.push(command)
        # Refused edits change nothing: show the record as it is on file again.
        if self._shown == (kind, record_id) and record_id in records:
            form.load(records[record_id])


def _scrolling(form: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(form)
    return area
