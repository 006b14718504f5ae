"""The planner's filter, one object shared by the campaign tree, the flights table
and the performance tab, so narrowing one view narrows them all alike.

Each criterion is None (or empty text) for "any". Text is matched against the
campaign, flight and channel names after NFKC folding and case folding, so
"ＴＭＡＬＬ", "tmall" and "Tmall" find the same channel and Chinese names match
by plain substring.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from PySide6.QtCore import QObject, Signal

from planner.domain.entities import Campaign, Flight
from ui.models.plan_index import PlanIndex


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """The form names are compared in; cached because the same campaign and
    channel names are folded once per flight on every keystroke."""
    return unicodedata.normalize("NFKC", text).casefold()


class FlightFilter(QObject):
    """`changed()` after any criterion changed (never when set to its current value)."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._needle = ""
        self.channel_id: str | None = None
        self.segment_id: str | None = None
        self.status: str | None = None
        self.objective: str | None = None

    # -- criteria ---------------------------------------------------------------------
    @property
    def text(self) -> str:
        return self._text

    @property
    def is_active(self) -> bool:
        return bool(self._needle) or any(
            value is not None
            for value in (self.channel_id, self.segment_id, self.status, self.objective))

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text, self._needle = text, fold(text.strip())
            self.changed.emit()

    def set_channel(self, channel_id: str | None) -> None:
        self._set("channel_id", channel_id)

    def set_segment(self, segment_id: str | None) -> None:
        self._set("segment_id", segment_id)

    def set_status(self, status: str | None) -> None:
        self._set("status", status)

    def set_objective(self, objective: str | None) -> None:
        self._set("objective", objective)

    def clear(self) -> None:
        """Back to "everything" with one `changed`, not five."""
        if not self.is_active and not self._text:
            return
        self._text = self._needle = ""
        self.channel_id = self.segment_id = self.status = self.objective = None
        self.changed.emit()

    def _set(self, name: str, value: str | None) -> None:
        if getattr(self, name) != value:
            setattr(self, name, value)
            self.changed.emit()

    # -- questions ---------------------------------------------------------------------
    def matches_flight(self, flight: Flight, index: PlanIndex) -> bool:
        campaign = index.campaigns.get(flight.campaign_id)
        if self.channel_id is not None and flight.channel_id != self.channel_id:
            return False
        if not self._campaign_fields_match(campaign):
            return False
        if not self._needle:
            return True
        return self._found(flight.name) or self._found(campaign.name if campaign else "") \
            or self._found(index.channel_name(flight.channel_id))

    def matches_campaign(self, campaign: Campaign, index: PlanIndex,
                         flights: Iterable[Flight] | None = None) -> bool:
        """Whether the campaign belongs in a filtered view: its own fields match and,
        when text or a channel narrows the view, its name or one of its flights does.

        :param flights: the campaign's flights when the caller already holds them
            (the tree does); otherwise they are looked up in `index`.
        """
        if not self._campaign_fields_match(campaign):
            return False
        if self.channel_id is None and (not self._needle or self._found(campaign.name)):
            return True
        own = flights if flights is not None else index.flights_of(campaign.id)
        return any(self.matches_flight(f, index) for f in own)

    def _campaign_fields_match(self, campaign: Campaign | None) -> bool:
        if self.segment_id is None and self.status is None and self.objective is None:
            return True
        if campaign is None:
            return False
        return ((self.segment_id is None or campaign.segment_id == self.segment_id)
                and (self.status is None or campaign.status == self.status)
                and (self.objective is None or campaign.objective == self.objective))

    def _found(self, name: str) -> bool:
        return self._needle in fold(name)
