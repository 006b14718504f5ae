"""Forms for the plan's catalogues: channels, segments and events.

Shown one at a time in a `FormDialog` from the plan settings tabs; each
form's values are the keyword arguments of its create and update services.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from planner.domain.entities import Channel, Event, Segment
from ui.editors import labels
from ui.editors.form import Problems, RecordForm
from ui.editors.widgets import ColourButton, date_edit, fill_combo, money_text, read_date
from ui.formatting import format_number
from ui.models.plan_index import PlanIndex

NEW_CHANNEL_COLOUR = "#4e79a7"


def _combo(choices: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    for key, text in choices.items():
        combo.addItem(text, key)
    return combo


class ChannelForm(RecordForm):
    def __init__(self, index: PlanIndex, parent: QWidget | None = None) -> None:
        super().__init__(index, parent)
        self.name = QLineEdit()
        self.kind = _combo(labels.channel_kinds())
        self.group = QLineEdit()
        self.group.setPlaceholderText(self.tr("e.g. Alibaba, ByteDance"))
        self.colour = ColourButton()
        self.min_spend = QLineEdit()
        self.max_spend = QLineEdit()
        self.max_spend.setPlaceholderText(self.tr("no cap"))
        self._row(self.tr("Name"), self.name, "channel.name")
        self._row(self.tr("Kind"), self.kind, "channel.kind")
        self._row(self.tr("Group"), self.group, "channel.grp")
        self._row(self.tr("Colour"), self.colour, "channel.colour")
        self._row(self.tr("Minimum spend"), self.min_spend, "channel.min_spend")
        self._row(self.tr("Maximum spend"), self.max_spend, "channel.max_spend")
        self._finish()

    def _fill(self, record: Channel | None, preset: dict[str, Any],
              skip: frozenset[QWidget]) -> None:
        channel = record or Channel(id="", name="", kind=preset.get("kind", "other"),
                                    colour=NEW_CHANNEL_COLOUR)
        for widget, value in (
            (self.name, channel.name), (self.kind, channel.kind), (self.group, channel.grp),
            (self.colour, channel.colour),
            (self.min_spend, money_text(channel.min_spend_minor, self.currency)),
            (self.max_spend, money_text(channel.max_spend_minor, self.currency)),
        ):
            self._set(widget, value, skip)

    def _read(self, problems: Problems) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "kind": self.kind.currentData(),
            "grp": self.group.text().strip(),
            "colour": self.colour.colour(),
            "min_spend_minor": self._money(self.min_spend, "channel.min_spend", problems) or 0,
            "max_spend_minor": self._money(self.max_spend, "channel.max_spend", problems),
        }

    def _build(self, values: dict[str, Any]) -> Channel:
        return self._entity(Channel, values)


class SegmentForm(RecordForm):
    def __init__(self, index: PlanIndex, parent: QWidget | None = None) -> None:
        super().__init__(index, parent)
        self.name = QLineEdit()
        self.tier = _combo(labels.tiers())
        self.description = QLineEdit()
        self.customers = QLineEdit()
        self.customers.setPlaceholderText(self.tr("unknown"))
        self._row(self.tr("Name"), self.name, "segment.name")
        self._row(self.tr("Tier"), self.tier, "segment.tier")
        self._row(self.tr("Description"), self.description, "segment.description")
        self._row(self.tr("Customers"), self.customers, "segment.customers")
        self._finish()

    def _fill(self, record: Segment | None, preset: dict[str, Any],
              skip: frozenset[QWidget]) -> None:
        segment = record or Segment(id="", name="", tier=preset.get("tier", "potential"))
        for widget, value in (
            (self.name, segment.name), (self.tier, segment.tier),
            (self.description, segment.description),
            (self.customers, "" if segment.customers is None else format_number(segment.customers)),
        ):
            self._set(widget, value, skip)

    def _read(self, problems: Problems) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "tier": self.tier.currentData(),
            "description": self.description.text().strip(),
            "customers": self._count(self.customers, "segment.customers", problems),
        }

    def _build(self, values: dict[str, Any]) -> Segment:
        return self._entity(Segment, values)


class EventForm(RecordForm):
    def __init__(self, index: PlanIndex, parent: QWidget | None = None) -> None:
        super().__init__(index, parent)
        self.kind = _combo(labels.event_kinds())
        self.name = QLineEdit()
        self.start = date_edit()
        self.end = date_edit()
        self.channel = QComboBox()
        self.notes = QLineEdit()
        self._row(self.tr("Kind"), self.kind, "event.kind")
        self._row(self.tr("Name"), self.name, "event.name")
        self._row(self.tr("Start"), self.start, "event.start")
        self._row(self.tr("End"), self.end, "event.end")
        self._row(self.tr("Channel"), self.channel, "event.channel_id")
        self._row(self.tr("Notes"), self.notes, "event.notes")
        self._finish()

    def _fill(self, record: Event | None, preset: dict[str, Any],
              skip: frozenset[QWidget]) -> None:
        fill_combo(self.channel, [(self.tr("All channels"), None),
                                  *((c.name, c.id) for c in self._index.channels.values())])
        settings = self._index.settings
        day = preset.get("start") or (settings.horizon_start if settings else dt.date.today())
        event = record or Event(id="", kind=preset.get("kind", "blackout"), name="",
                                start=day, end=preset.get("end", day),
                                channel_id=preset.get("channel_id"))
        for widget, value in (
            (self.kind, event.kind), (self.name, event.name), (self.start, event.start),
            (self.end, event.end), (self.channel, event.channel_id), (self.notes, event.notes),
        ):
            self._set(widget, value, skip)

    def _read(self, problems: Problems) -> dict[str, Any]:
        return {
            "kind": self.kind.currentData(),
            "name": self.name.text().strip(),
            "start": read_date(self.start),
            "end": read_date(self.end),
            "channel_id": self.channel.currentData(),
            "notes": self.notes.text().strip(),
        }

    def _build(self, values: dict[str, Any]) -> Event:
        return self._entity(Event, values)
