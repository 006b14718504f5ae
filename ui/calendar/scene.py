"""The calendar's scene: lanes, bars, ghosts and bands built from the plan index.

A plan change touches only its items: an edited flight is restyled and placed
again, with the bars of the lanes below when its lane grew or shrank. Zooming
places every item at its new x; nothing is rebuilt.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsScene

from planner.domain.changes import PlanChanges
from planner.domain.entities import Event, Flight
from ui.calendar import style
from ui.calendar.background import paint_background
from ui.calendar.geometry import DAY, TimeScale, Zoom, span_of, zoom_named
from ui.calendar.items import BandItem, BarItem, GhostBar, SummaryBar
from ui.calendar.lanes import LaneLayout, Relaid
from ui.formatting import format_money
from ui.models.plan_index import PlanIndex

BAND_KINDS = ("festival", "holiday", "blackout")
GHOST_OFFSET = style.BAR_TOP + style.BAR_HEIGHT + 1.0  # the ghost's top in its row


class CalendarScene(QGraphicsScene):
    """`relaid` after lanes moved or the scene was rebuilt (the lane header repaints)."""

    relaid = Signal()

    def __init__(self, index: PlanIndex, parent: object = None) -> None:
        super().__init__(parent)
        self.index = index
        today = dt.date.today()
        self.scale = TimeScale(today, today, zoom_named("month"))
        self.layout: LaneLayout | None = None
        self.lane_mode = "channel"
        self.colour_mode = "campaign"
        self.show_festivals = True
        self.show_baseline = True
        self.expanded: set[str] = set()
        self.flagged: set[str] = set()
        self.bars: dict[str, BarItem] = {}
        self.summaries: dict[str, SummaryBar] = {}
        self.ghosts: dict[str, GhostBar] = {}
        self.bands: dict[str, BandItem] = {}
        self.today = today
        self.visible_left = 0.0  # scene x at the viewport's left edge: labels stick to it
        self._today_line = QGraphicsLineItem()
        self._today_line.setPen(QPen(style.colours().today, 1.5))
        self._today_line.setZValue(8)
        self._today_line.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.addItem(self._today_line)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)

    # -- building -------------------------------------------------------------------
    def rebuild(self) -> None:
        """From scratch: after a plan opened or a structural edit."""
        for items in (self.bars, self.summaries, self.ghosts, self.bands):
            for item in items.values():
                self.removeItem(item)
            items.clear()
        index = self.index
        if not index.is_open:
            self.layout = None
            self.setSceneRect(QRectF(0, 0, 1, 1))
            self.relaid.emit()
            return
        settings = index.settings
        assert settings is not None
        dates = [d for f in index.flights.values() for d in (f.start, f.end)]
        origin, end = span_of(dates, (settings.horizon_start, settings.horizon_end))
        self.scale = TimeScale(origin, end, self.scale.zoom)
        # Adding thousands of items is quicker without an index to keep up to date.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        for flight in index.flights.values():
            self._add_bar(flight)
        self._make_ghosts()
        self._make_bands()
        self._relayout()
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)

    def _relayout(self) -> None:
        """New lanes for the same bars (a lane mode change keeps every bar item)."""
        for bar in self.summaries.values():
            self.removeItem(bar)
        self.summaries.clear()
        self.layout = LaneLayout(self.index, self.lane_mode, self.expanded,
                                 self.tr("No segment"))
        if self.lane_mode == "campaign":
            for lane in self.layout.lanes:
                bar = SummaryBar(lane.id)
                self.summaries[lane.id] = bar
                self.addItem(bar)
                self._restyle_summary(lane.id)
        self._place_all()
        self.relaid.emit()

    def _add_bar(self, flight: Flight) -> BarItem:
        bar = BarItem("flight", flight.id)
        self.bars[flight.id] = bar
        self.addItem(bar)
        self._restyle(flight)
        return bar

    def _make_ghosts(self) -> None:
        for ghost in self.ghosts.values():
            self.removeItem(ghost)
        self.ghosts.clear()
        if not self.show_baseline:
            return
        for flight_id in self.index.baseline:
            if flight_id in self.index.flights:
                ghost = GhostBar(flight_id)
                self.ghosts[flight_id] = ghost
                self.addItem(ghost)

    def _make_bands(self) -> None:
        for band in self.bands.values():
            self.removeItem(band)
        self.bands.clear()
        for event in self.index.events.values():
            if event.kind in BAND_KINDS:
                band = BandItem(event.id, event.kind)
                band.setVisible(self.show_festivals or event.kind == "blackout")
                self.bands[event.id] = band
                self.addItem(band)

    # -- settings the view passes on -------------------------------------------------
    def set_zoom(self, zoom: Zoom) -> None:
        self.scale = TimeScale(self.scale.origin, self.scale.end, zoom)
        self._place_all()

    def set_lane_mode(self, mode: str) -> None:
        self.lane_mode = mode
        if self.layout is not None:
            self._relayout()

    def follow_palette(self) -> None:
        """Light or dark changed: pens and glyphs kept between paints are made again."""
        self._today_line.setPen(QPen(style.colours().today, 1.5))
        BarItem.forget_colours()
        self.update()

    def set_colour_mode(self, mode: str) -> None:
        self.colour_mode = mode
        for flight in self.index.flights.values():
            self._restyle(flight)

    def set_show_festivals(self, on: bool) -> None:
        self.show_festivals = on
        for band in self.bands.values():
            band.setVisible(on or band.kind == "blackout")

    def set_show_baseline(self, on: bool) -> None:
        self.show_baseline = on
        self._make_ghosts()
        for flight_id in self.ghosts:
            self._place_flight(flight_id)

    def set_flagged(self, flight_ids: set[str]) -> None:
        self.flagged = set(flight_ids)
        for flight_id, bar in self.bars.items():
            bar.set_flagged(flight_id in self.flagged)

    def toggle_lane(self, campaign_id: str) -> None:
        """Open or fold a campaign lane to show or hide its flights."""
        if self.layout is None or self.lane_mode != "campaign":
            return
        on = campaign_id not in self.expanded
        self.expanded.symmetric_difference_update({campaign_id})
        self._place_lanes(self.layout.set_expanded(("campaign", campaign_id), on))

    # -- keeping in step with the plan -----------------------------------------------
    def apply(self, changes: PlanChanges) -> None:
        if self.layout is None:
            self.rebuild()
            return
        if changes.settings or changes.channels or changes.segments \
                or not self._inside(changes.flights):
            self.rebuild()
            return
        if changes.events:
            self._make_bands()
            self._place_bands()
        if {"baselines", "baseline_flights"} & changes.other_tables:
            self._make_ghosts()
            for flight_id in self.ghosts:
                self._place_flight(flight_id)
        if changes.campaigns:  # a campaign's name and colour are on its bars
            for flight in self.index.flights.values():
                if flight.campaign_id in changes.campaigns and flight.id in self.bars:
                    self._restyle(flight)
        if changes.flights:
            self._apply_flights(changes.flights)
        if changes.campaigns and self.lane_mode != "channel":
            self._relayout()  # campaigns are lanes, or pick the segment lane

    def _inside(self, flight_ids: frozenset[str]) -> bool:
        """Whether the edited flights still lie within the scene's dates."""
        for flight_id in flight_ids:
            flight = self.index.flights.get(flight_id)
            if flight is not None and (flight.start < self.scale.origin
                                       or flight.end > self.scale.end):
                return False
        return True

    def _apply_flights(self, flight_ids: frozenset[str]) -> None:
        assert self.layout is not None
        campaigns: set[str] = set()
        for flight_id in flight_ids:
            flight = self.index.flights.get(flight_id)
            old = self.layout.lane_of.get(flight_id)
            if old is not None and old[0] == "campaign":
                campaigns.add(old[1])
            if flight is None:
                for items in (self.bars, self.ghosts):
                    item = items.pop(flight_id, None)
                    if item is not None:
                        self.removeItem(item)
                continue
            campaigns.add(flight.campaign_id)
            if flight_id in self.bars:
                self._restyle(flight)
            else:
                self._add_bar(flight)
        moved = self.layout.update(flight_ids)
        if moved is None:
            self.rebuild()
            return
        self._place_lanes(moved)
        for campaign_id in campaigns & self.summaries.keys():
            self._restyle_summary(campaign_id)
            self._place_summary(campaign_id)

    # -- looks -------------------------------------------------------------------------
    def _money(self, minor: int) -> str:
        settings = self.index.settings
        return format_money(minor, settings.currency if settings else "CNY")

    def _restyle(self, flight: Flight) -> None:
        index = self.index
        campaign = index.campaigns.get(flight.campaign_id)
        name = campaign.name if campaign else (flight.name or self.tr("Flight"))
        fill = style.bar_colour(self.colour_mode, flight, campaign,
                                index.channels.get(flight.channel_id))
        bar = self.bars[flight.id]
        bar.set_look(fill, (f"{name} · {self._money(flight.budget_minor)}", name),
                     locked=flight.committed)
        bar.set_flagged(flight.id in self.flagged)

    def _restyle_summary(self, campaign_id: str) -> None:
        campaign = self.index.campaigns.get(campaign_id)
        if campaign is None or self.layout is None:
            return
        lane = self.layout.lane(("campaign", campaign_id))
        total = sum(self.index.flights[i].budget_minor for i in lane.members) if lane else 0
        self.summaries[campaign_id].set_look(
            campaign.colour, (f"{campaign.name} · {self._money(total)}", campaign.name))

    # -- placing -----------------------------------------------------------------------
    def _place_all(self) -> None:
        if self.layout is None:
            return
        for flight_id in self.bars:
            self._place_flight(flight_id)
        for campaign_id in self.summaries:
            self._place_summary(campaign_id)
        self._place_frame()

    def _place_frame(self) -> None:
        """What spans the scene's height: bands, the today line, the scene rect."""
        assert self.layout is not None
        self._place_bands()
        height = max(self.layout.height, 1.0)
        x = self.scale.x_of(self.today) + self.scale.px_per_day / 2
        self._today_line.setLine(QLineF(x, 0.0, x, height))
        self._today_line.setVisible(self.scale.origin <= self.today <= self.scale.end)
        self.setSceneRect(QRectF(0.0, 0.0, self.scale.width, height))

    def _place_lanes(self, relaid: Relaid) -> None:
        """Place again what an edit or a fold moved; lanes below move as a block."""
        assert self.layout is not None
        moved = set(relaid.flights)
        for key in relaid.moved:
            lane = self.layout.lane(key)
            if lane is not None:
                moved.update(lane.members)
        for flight_id in moved & self.bars.keys():
            self._place_flight(flight_id)
        for kind, lane_id in relaid.lanes | relaid.moved:
            if kind == "campaign" and lane_id in self.summaries:
                self._place_summary(lane_id)
        if self.sceneRect().height() != max(self.layout.height, 1.0):
            self._place_frame()
        self.relaid.emit()

    def span_rect(self, start: dt.date, end: dt.date) -> tuple[float, float]:
        x = self.scale.x_of(start)
        return x, self.scale.x_of(end + DAY) - x

    def _place_flight(self, flight_id: str) -> None:
        """Kept lean: a zoom calls it once for every flight in the plan."""
        flight = self.index.flights[flight_id]
        top = self.layout.flight_top(flight_id)  # type: ignore[union-attr]
        bar = self.bars[flight_id]
        ghost = self.ghosts.get(flight_id)
        if top is None:
            bar.setVisible(False)
            if ghost is not None:
                ghost.setVisible(False)
            return
        ppd = self.scale.px_per_day
        origin = self.scale.origin
        x = (flight.start - origin).days * ppd
        bar.place(x, top + style.BAR_TOP, ((flight.end - origin).days + 1) * ppd - x)
        bar.setVisible(True)
        if ghost is not None:
            base = self.index.baseline[flight_id]
            gx = (base.start - origin).days * ppd
            ghost.place(gx, top + GHOST_OFFSET, ((base.end - origin).days + 1) * ppd - gx)
            ghost.setVisible(True)

    def _place_summary(self, campaign_id: str) -> None:
        assert self.layout is not None
        lane = self.layout.lane(("campaign", campaign_id))
        bar = self.summaries[campaign_id]
        flights = [self.index.flights[i] for i in lane.members] if lane else []
        bar.setVisible(bool(flights))
        if flights and lane is not None:
            x, width = self.span_rect(min(f.start for f in flights), max(f.end for f in flights))
            bar.place(x, lane.row_top(0) + style.BAR_TOP, width)

    def _place_bands(self) -> None:
        if self.layout is None:
            return
        height = self.layout.height
        for event_id, band in self.bands.items():
            event = self.index.events[event_id]
            x, width = self.span_rect(event.start, event.end)
            top, bottom = 0.0, height
            if event.channel_id and self.lane_mode == "channel":
                lane = self.layout.lane(("channel", event.channel_id))
                if lane is not None:
                    top, bottom = lane.top, lane.top + lane.height
            band.set_rect(QRectF(x, top, width, bottom - top))

    def set_visible_left(self, x: float, top: float, height: float) -> None:
        """After a horizontal scroll: bars crossing the old or the new left edge
        redraw, so their labels move to stay readable."""
        old, self.visible_left = self.visible_left, x
        if old == x:
            return
        for edge in (old, x):
            for item in self.items(QRectF(edge, top, 1.0, height)):
                if isinstance(item, BarItem):
                    item.update()

    # -- questions -----------------------------------------------------------------------
    def visible_events(self) -> list[Event]:
        """The events drawn as bands, in date order (the index keeps them sorted)."""
        return [self.index.events[i] for i, band in self.bands.items() if band.isVisible()]

    def bar_at(self, pos: QPointF) -> BarItem | None:
        for item in self.items(pos):
            if isinstance(item, BarItem) and item.isVisible():
                return item
        return None

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        if self.layout is not None:
            paint_background(painter, rect, self.scale, self.layout)
