"""The calendar's right-click menu, and where Paste puts flights.

Paste lands on the date the context menu was opened on, or on the date under the
pointer when it is over the calendar; elsewhere flights keep their own dates.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QTabWidget, QWidget

from ui.calendar.view import CalendarView
from ui.edit_controller import EditController


class CalendarMenu(QObject):
    def __init__(self, calendar: CalendarView, tabs: QTabWidget, edits: EditController,
                 window: QWidget) -> None:
        super().__init__(window)
        self._calendar, self._tabs, self._edits, self._window = calendar, tabs, edits, window
        self._menu_date: dt.date | None = None
        calendar.context_menu_requested.connect(self.popup)
        edits.paste_date = self.paste_date

    def popup(self, position: QPoint, day: dt.date | None) -> None:
        self._menu_date = day
        menu = self._edits.context_menu(self._window, day)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Cleared after the chosen action ran: Paste from this menu lands on its date.
        menu.aboutToHide.connect(lambda: QTimer.singleShot(0, self._forget))
        menu.popup(position)

    def _forget(self) -> None:
        self._menu_date = None

    def paste_date(self) -> dt.date | None:
        if self._menu_date is not None:
            return self._menu_date
        viewport = self._calendar.viewport()
        pos = viewport.mapFromGlobal(QCursor.pos())
        if self._tabs.currentWidget() is self._calendar and viewport.rect().contains(pos):
            return self._calendar.date_at(pos)
        return None
