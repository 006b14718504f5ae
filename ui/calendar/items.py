"""The scene's items: flight and campaign bars, baseline ghosts, event bands.

Thousands of bars share one font, one set of pens and two pre-drawn glyphs;
`paint()` fills a rectangle and draws at most one string, whose elided form is
worked out only when a bar is first painted at a new width.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ui.calendar import style

TEXT_PAD = 4.0
MIN_LABEL_WIDTH = 28.0  # narrower bars show no text at all
ALIGN = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft


class _Shared:
    """Font, metrics, pens and glyphs made once (after QApplication exists), and the
    coloured ones again when the theme changes (`forget`)."""

    _made = False

    @classmethod
    def make(cls) -> None:
        if cls._made:
            return
        cls.font = QFont()
        cls.font.setPointSizeF(8.5)
        cls.bold = QFont(cls.font)
        cls.bold.setBold(True)
        cls.metrics = QFontMetricsF(cls.font)
        cls.bold_metrics = QFontMetricsF(cls.bold)
        cls.selected_pen = QPen(style.colours().selection, 2.0)
        cls.selected_pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        cls.lock = _lock_glyph()
        cls.marker = _marker_glyph()
        cls._made = True

    @classmethod
    def forget(cls) -> None:
        """The palette changed: make pens and glyphs again on the next paint."""
        cls._made = False


def _glyph(draw: object) -> QPixmap:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw(painter)  # type: ignore[operator]
    painter.end()
    return pixmap


def _lock_glyph() -> QPixmap:
    def draw(p: QPainter) -> None:
        p.setPen(QPen(QColor("#ffffff"), 1.6))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawArc(QRectF(3.0, 1.0, 6.0, 7.0), 0, 180 * 16)
        p.drawLine(QPointF(3.0, 4.5), QPointF(3.0, 6.0))
        p.drawLine(QPointF(9.0, 4.5), QPointF(9.0, 6.0))
        p.setPen(QPen(QColor(0, 0, 0, 140), 0.8))
        p.setBrush(QColor("#ffffff"))
        p.drawRoundedRect(QRectF(1.5, 5.5, 9.0, 6.0), 1.2, 1.2)
    return _glyph(draw)


def _marker_glyph() -> QPixmap:
    def draw(p: QPainter) -> None:
        p.setPen(QPen(QColor("#ffffff"), 1.0))
        p.setBrush(style.colours().marker)
        p.drawPolygon(QPolygonF([QPointF(6.0, 0.5), QPointF(11.5, 11.0), QPointF(0.5, 11.0)]))
        p.setPen(QPen(QColor("#ffffff"), 1.6))
        p.drawLine(QPointF(6.0, 4.0), QPointF(6.0, 7.5))
        p.drawPoint(QPointF(6.0, 9.4))
    return _glyph(draw)


class BarItem(QGraphicsItem):
    """A bar for one flight (kind "flight") or one campaign's span ("campaign")."""

    def __init__(self, kind: str, item_id: str) -> None:
        super().__init__()
        _Shared.make()
        self.kind = kind
        self.item_id = item_id
        self.locked = False
        self.flagged = False
        self._width = 1.0
        self._fill = QColor(style.FALLBACK)
        self._text = QColor("#ffffff")
        self._labels: tuple[str, ...] = ()
        self._shown_for = -1.0
        self._shown = ""
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(10)

    @staticmethod
    def forget_colours() -> None:
        _Shared.forget()

    # -- what the scene sets --------------------------------------------------------
    def set_look(self, fill: str, labels: tuple[str, ...], locked: bool = False) -> None:
        """`labels` from longest to shortest: the first that fits is drawn."""
        self._fill = QColor(fill)
        self._text = style.text_on(self._fill)
        if labels != self._labels:
            self._labels = labels
            self._shown_for = -1.0
        self.locked = locked
        self.update()

    def set_flagged(self, flagged: bool) -> None:
        if flagged != self.flagged:
            self.flagged = flagged
            self.update()

    def place(self, x: float, y: float, width: float) -> None:
        if width != self._width:
            self.prepareGeometryChange()
            self._width = width
        self.setPos(x, y)

    @property
    def width(self) -> float:
        return self._width

    # -- QGraphicsItem --------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return QRectF(-1.0, -1.0, self._width + 2.0, style.BAR_HEIGHT + 2.0)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        _Shared.make()
        rect = QRectF(0.0, 0.0, self._width, style.BAR_HEIGHT)
        self._paint_body(painter, rect)
        # A bar that starts left of the viewport keeps its label (and lock) in sight.
        scene = self.scene()
        hidden = max(0.0, getattr(scene, "visible_left", 0.0) - self.x())
        left = TEXT_PAD + hidden
        if self.locked and self._width - hidden > 16:
            painter.drawPixmap(QPointF(3.0 + hidden, 3.0), _Shared.lock)
            left += 12.0
        right = self._width - TEXT_PAD
        if self.flagged:
            painter.drawPixmap(QPointF(max(self._width - 13.0, 1.0), 3.0), _Shared.marker)
            right -= 12.0
        text = self._label_for(right - left)
        if text:
            painter.setFont(self._font())
            painter.setPen(self._text_colour())
            painter.drawText(QRectF(left, 0.0, right - left, style.BAR_HEIGHT), ALIGN, text)
        if self.isSelected():
            painter.setPen(_Shared.selected_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(0.0, 0.0, -0.5, -0.5))

    def _paint_body(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, self._fill)

    def _text_colour(self) -> QColor:
        return self._text

    def _font(self) -> QFont:
        return _Shared.font

    def _metrics(self) -> QFontMetricsF:
        return _Shared.metrics

    def _label_for(self, room: float) -> str:
        if room < MIN_LABEL_WIDTH or not self._labels:
            return ""
        if room != self._shown_for:
            self._shown_for = room
            metrics = self._metrics()
            self._shown = next((t for t in self._labels if metrics.horizontalAdvance(t) <= room),
                               metrics.elidedText(self._labels[-1], Qt.TextElideMode.ElideRight,
                                                  room))
        return self._shown


class SummaryBar(BarItem):
    """A campaign from its earliest start to its latest end, drawn as a bracket so it
    reads as a span over flights rather than as a flight."""

    def __init__(self, campaign_id: str) -> None:
        super().__init__("campaign", campaign_id)
        self._light = QColor(self._fill)

    def set_look(self, fill: str, labels: tuple[str, ...], locked: bool = False) -> None:
        super().set_look(fill, labels, locked)
        self._light = QColor(self._fill)
        self._light.setAlpha(70)

    def _text_colour(self) -> QColor:
        return style.colours().header_text

    def _paint_body(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, self._light)
        painter.fillRect(QRectF(0.0, 0.0, self._width, 4.0), self._fill)
        painter.fillRect(QRectF(0.0, 0.0, 3.0, style.BAR_HEIGHT), self._fill)
        painter.fillRect(QRectF(self._width - 3.0, 0.0, 3.0, style.BAR_HEIGHT), self._fill)

    def _font(self) -> QFont:
        return _Shared.bold

    def _metrics(self) -> QFontMetricsF:
        return _Shared.bold_metrics


class GhostBar(QGraphicsItem):
    """Where a flight stood in the approved baseline: a thin dark line under its row."""

    def __init__(self, flight_id: str) -> None:
        super().__init__()
        self.flight_id = flight_id
        self._width = 1.0
        self.setZValue(5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def place(self, x: float, y: float, width: float) -> None:
        if width != self._width:
            self.prepareGeometryChange()
            self._width = width
        self.setPos(x, y)

    def boundingRect(self) -> QRectF:
        return QRectF(0.0, 0.0, self._width, style.GHOST_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.fillRect(QRectF(0.0, 0.0, self._width, style.GHOST_HEIGHT), style.colours().ghost)


class BandItem(QGraphicsItem):
    """A festival, holiday or blackout shading a column of days behind the bars."""

    def __init__(self, event_id: str, kind: str) -> None:
        super().__init__()
        self.event_id = event_id
        self.kind = kind
        self._rect = QRectF()
        self.setZValue(-10 if kind != "blackout" else 1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_rect(self, rect: QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        colours = style.colours()
        if self.kind == "blackout":
            painter.fillRect(self._rect, QBrush(colours.bands["blackout"],
                                                Qt.BrushStyle.BDiagPattern))
            painter.fillRect(self._rect, colours.blackout_tint)
        else:
            painter.fillRect(self._rect, colours.bands.get(self.kind, colours.bands["festival"]))
