"""Small display widgets for headline numbers: a figure card and a brand-share bar.

Kept apart from the summary panel so later tabs (Budget, Performance) can show
their headline numbers the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ui.formatting import format_percent
from ui.theme import colours


class FigureCard(QFrame):
    """A caption, one large value and a note under it."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Preferred, not Fixed, vertically: cards in one row share the tallest one's height.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        self.caption = QLabel(caption)
        self.value = QLabel("—")
        self.note = QLabel("")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for small in (self.caption, self.note):
            small.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.note)
        layout.addStretch(1)  # top-aligned, so captions line up across a row of cards

    def add_widget(self, widget: QWidget) -> None:
        """Something drawn under the note (a bar, a sparkline)."""
        layout = self.layout()
        layout.insertWidget(layout.count() - 1, widget)  # type: ignore[attr-defined]

    def set(self, value: str, note: str = "", colour: QColor | None = None) -> None:
        self.value.setText(value)
        self.note.setText(note)
        self.value.setStyleSheet(f"color: {colour.name()};" if colour is not None else "")


class ShareBar(QWidget):
    """0–100 % with the plan's allowed range shaded and the current share marked,
    so "inside or outside the range, and by how much" is seen at a glance."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._low = 0.35
        self._high = 0.45
        self._value: float | None = None
        self.setMinimumHeight(14)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(160, 14)

    def set_share(self, value: float | None, low: float, high: float) -> None:
        self._value, self._low, self._high = value, low, high
        tip = self.tr("Brand share range {low}–{high}").format(low=format_percent(low),
                                                               high=format_percent(high))
        if value is not None:
            tip = self.tr("{range}; now {value}").format(range=tip, value=format_percent(value, 1))
        self.setToolTip(tip)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 3, -1, -3)
        palette = self.palette()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Mid))
        painter.drawRoundedRect(rect, 3, 3)
        band = QRectF(rect.left() + rect.width() * self._low, rect.top(),
                      rect.width() * (self._high - self._low), rect.height())
        good, bad = colours().good, colours().bad
        painter.setBrush(good.lighter(150) if not colours().dark else good.darker(150))
        painter.drawRect(band)
        if self._value is not None:
            x = rect.left() + rect.width() * min(max(self._value, 0.0), 1.0)
            inside = self._low <= self._value <= self._high
            painter.setPen(QPen(good if inside else bad, 3))
            painter.drawLine(round(x), self.rect().top(), round(x), self.rect().bottom())
        painter.end()
