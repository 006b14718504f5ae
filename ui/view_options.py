"""The View menu's choices for the calendar: zoom, lanes, colouring, bands.

Each is a checkable action (exclusive within its group), applied to the
calendar at once and remembered between starts, so the calendar opens the way
the planner left it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ui import settings
from ui.calendar.view import CalendarView


class ViewOptions(QObject):
    def __init__(self, calendar: CalendarView, parent: QWidget) -> None:
        super().__init__(parent)
        self._calendar = calendar
        Key = QKeySequence.StandardKey
        self.zoom_in_action = QAction(self.tr("Zoom &In"), self)
        self.zoom_in_action.setShortcuts(Key.ZoomIn)
        self.zoom_in_action.triggered.connect(calendar.zoom_in)
        self.zoom_out_action = QAction(self.tr("Zoom &Out"), self)
        self.zoom_out_action.setShortcuts(Key.ZoomOut)
        self.zoom_out_action.triggered.connect(calendar.zoom_out)
        labels = {"day": self.tr("&Days"), "week": self.tr("&Weeks"), "month": self.tr("&Month"),
                  "quarter": self.tr("&Quarter"), "year": self.tr("&Year")}
        self.zoom_group = self._group({z: labels[z] for z in calendar.ZOOMS},
                                      "view/zoom", calendar.set_zoom)
        for number, action in enumerate(self.zoom_group.actions(), start=1):
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        self.lanes_group = self._group(
            {"channel": self.tr("Lanes by &Channel"), "campaign": self.tr("Lanes by Ca&mpaign"),
             "segment": self.tr("Lanes by &Segment")}, "view/lanes", calendar.set_lanes)
        self.colour_group = self._group(
            {"campaign": self.tr("Colour by Campaign"), "objective": self.tr("Colour by Objective"),
             "channel": self.tr("Colour by Channel"), "status": self.tr("Colour by Status")},
            "view/colour_by", calendar.set_colour_by)
        self.festivals_action = self._toggle(self.tr("Show &Festivals and Holidays"),
                                             "view/festivals", calendar.set_show_festivals)
        self.baseline_action = self._toggle(self.tr("Show &Baseline"), "view/baseline",
                                            calendar.set_show_baseline)
        calendar.zoom_changed.connect(self._zoomed)

    def _group(self, choices: dict[str, str], key: str,
               apply: Callable[[str], None]) -> QActionGroup:
        group = QActionGroup(self)
        group.setExclusive(True)
        chosen = str(settings.view_option(key))
        if chosen not in choices:
            chosen = str(settings.VIEW_DEFAULTS[key])
        for value, text in choices.items():
            action = group.addAction(text)
            action.setCheckable(True)
            action.setData(value)
            action.setChecked(value == chosen)
        apply(chosen)

        def chose(action: QAction) -> None:
            settings.set_view_option(key, action.data())
            apply(action.data())

        group.triggered.connect(chose)
        return group

    def _toggle(self, text: str, key: str, apply: Callable[[bool], None]) -> QAction:
        action = QAction(text, self)
        action.setCheckable(True)
        action.setChecked(bool(settings.view_option(key)))
        apply(action.isChecked())

        def toggled(on: bool) -> None:
            settings.set_view_option(key, on)
            apply(on)

        action.toggled.connect(toggled)
        return action

    def _zoomed(self, zoom: str) -> None:
        """Ctrl+wheel and the keyboard zoom too: the menu and the setting follow."""
        settings.set_view_option("view/zoom", zoom)
        for action in self.zoom_group.actions():
            if action.data() == zoom:
                action.setChecked(True)

    def fill(self, menu: QMenu) -> None:
        menu.addAction(self.zoom_in_action)
        menu.addAction(self.zoom_out_action)
        zoom = menu.addMenu(self.tr("&Zoom To"))
        zoom.addActions(self.zoom_group.actions())
        menu.addSeparator()
        menu.addActions(self.lanes_group.actions())
        menu.addSeparator()
        colour = menu.addMenu(self.tr("&Colour Bars"))
        colour.addActions(self.colour_group.actions())
        menu.addAction(self.festivals_action)
        menu.addAction(self.baseline_action)
