"""The brand vs promotion split against the plan's range, as one gauge.

A 0–100 % brand-share scale with the allowed range as a band, the target as a
tick and the current share as a needle: "inside or outside, and by how much" is
read at a glance, and the caption says it in words for anyone who cannot see
the colours.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from ui.formatting import format_percent
from ui.models.overview import Snapshot
from ui.theme import colours

BRAND = QColor("#4e79a7")
PROMOTION = QColor("#f28e2b")
TICKS = (0.0, 0.25, 0.5, 0.75, 1.0)


class ShareGauge(QWidget):
    """Paints the scale; `share`, `low`, `high` and `target` are fractions of 1."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.share: float | None = None
        self.low, self.high, self.target = 0.35, 0.45, 0.40
        self.setMinimumHeight(56)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(320, 56)

    @property
    def in_range(self) -> bool:
        return self.share is None or self.low <= self.share <= self.high

    def set_share(self, share: float | None, low: float, high: float, target: float) -> None:
        self.share, self.low, self.high, self.target = share, low, high, target
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = painter.fontMetrics()
        margin = metrics.horizontalAdvance("100 %") / 2 + 2
        bar = QRectF(margin, 14, self.width() - 2 * margin, 16)

        def x(fraction: float) -> float:
            return bar.left() + bar.width() * min(max(fraction, 0.0), 1.0)

        # The track: brand on the left, promotion on the right of the current share.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Mid))
        painter.drawRoundedRect(bar, 4, 4)
        if self.share is not None:
            painter.setBrush(BRAND.lighter(130))
            painter.drawRoundedRect(QRectF(bar.left(), bar.top(), x(self.share) - bar.left(),
                                           bar.height()), 4, 4)
        # The allowed range as a band over the track, the target as a dashed tick.
        painter.setBrush(Qt.BrushStyle.NoBrush)
        good, bad = colours().good, colours().bad
        painter.setPen(QPen(good, 2))
        painter.drawRect(QRectF(x(self.low), bar.top() - 3, x(self.high) - x(self.low),
                                bar.height() + 6))
        painter.setPen(QPen(good.darker(130) if not colours().dark else good.lighter(130), 2,
                            Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x(self.target), bar.top() - 6),
                         QPointF(x(self.target), bar.bottom() + 6))
        # The needle: a triangle above the bar and a line through it.
        if self.share is not None:
            colour = good if self.in_range else bad
            at = x(self.share)
            painter.setPen(QPen(colour, 3))
            painter.drawLine(QPointF(at, bar.top() - 2), QPointF(at, bar.bottom() + 2))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawPolygon(QPolygonF([QPointF(at - 6, 2), QPointF(at + 6, 2),
                                           QPointF(at, bar.top() - 2)]))
        # The scale.
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        for tick in TICKS:
            text = format_percent(tick, spaced=True)
            width = metrics.horizontalAdvance(text)
            painter.drawText(QPointF(x(tick) - width / 2, bar.bottom() + 6 + metrics.ascent()),
                             text)
        painter.end()


class BrandGauge(QWidget):
    """The gauge with a caption in words, fed from the overview's snapshot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Brand vs promotion"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.gauge = ShareGauge()
        self.caption = QLabel(self.tr("No plan open"))
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.gauge)
        layout.addWidget(self.caption)

    def show_snapshot(self, snapshot: Snapshot | None) -> None:
        if snapshot is None:
            self.gauge.set_share(None, 0.35, 0.45, 0.40)
            self.caption.setText(self.tr("No plan open"))
            return
        s = snapshot.settings
        low, high = s.brand_share_min_bp / 10000, s.brand_share_max_bp / 10000
        target = s.brand_share_target_bp / 10000
        share = snapshot.brand_share
        self.gauge.set_share(share, low, high, target)
        span = self.tr("range {low:.0%}–{high:.0%}, target {target:.0%}").format(
            low=low, high=high, target=target)
        if share is None:
            self.caption.setText(self.tr("Nothing planned yet ({span}).").format(span=span))
            return
        totals = snapshot.summary["totals"]
        where = (self.tr("inside the range") if self.gauge.in_range
                 else self.tr("outside the range"))
        self.caption.setText(self.tr(
            "Brand {share:.1%} ({brand}), promotion {promotion:.1%} ({promo}): {where} "
            "({span}).").format(share=share, brand=snapshot.money(totals["brand_minor"]),
                                promotion=1 - share,
                                promo=snapshot.money(totals["promotion_minor"]),
                                where=where, span=span))
