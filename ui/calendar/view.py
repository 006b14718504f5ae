"""The campaign calendar: swimlanes of flight bars over a zoomable time axis.

The view owns what is purely visual (zoom, scrolling, the fixed headers) and
hands gestures to `Gestures`, which turn them into planner commands. It listens
to the plan index (redraw what changed) and to the shared selection (both ways).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QCursor, QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QToolTip, QWidget

from planner.services.health import Finding
from ui.calendar import style
from ui.calendar.geometry import ZOOMS, zoom_named
from ui.calendar.header import LaneHeader, TimeHeader
from ui.calendar.interactions import Gestures
from ui.calendar.items import BarItem
from ui.calendar.lanes import LANE_MODES
from ui.calendar.scene import CalendarScene
from ui.calendar.scrolling import Wheel
from ui.calendar.style import COLOUR_MODES
from ui.calendar.tooltips import Tooltips
from ui.document import PlanDocument
from ui.empty_state import calendar_hint
from ui.models.plan_index import PlanIndex
from ui.selection import Selection
from ui.theme import PALETTE_EVENTS

FLAGGING_RULES = ("overlapping_flights", "flight_in_blackout")


class CalendarView(QGraphicsView):
    edit_requested = Signal(str, str)  # kind ("flight" | "campaign"), id
    create_requested = Signal(str, str, object, object)  # lane kind, lane id, start, end
    context_menu_requested = Signal(object, object)  # global QPoint, date or None
    zoom_changed = Signal(str)

    ZOOMS = ZOOMS

    def __init__(self, document: PlanDocument, index: PlanIndex, selection: Selection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.index = index
        self.selection = selection
        self.calendar_scene = CalendarScene(index, self)
        self.setScene(self.calendar_scene)
        self._current: tuple[str, str] | None = None
        self._syncing = False
        self._gestures = Gestures(self)
        self._tooltips = Tooltips(index, self.calendar_scene, self)
        self._tune()
        self.setAccessibleName(self.tr("Campaign calendar"))

        offset = self._scene_origin
        self._time_header = TimeHeader(self.calendar_scene, offset, style.LANE_HEADER_WIDTH, self)
        self._lane_header = LaneHeader(self.calendar_scene, offset, self)
        self._lane_header.toggled.connect(self.calendar_scene.toggle_lane)
        self._update_margins()
        self._wheel = Wheel(self, lambda step, anchor: (
            self.zoom_in if step > 0 else self.zoom_out)(anchor=anchor))
        self.horizontalScrollBar().valueChanged.connect(self._scrolled_x)
        self.verticalScrollBar().valueChanged.connect(self._lane_header.update)
        self.calendar_scene.relaid.connect(self._relaid)
        self.calendar_scene.selectionChanged.connect(self._scene_selection_changed)
        index.reset.connect(self._rebuild)
        index.changed.connect(self._plan_changed)
        selection.changed.connect(self._selection_changed)
        self._set_corner_title()
        self.empty_hint = calendar_hint(self, index)
        self._rebuild()

    def _tune(self) -> None:
        """Many small opaque items, scrolled more than redrawn: keep each frame cheap."""
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlags(QGraphicsView.OptimizationFlag.DontSavePainterState
                                  | QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)

    # -- public API ---------------------------------------------------------------------
    @property
    def zoom(self) -> str:
        return self.calendar_scene.scale.zoom.name

    @property
    def read_only(self) -> bool:
        return not self.document.is_open or self.document.read_only

    def set_zoom(self, name: str, anchor: QPoint | None = None) -> None:
        """Keep the date under `anchor` (viewport px; default the centre) where it is."""
        zoom = zoom_named(name)
        if zoom.name == self.zoom:
            return
        anchor = anchor if anchor is not None else self.viewport().rect().center()
        days = self.calendar_scene.scale.days_at(self.mapToScene(anchor).x())
        self._wheel.x.stop()
        self.calendar_scene.set_zoom(zoom)
        self._follow_scene_rect()
        self._put_x(days * zoom.px_per_day, anchor.x())
        self._time_header.update()
        self.zoom_changed.emit(zoom.name)

    def zoom_in(self, *, anchor: QPoint | None = None) -> None:
        """Keyword-only `anchor`: a QAction's `triggered(checked)` must not land in it."""
        i = ZOOMS.index(self.zoom)
        if i > 0:
            self.set_zoom(ZOOMS[i - 1], anchor)

    def zoom_out(self, *, anchor: QPoint | None = None) -> None:
        i = ZOOMS.index(self.zoom)
        if i < len(ZOOMS) - 1:
            self.set_zoom(ZOOMS[i + 1], anchor)

    def set_lanes(self, mode: str) -> None:
        if mode not in LANE_MODES:
            raise ValueError(f"unknown lane mode {mode!r}")
        if mode != self.calendar_scene.lane_mode:
            self.calendar_scene.set_lane_mode(mode)
            self._set_corner_title()

    @property
    def lanes(self) -> str:
        return self.calendar_scene.lane_mode

    def set_colour_by(self, mode: str) -> None:
        if mode not in COLOUR_MODES:
            raise ValueError(f"unknown colour mode {mode!r}")
        self.calendar_scene.set_colour_mode(mode)

    def set_show_festivals(self, on: bool) -> None:
        self.calendar_scene.set_show_festivals(on)
        self._time_header.show_events = on
        self._update_margins()

    def set_show_baseline(self, on: bool) -> None:
        self.calendar_scene.set_show_baseline(on)

    def set_findings(self, findings: Iterable[Finding]) -> None:
        """Mark the bars a health finding is about: overlaps, blackout hits, and every
        flight of a channel over its cap."""
        flagged: set[str] = set()
        capped: set[str] = set()
        for finding in findings:
            if finding.rule in FLAGGING_RULES:
                flagged.update(finding.object_ids)
            elif finding.rule == "channel_over_cap":
                capped.update(finding.object_ids)
        flagged.update(f.id for f in self.index.flights.values() if f.channel_id in capped)
        self.calendar_scene.set_flagged(flagged & self.index.flights.keys())

    def scroll_to_date(self, day: dt.date) -> None:
        """Bring `day` to a third of the way across the viewport."""
        self._wheel.x.stop()
        self._put_x(self.calendar_scene.scale.x_of(day), self.viewport().width() / 3)

    def reveal_flight(self, flight_id: str) -> None:
        scene = self.calendar_scene
        flight = self.index.flights.get(flight_id)
        if flight is None:
            return
        if scene.lane_mode == "campaign" and flight.campaign_id not in scene.expanded:
            scene.toggle_lane(flight.campaign_id)
        bar = scene.bars.get(flight_id)
        if bar is not None and bar.isVisible():
            self._wheel.stop()
            self.ensureVisible(bar, 60, 40)

    def date_at(self, pos: QPoint) -> dt.date | None:
        scene = self.calendar_scene
        x = self.mapToScene(pos).x()
        if scene.layout is None or not 0 <= x < scene.scale.width:
            return None
        return scene.scale.date_at(x)

    def pointer_date(self) -> dt.date | None:
        """The date under the mouse pointer when it is over the calendar (paste there)."""
        pos = self.viewport().mapFromGlobal(QCursor.pos())
        return self.date_at(pos) if self.viewport().rect().contains(pos) else None

    def note_current(self, bar: BarItem) -> None:
        """The bar last clicked becomes the selection's current item."""
        self._current = (bar.kind, bar.item_id)
        self._scene_selection_changed()

    # -- scrolling and layout ----------------------------------------------------------
    def _scene_origin(self) -> QPointF:
        return QPointF(self.mapFromScene(QPointF(0.0, 0.0)))

    def _put_x(self, scene_x: float, viewport_x: float) -> None:
        bar = self.horizontalScrollBar()
        bar.setValue(round(bar.value() + scene_x - self.mapToScene(
            QPoint(round(viewport_x), 0)).x()))

    def _scrolled_x(self) -> None:
        top_left = self.mapToScene(QPoint(0, 0))
        self.calendar_scene.set_visible_left(max(top_left.x(), 0.0), top_left.y(),
                                             float(self.viewport().height()))
        self._time_header.update()

    def _follow_scene_rect(self) -> None:
        """Scroll ranges follow the scene at once, not at the next event loop turn."""
        self.setSceneRect(self.calendar_scene.sceneRect())

    def _update_margins(self) -> None:
        top = self._time_header.preferred_height()
        self.setViewportMargins(style.LANE_HEADER_WIDTH, top, 0, 0)
        self._place_headers()

    def _place_headers(self) -> None:
        area = self.viewport().geometry()
        top = self._time_header.preferred_height()
        self._time_header.setGeometry(area.left() - style.LANE_HEADER_WIDTH, area.top() - top,
                                      area.width() + style.LANE_HEADER_WIDTH, top)
        self._lane_header.setGeometry(area.left() - style.LANE_HEADER_WIDTH, area.top(),
                                      style.LANE_HEADER_WIDTH, area.height())
        self._time_header.update()
        self._lane_header.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_headers()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in PALETTE_EVENTS:  # light or dark: repaint all of it
            self.calendar_scene.follow_palette()
            self.resetCachedContent()
            self.viewport().update()
            self._time_header.update()
            self._lane_header.update()

    def _relaid(self) -> None:
        self._follow_scene_rect()
        self.resetCachedContent()
        self._lane_header.update()
        self._time_header.update()

    def _set_corner_title(self) -> None:
        titles = {"channel": self.tr("Channel"), "campaign": self.tr("Campaign"),
                  "segment": self.tr("Segment")}
        self._time_header.corner_title = titles[self.calendar_scene.lane_mode]
        self._time_header.update()

    # -- the plan and the selection ------------------------------------------------------
    def _rebuild(self) -> None:
        self._gestures.cancel()
        first_open = self.calendar_scene.layout is None
        self._syncing = True
        try:
            self.calendar_scene.rebuild()
        finally:
            self._syncing = False
        self._selection_changed(None)
        if first_open and self.index.is_open:
            self.scroll_to_date(dt.date.today())

    def _plan_changed(self, changes: object) -> None:
        self._gestures.cancel()
        self._syncing = True
        try:
            self.calendar_scene.apply(changes)  # type: ignore[arg-type]
        finally:
            self._syncing = False
        self._selection_changed(None)

    def _scene_selection_changed(self) -> None:
        if self._syncing:
            return
        chosen = [(b.kind, b.item_id) for b in self.calendar_scene.selectedItems()
                  if isinstance(b, BarItem)]
        if self._current in chosen:
            chosen.remove(self._current)
            chosen.append(self._current)
        self.selection.select(chosen, self)

    def _selection_changed(self, source: object) -> None:
        if source is self:
            return
        scene = self.calendar_scene
        wanted = set(self.selection.items)
        self._syncing = True
        try:
            for item in scene.selectedItems():
                if isinstance(item, BarItem) and (item.kind, item.item_id) not in wanted:
                    item.setSelected(False)
            tables = {"flight": scene.bars, "campaign": scene.summaries}
            for kind, item_id in wanted:
                bar = tables[kind].get(item_id)
                if bar is not None:
                    bar.setSelected(True)
        finally:
            self._syncing = False
        self._current = self.selection.current

    # -- events ----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() == Qt.MouseButton.RightButton:
            self._context_menu(event)
            return
        if event.button() == Qt.MouseButton.LeftButton and self._gestures.press(
                event.position(), event.modifiers()):
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._gestures.active:
            self._gestures.move(event.position())
            event.accept()
            return
        self._set_cursor(event.position())
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._gestures.active and event.button() == Qt.MouseButton.LeftButton:
            self._gestures.release(event.position(), event.modifiers())
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        bar = self.calendar_scene.bar_at(self.mapToScene(event.position().toPoint()))
        if bar is not None and event.button() == Qt.MouseButton.LeftButton:
            self.edit_requested.emit(bar.kind, bar.item_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def _context_menu(self, event: QMouseEvent) -> None:
        scene = self.calendar_scene
        bar = scene.bar_at(self.mapToScene(event.position().toPoint()))
        if bar is not None and not bar.isSelected():
            scene.clearSelection()
            bar.setSelected(True)
        if bar is not None:
            self.note_current(bar)
        self.context_menu_requested.emit(event.globalPosition().toPoint(),
                                         self.date_at(event.position().toPoint()))
        event.accept()

    def _set_cursor(self, pos: QPointF) -> None:
        """Resize arrows over a bar's ends, a hand over a draggable bar."""
        at = self.mapToScene(pos.toPoint())
        bar = self.calendar_scene.bar_at(at)
        shape = Qt.CursorShape.ArrowCursor
        if bar is not None and not bar.locked and not self.read_only:
            local = bar.mapFromScene(at).x()
            grip = style.EDGE_GRIP if bar.width > 3 * style.EDGE_GRIP else 0
            near_edge = grip and (local <= grip or local >= bar.width - grip)
            shape = Qt.CursorShape.SizeHorCursor if bar.kind == "flight" and near_edge \
                else Qt.CursorShape.OpenHandCursor
        self.viewport().setCursor(shape)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._wheel.handle(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if control and key in (Qt.Key.Key_Equal, Qt.Key.Key_Plus):
            self.zoom_in()
        elif control and key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and not control:
            self._gestures.nudge(-1 if key == Qt.Key.Key_Left else 1)
        elif key == Qt.Key.Key_Escape and self._gestures.active:
            self._gestures.cancel()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()  # type: ignore[attr-defined]
            bar = self.calendar_scene.bar_at(self.mapToScene(pos))
            if bar is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(),  # type: ignore[attr-defined]
                                  self._tooltips.text(bar), self.viewport())
            return True
        return super().viewportEvent(event)
