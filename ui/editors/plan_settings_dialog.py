"""Plan settings: the general settings (applied on OK) and the channel, segment
and event catalogues (each button an undoable edit at once).

The two behave differently on purpose: the general settings are one coherent
set (a horizon end before its start must never be half-saved), while a channel
added to the list is a complete edit of its own that the planner may want to
undo from the main window without reopening the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.domain.entities import Channel, Event, Segment
from planner.services import channels, events
from ui.commands.base import ServiceCommand
from ui.document import PlanDocument
from ui.editors import labels
from ui.editors.catalogue_forms import ChannelForm, EventForm, SegmentForm
from ui.editors.catalogue_tab import Catalogue, CatalogueTab
from ui.editors.settings_form import SettingsForm, settings_command
from ui.models.plan_index import PlanIndex


class PlanSettingsDialog(QDialog):
    def __init__(self, document: PlanDocument, index: PlanIndex,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Plan settings"))
        self._document, self._index = document, index
        self.general = SettingsForm(index)
        self.general.load(index.settings)
        self.general.setEnabled(not document.read_only)
        general_page = QScrollArea()
        general_page.setWidgetResizable(True)
        general_page.setWidget(self.general)
        general_page.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields

        self.channels_tab = CatalogueTab(document, index, self._channels())
        self.segments_tab = CatalogueTab(document, index, self._segments())
        self.events_tab = CatalogueTab(document, index, self._events())
        self.calendar_button = QPushButton(self.tr("Add festivals and holidays"))
        self.calendar_button.setToolTip(self.tr(
            "Shopping festivals and public holidays for every year of the plan horizon"))
        self.calendar_button.setEnabled(not document.read_only)
        self.calendar_button.clicked.connect(self.add_calendar_events)
        self.events_tab.add_button_widget(self.calendar_button)

        self.tabs = QTabWidget()
        self.tabs.addTab(general_page, self.tr("General"))
        self.tabs.addTab(self.channels_tab, self.tr("Channels"))
        self.tabs.addTab(self.segments_tab, self.tr("Segments"))
        self.tabs.addTab(self.events_tab, self.tr("Events"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.general.validity_changed.connect(self.ok_button.setEnabled)
        self.ok_button.setEnabled(self.general.is_valid())
        self.general.name.setFocus()  # the first field, not the tab bar

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def accept(self) -> None:
        """Apply the general settings (one undo step) and close."""
        if not self.general.revalidate():
            return
        if not self._document.read_only:
            command = settings_command(self._document, self._index.settings,
                                       self.general.values())
            if command is not None:
                self._document.push(command)
        super().accept()

    def add_calendar_events(self) -> None:
        settings = self._index.settings
        years = range(settings.horizon_start.year, settings.horizon_end.year + 1)
        self._document.push(ServiceCommand(self._document, self.tr("Add festivals and holidays"),
                                           events.add_calendar_events, list(years)))

    # -- the catalogues --------------------------------------------------------------------
    def _channels(self) -> Catalogue:
        kinds = labels.channel_kinds()

        def describe(channel: Channel) -> str:
            return f"{channel.name} · {kinds.get(channel.kind, channel.kind)}"

        return Catalogue(
            "channels", describe, ChannelForm, channels.create_channel,
            channels.update_channel, channels.duplicate_channel, channels.delete_channel,
            self.tr("Add channel"), self.tr("Edit channel"), self.tr("Duplicate channel"),
            self.tr("Delete channel"))

    def _segments(self) -> Catalogue:
        tiers = labels.tiers()

        def describe(segment: Segment) -> str:
            return f"{segment.name} · {tiers.get(segment.tier, segment.tier)}"

        return Catalogue(
            "segments", describe, SegmentForm, channels.create_segment,
            channels.update_segment, channels.duplicate_segment, channels.delete_segment,
            self.tr("Add segment"), self.tr("Edit segment"), self.tr("Duplicate segment"),
            self.tr("Delete segment"))

    def _events(self) -> Catalogue:
        kinds = labels.event_kinds()

        def describe(event: Event) -> str:
            return (f"{event.start} – {event.end}  {event.name} "
                    f"· {kinds.get(event.kind, event.kind)}")

        return Catalogue(
            "events", describe, EventForm, events.create_event, events.update_event,
            events.duplicate_event, events.delete_event,
            self.tr("Add event"), self.tr("Edit event"), self.tr("Duplicate event"),
            self.tr("Delete event"))
