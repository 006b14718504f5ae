"""Hints over empty views: what to do where a table, list or the calendar has nothing
to show yet.

A blank white area reads as "broken" or "still loading"; one muted sentence in
its middle says it is empty and how to fill it. `EmptyHint` lies over a widget
(over a scroll area's viewport, so headers and scroll bars stay clear), lets
every click through to it (a drag on a calendar lane still creates a flight),
and asks its `text_for` callable whenever a followed signal fires: an empty
string hides it. It paints itself in `ui.theme` colours, so it follows light
and dark.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QObject, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QWidget

from ui.models.plan_index import PlanIndex
from ui.theme import PALETTE_EVENTS, colours

MARGIN = 16  # px kept clear around the hint inside its area
PADDING = 12  # px between the hint's box and its text
MAX_WIDTH = 520  # px: a sentence, not a banner across a wide table
_TEXT_FLAGS = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
_PLACING_EVENTS = (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.Show)
_MODEL_SIGNALS = ("modelReset", "rowsInserted", "rowsRemoved", "layoutChanged")


class EmptyHint(QLabel):
    """A label (so screen readers read it) drawn as a rounded, muted box."""

    def __init__(self, area: QWidget, text_for: Callable[[], str]) -> None:
        super().__init__(area)
        self._area = area
        self._text_for = text_for
        self._surface = area.viewport() if isinstance(area, QAbstractScrollArea) else area
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self._surface.installEventFilter(self)
        self.refresh()

    def follow(self, *signals: object) -> EmptyHint:
        """Ask again whenever one of `signals` fires."""
        for signal in signals:
            signal.connect(self.refresh)  # type: ignore[attr-defined]
        return self

    def follow_model(self, model: QAbstractItemModel) -> EmptyHint:
        """Ask again whenever `model` gains, loses or re-sorts rows."""
        return self.follow(*(getattr(model, name) for name in _MODEL_SIGNALS))

    @property
    def showing(self) -> bool:
        """Shown in its area (whether or not the area itself is on screen now)."""
        return not self.isHidden()

    def refresh(self, *_args: object) -> None:
        text = self._text_for()
        if text != self.text():
            self.setText(text)
        self.setVisible(bool(text))
        if text:
            self._place()
            self.raise_()

    def _place(self) -> None:
        area = self._surface.geometry() if self._surface is not self._area else self._area.rect()
        room = area.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        width = max(min(room.width(), MAX_WIDTH), 4 * PADDING)
        text = self.fontMetrics().boundingRect(QRect(0, 0, width - 2 * PADDING, 10_000),
                                               _TEXT_FLAGS, self.text())
        box = QRect(0, 0, min(width, text.width() + 2 * PADDING), text.height() + 2 * PADDING)
        box.moveCenter(area.center())
        self.setGeometry(box)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._surface and event.type() in _PLACING_EVENTS and not self.isHidden():
            self._place()
        return False

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in PALETTE_EVENTS:
            self.update()
        elif event.type() == QEvent.Type.FontChange and not self.isHidden():
            self._place()

    def paintEvent(self, event: QPaintEvent) -> None:
        scheme = colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(scheme.hint_surface)
        painter.drawRoundedRect(self.rect(), 8, 8)
        painter.setPen(scheme.hint_text)
        painter.drawText(self.rect().adjusted(PADDING, PADDING, -PADDING, -PADDING), _TEXT_FLAGS,
                         self.text())


def calendar_hint(view: QAbstractScrollArea, index: PlanIndex) -> EmptyHint:
    """The calendar's hint while an open plan has no flights: the next step it lacks
    (a channel to make lanes, a campaign to own flights, or just a drag)."""

    def text() -> str:
        if not index.is_open or index.flights:
            return ""
        if not index.channels:
            return QCoreApplication.translate(
                "EmptyHint", "No channels yet, so the calendar has no lanes. Add channels in "
                "File ▸ Plan Settings…, or use File ▸ Import ▸ Flights and campaigns… to "
                "bring in a plan from Excel.")
        if not index.campaigns:
            return QCoreApplication.translate(
                "EmptyHint", "No campaigns yet. Create one with Edit ▸ New Campaign…, then "
                "drag along a lane to give it a flight; or use File ▸ Import ▸ Flights and "
                "campaigns… to bring in a plan from Excel.")
        return QCoreApplication.translate(
            "EmptyHint", "No flights yet. Drag along a lane to create one, or use File ▸ "
            "Import ▸ Flights and campaigns… to bring in a plan from Excel.")

    return EmptyHint(view, text).follow(index.reset, index.changed)
