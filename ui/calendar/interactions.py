"""Mouse and keyboard gestures on the calendar, each ending in at most one command.

While a gesture runs only the items move (a preview); the plan file is written
once, on release, by one `ServiceCommand`, so a drag is one undo step however
far the mouse went. A gesture that changed nothing pushes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QApplication, QGraphicsRectItem

from planner.domain.entities import DateSpan
from planner.services.campaigns import move_campaign
from planner.services.flight_edits import copy_flights, move_flights
from planner.services.flights import resize_flight
from ui.calendar import style
from ui.calendar.items import BarItem
from ui.calendar.lanes import Lane
from ui.commands.base import ServiceCommand

if TYPE_CHECKING:
    from ui.calendar.view import CalendarView

DAY = dt.timedelta(days=1)


@dataclasses.dataclass
class _Gesture:
    kind: str  # "move" | "copy" | "resize-left" | "resize-right" | "create"
    press: QPointF  # scene position of the press
    bar: BarItem | None = None
    items: list[BarItem] = dataclasses.field(default_factory=list)
    origins: list[QPointF] = dataclasses.field(default_factory=list)
    lane: Lane | None = None
    width: float = 0.0  # a resized bar's width at the press
    started: bool = False  # moved past the drag distance
    days: int = 0
    target: Lane | None = None
    preview: list[QGraphicsRectItem] = dataclasses.field(default_factory=list)


class Gestures(QObject):
    """Turns presses, moves and releases on the view's viewport into edits."""

    def __init__(self, view: CalendarView) -> None:
        super().__init__(view)
        self._view = view
        self._gesture: _Gesture | None = None

    @property
    def active(self) -> bool:
        return self._gesture is not None

    # -- press --------------------------------------------------------------------------
    def press(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> bool:
        """True when the press starts a gesture of ours (the view's rubber band otherwise)."""
        view = self._view
        scene = view.calendar_scene
        at = view.mapToScene(pos.toPoint())
        bar = scene.bar_at(at)
        control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        copying = bool(modifiers & Qt.KeyboardModifier.AltModifier)
        if bar is None:
            if control or modifiers & Qt.KeyboardModifier.ShiftModifier:
                return False  # rubber band
            lane = scene.layout.lane_at(at.y()) if scene.layout else None
            self._gesture = _Gesture("create", at, lane=lane)
            return True
        if control:
            bar.setSelected(not bar.isSelected())
            view.note_current(bar)
            return True
        if not bar.isSelected():
            scene.clearSelection()
            bar.setSelected(True)
        view.note_current(bar)
        if view.read_only:
            return True
        local = bar.mapFromScene(at).x()
        edge = style.EDGE_GRIP if bar.width > 3 * style.EDGE_GRIP else 0
        resizable = bar.kind == "flight" and not copying and not bar.locked and edge
        if resizable and (local <= edge or local >= bar.width - edge):
            kind = "resize-left" if local <= edge else "resize-right"
            self._gesture = _Gesture(kind, at, bar=bar, items=[bar], origins=[bar.pos()],
                                     width=bar.width)
            return True
        if bar.kind == "campaign":
            items = [bar]
        else:
            items = [b for b in scene.selectedItems()
                     if isinstance(b, BarItem) and b.kind == "flight"
                     and (copying or not b.locked)]
        if bar not in items:
            return True  # a locked bar: selected, never dragged
        lane = scene.layout.lane_at(at.y()) if scene.layout else None
        self._gesture = _Gesture("copy" if copying else "move", at, bar=bar, items=items,
                                 origins=[b.pos() for b in items], lane=lane, target=lane)
        return True

    # -- move -----------------------------------------------------------------------------
    def move(self, pos: QPointF) -> None:
        gesture = self._gesture
        if gesture is None:
            return
        view = self._view
        scene = view.calendar_scene
        at = view.mapToScene(pos.toPoint())
        if not gesture.started:
            distance = (view.mapFromScene(at) - view.mapFromScene(gesture.press)).manhattanLength()
            if distance < QApplication.startDragDistance():
                return
            gesture.started = True
            if gesture.kind == "copy":
                gesture.preview = [self._outline(b) for b in gesture.items]
        gesture.days = scene.scale.snapped_days(at.x() - gesture.press.x())
        dx = gesture.days * scene.scale.px_per_day
        if gesture.kind == "create":
            self._preview_create(gesture, at)
        elif gesture.kind.startswith("resize"):
            self._preview_resize(gesture, dx)
        else:
            gesture.target = self._target_lane(gesture, at)
            dy = gesture.target.top - gesture.lane.top \
                if gesture.target is not None and gesture.lane is not None else 0.0
            moving = gesture.preview or gesture.items
            for item, origin in zip(moving, gesture.origins, strict=True):
                item.setPos(origin + QPointF(dx, dy))

    def _target_lane(self, gesture: _Gesture, at: QPointF) -> Lane | None:
        """In channel lanes a vertical drag puts the flights on another channel."""
        scene = self._view.calendar_scene
        if scene.lane_mode != "channel" or gesture.bar is None or gesture.bar.kind != "flight":
            return gesture.lane
        return scene.layout.lane_at(at.y()) or gesture.lane

    def _outline(self, bar: BarItem) -> QGraphicsRectItem:
        item = QGraphicsRectItem(QRectF(0, 0, bar.width, style.BAR_HEIGHT))
        item.setPen(QPen(style.colours().selection, 1.5, Qt.PenStyle.DashLine))
        fill = QColor(style.colours().selection)
        fill.setAlpha(40)
        item.setBrush(fill)
        item.setZValue(20)
        item.setPos(bar.pos())
        self._view.calendar_scene.addItem(item)
        return item

    def _preview_resize(self, gesture: _Gesture, dx: float) -> None:
        bar = gesture.bar
        assert bar is not None
        origin, width = gesture.origins[0], gesture.width
        px = self._view.calendar_scene.scale.px_per_day
        if gesture.kind == "resize-left":
            dx = min(dx, width - px)
            bar.place(origin.x() + dx, origin.y(), width - dx)
        else:
            bar.place(origin.x(), origin.y(), max(width + dx, px))

    def _preview_create(self, gesture: _Gesture, at: QPointF) -> None:
        if gesture.lane is None:
            return
        scene = self._view.calendar_scene
        first, last = sorted((scene.scale.date_at(gesture.press.x()), scene.scale.date_at(at.x())))
        x, width = scene.span_rect(first, last)
        rect = QRectF(x, gesture.lane.top + style.LANE_PAD + style.BAR_TOP, width,
                      style.BAR_HEIGHT)
        if not gesture.preview:
            outline = QGraphicsRectItem(rect)
            outline.setPen(QPen(style.colours().selection, 1.5, Qt.PenStyle.DashLine))
            outline.setZValue(20)
            scene.addItem(outline)
            gesture.preview = [outline]
        gesture.preview[0].setRect(rect)

    # -- release ----------------------------------------------------------------------------
    def release(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        gesture, self._gesture = self._gesture, None
        if gesture is None:
            return
        view = self._view
        scene = view.calendar_scene
        for item in gesture.preview:
            scene.removeItem(item)
        if gesture.kind == "create":
            self._finish_create(gesture, view.mapToScene(pos.toPoint()))
            return
        if not gesture.started:
            if gesture.bar is not None and not modifiers & Qt.KeyboardModifier.ControlModifier:
                self._select_only(gesture.bar)  # a click on one bar of a selection
            return
        # Back where they were: the plan change (or a refusal) decides where they go.
        self._restore(gesture)
        if gesture.kind.startswith("resize"):
            self._finish_resize(gesture)
            return
        channel = None
        if gesture.target is not None and gesture.target is not gesture.lane:
            channel = gesture.target.id
        if gesture.kind == "copy" or modifiers & Qt.KeyboardModifier.AltModifier:
            self._copy(gesture, channel)
        elif gesture.days or channel is not None:
            self._move(gesture, channel)

    def _select_only(self, bar: BarItem) -> None:
        scene = self._view.calendar_scene
        for other in scene.selectedItems():
            if other is not bar:
                other.setSelected(False)

    def _finish_create(self, gesture: _Gesture, at: QPointF) -> None:
        view = self._view
        if not gesture.started or gesture.lane is None:
            view.calendar_scene.clearSelection()
            return
        scale = view.calendar_scene.scale
        first, last = sorted((scale.date_at(gesture.press.x()), scale.date_at(at.x())))
        view.create_requested.emit(gesture.lane.kind, gesture.lane.id, first, last)

    def _finish_resize(self, gesture: _Gesture) -> None:
        assert gesture.bar is not None
        view = self._view
        flight = view.index.flights[gesture.bar.item_id]
        delta = dt.timedelta(days=gesture.days)
        if gesture.kind == "resize-left":
            span = DateSpan(min(flight.start + delta, flight.end), flight.end)
        else:
            span = DateSpan(flight.start, max(flight.end + delta, flight.start))
        if span != flight.span:
            view.document.push(ServiceCommand(view.document, view.tr("Resize flight"),
                                              resize_flight, flight.id, span))

    def _move(self, gesture: _Gesture, channel: str | None) -> None:
        view = self._view
        if gesture.bar is not None and gesture.bar.kind == "campaign":
            view.document.push(ServiceCommand(view.document, view.tr("Move campaign"),
                                              move_campaign, gesture.bar.item_id, gesture.days))
            return
        ids = [b.item_id for b in gesture.items]
        text = view.tr("Move flight") if len(ids) == 1 else view.tr("Move flights")
        view.document.push(ServiceCommand(view.document, text, move_flights, ids, gesture.days,
                                          channel_id=channel))

    def _copy(self, gesture: _Gesture, channel: str | None) -> None:
        view = self._view
        ids = [b.item_id for b in gesture.items if b.kind == "flight"]
        if not ids:
            return
        text = view.tr("Copy flight") if len(ids) == 1 else view.tr("Copy flights")
        command = ServiceCommand(view.document, text, copy_flights, ids, gesture.days,
                                 channel_id=channel)
        view.document.push(command)
        if command.created_ids:  # the planner now holds the copies, ready to drag on
            view.selection.select_flights(command.created_ids, None)

    def cancel(self) -> None:
        """Escape or a plan change mid-drag: put the preview back, push nothing."""
        gesture, self._gesture = self._gesture, None
        if gesture is None:
            return
        scene = self._view.calendar_scene
        for item in gesture.preview:
            scene.removeItem(item)
        self._restore(gesture)

    @staticmethod
    def _restore(gesture: _Gesture) -> None:
        for item, origin in zip(gesture.items, gesture.origins, strict=True):
            if gesture.kind.startswith("resize"):
                item.place(origin.x(), origin.y(), gesture.width)
            else:
                item.setPos(origin)

    # -- keyboard -------------------------------------------------------------------------
    def nudge(self, steps: int) -> None:
        """Arrow keys: the selected unlocked flights one snap step earlier or later."""
        view = self._view
        ids = [i for i in view.selection.flight_ids
               if i in view.index.flights and not view.index.flights[i].committed]
        if not ids or view.read_only:
            return
        days = steps * view.calendar_scene.scale.zoom.snap_days
        text = view.tr("Move flight") if len(ids) == 1 else view.tr("Move flights")
        view.document.push(ServiceCommand(view.document, text, move_flights, ids, days))
