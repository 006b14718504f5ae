"""The plan at a glance: name and horizon, budget against planned, committed and
actual money, brand share against its range, and where the money goes by
channel, objective and segment tier.

It reads only the overview's `Snapshot`, so it redraws after any edit without
touching the plan file itself.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.formatting import format_percent
from ui.models.channel_totals import (
    OBJECTIVE_LABELS,
    TIER_LABELS,
    BreakdownModel,
    ChannelTotalsModel,
)
from ui.models.overview import PlanOverview, Snapshot
from ui.panels.figures import FigureCard, ShareBar
from ui.theme import colours

CALENDAR_NAMES = {"iso": QT_TRANSLATE_NOOP("SummaryPanel", "ISO weeks"),
                  "fiscal": QT_TRANSLATE_NOOP("SummaryPanel", "fiscal calendar"),
                  "broadcast": QT_TRANSLATE_NOOP("SummaryPanel", "broadcast calendar"),
                  "retail_445": QT_TRANSLATE_NOOP("SummaryPanel", "4-4-5 retail calendar")}
# (key in the summary's counts, one, several): English needs both forms.
COUNT_WORDS = (
    ("channels", QT_TRANSLATE_NOOP("SummaryPanel", "1 channel"),
     QT_TRANSLATE_NOOP("SummaryPanel", "{0} channels")),
    ("segments", QT_TRANSLATE_NOOP("SummaryPanel", "1 segment"),
     QT_TRANSLATE_NOOP("SummaryPanel", "{0} segments")),
    ("campaigns", QT_TRANSLATE_NOOP("SummaryPanel", "1 campaign"),
     QT_TRANSLATE_NOOP("SummaryPanel", "{0} campaigns")),
    ("flights", QT_TRANSLATE_NOOP("SummaryPanel", "1 flight"),
     QT_TRANSLATE_NOOP("SummaryPanel", "{0} flights")),
    ("events", QT_TRANSLATE_NOOP("SummaryPanel", "1 event"),
     QT_TRANSLATE_NOOP("SummaryPanel", "{0} events")),
)


def _table(model: BreakdownModel | ChannelTotalsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    # Not in the tab chain: a read-only table with focus looks like a selected row.
    view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)
    return view


def _fit_rows(view: QTableView) -> None:
    """A short breakdown (three objectives, four tiers) takes only the room it needs."""
    rows = max(view.model().rowCount(), 1)
    height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
    height += rows * view.verticalHeader().defaultSectionSize()
    view.setFixedHeight(height)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class SummaryPanel(QWidget):
    def __init__(self, overview: PlanOverview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.channel_model = ChannelTotalsModel(self)
        self.objective_model = BreakdownModel(
            "by_objective", QT_TRANSLATE_NOOP("ChannelTotals", "Objective"), OBJECTIVE_LABELS, self)
        self.tier_model = BreakdownModel(
            "by_tier", QT_TRANSLATE_NOOP("ChannelTotals", "Segment tier"), TIER_LABELS, self)
        self._build()
        overview.updated.connect(self.show_snapshot)
        if overview.snapshot is not None:
            self.show_snapshot(overview.snapshot)

    def _build(self) -> None:
        self.name_label = QLabel()
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setWeight(QFont.Weight.DemiBold)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)

        self.budget_card = FigureCard(self.tr("Budget"))
        self.planned_card = FigureCard(self.tr("Planned"))
        self.committed_card = FigureCard(self.tr("Committed"))
        self.actual_card = FigureCard(self.tr("Actual spend"))
        self.brand_card = FigureCard(self.tr("Brand share"))
        self.share_bar = ShareBar()
        self.brand_card.add_widget(self.share_bar)
        cards = QHBoxLayout()
        for card in (self.budget_card, self.planned_card, self.committed_card,
                     self.actual_card, self.brand_card):
            cards.addWidget(card)

        self.channel_view = _table(self.channel_model)
        self.objective_view = _table(self.objective_model)
        self.tier_view = _table(self.tier_model)
        self.channel_view.setAccessibleName(self.tr("Planned by channel"))
        self.objective_view.setAccessibleName(self.tr("Planned by objective"))
        self.tier_view.setAccessibleName(self.tr("Planned by segment tier"))
        tables = QGridLayout()
        tables.addWidget(_heading(self.tr("Planned by channel")), 0, 0)
        tables.addWidget(self.channel_view, 1, 0, 4, 1)
        tables.addWidget(_heading(self.tr("By objective")), 0, 1)
        tables.addWidget(self.objective_view, 1, 1)
        tables.addWidget(_heading(self.tr("By segment tier")), 2, 1)
        tables.addWidget(self.tier_view, 3, 1)
        tables.setRowStretch(4, 1)
        tables.setColumnStretch(0, 3)
        tables.setColumnStretch(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.name_label)
        layout.addWidget(self.detail_label)
        layout.addSpacing(6)
        layout.addLayout(cards)
        layout.addSpacing(6)
        layout.addLayout(tables, 1)

    def show_snapshot(self, snapshot: Snapshot | None) -> None:
        if snapshot is None:
            return
        summary, settings = snapshot.summary, snapshot.settings
        totals = summary["totals"]
        self.name_label.setText(summary["name"])
        self.detail_label.setText(self._details(snapshot))

        budget, planned = totals["budget_minor"], totals["planned_minor"]
        over = budget and totals["allocated_minor"] > budget
        self.budget_card.set(snapshot.money(budget),
                             self.tr("not set") if not budget else
                             self.tr("%1 still free").replace(
                                 "%1", snapshot.money(max(budget - totals["allocated_minor"], 0))))
        note = _percent_of(planned, budget, self.tr("{0} of budget"))
        if totals["placeholder_minor"]:
            note += self.tr(" · %1 reserved").replace(
                "%1", snapshot.money(totals["placeholder_minor"]))
        self.planned_card.set(snapshot.money(planned), note.lstrip(" ·"),
                              colours().bad if over else None)
        self.committed_card.set(snapshot.money(totals["committed_minor"]),
                                _percent_of(totals["committed_minor"], planned,
                                            self.tr("{0} of planned")))
        self.actual_card.set(snapshot.money(totals["actual_minor"]),
                             _percent_of(totals["actual_minor"], planned,
                                         self.tr("{0} of planned")))

        share = snapshot.brand_share
        low, high = settings.brand_share_min_bp / 10000, settings.brand_share_max_bp / 10000
        self.brand_card.set("—" if share is None else format_percent(share, spaced=True),
                            self.tr("range %1").replace("%1", summary["brand_share_range"]),
                            None if share is None else
                            (colours().good if snapshot.brand_in_range else colours().bad))
        self.share_bar.set_share(share, low, high)

        self.channel_model.set_summary(summary)
        self.objective_model.set_summary(summary)
        self.tier_model.set_summary(summary)
        for view in (self.objective_view, self.tier_view):
            _fit_rows(view)

    def _details(self, snapshot: Snapshot) -> str:
        s, counts = snapshot.settings, snapshot.summary["counts"]
        locale = QLocale()
        start = locale.toString(QDate(s.horizon_start), self.tr("d MMM yyyy", "date format"))
        end = locale.toString(QDate(s.horizon_end), self.tr("d MMM yyyy", "date format"))
        kind = snapshot.summary["calendar"]
        calendar = self.tr(CALENDAR_NAMES[kind]) if kind in CALENDAR_NAMES else kind
        parts = [f"{start} – {end}", calendar, s.currency]
        parts += [self.tr(one) if counts[k] == 1 else self.tr(several).format(counts[k])
                  for k, one, several in COUNT_WORDS]
        if snapshot.read_only:
            parts.append(self.tr("read-only"))
        return " · ".join(parts)


def _percent_of(part: int, whole: int, template: str) -> str:
    """`template` ("{0} of budget") filled with the percentage; empty without a whole."""
    return template.format(format_percent(part / whole)) if whole else ""
