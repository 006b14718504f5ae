"""The Edit menu's verbs on whatever is selected, wherever it was selected.

Cut, Copy, Paste, Duplicate, Delete, Select All, Lock/Unlock, Split, Move to
Channel: the calendar's context menu, the tree, the table and the menu bar all
act through these same actions on the shared `Selection`, so each verb has one
meaning and one undo step. Copy puts the flights on the clipboard twice: as our
own payload (Paste recreates them exactly, also in another plan) and as
tab-separated text (pasting into a spreadsheet gives a table).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from planner.domain.money import to_major
from planner.services import campaigns, flight_edits, flights
from ui.commands.base import ServiceCommand
from ui.document import PlanDocument
from ui.formatting import format_date
from ui.models.plan_index import PlanIndex
from ui.selection import Selection

MIME_TYPE = "application/x-campaign-planner-flights"


def release_clipboard() -> None:
    """Before the application goes: put the copied flights back as plain text.

    A QMimeData made in Python and left on the clipboard crashes the process as Qt
    tears down (PySide6 6.11); the table text stays pasteable into a spreadsheet.
    """
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and data.hasFormat(MIME_TYPE):
        clipboard.setText(data.text())


_releasing = False


def _release_on_quit() -> None:
    global _releasing
    app = QGuiApplication.instance()
    if app is not None and not _releasing:
        app.aboutToQuit.connect(release_clipboard)
        _releasing = True


class EditController(QObject):
    """Owns the selection verbs as QActions and keeps them enabled only when they apply.

    `paste_date` is asked where pasted flights should start (the calendar's date under
    the pointer); None keeps their own dates.
    """

    edit_requested = Signal(str, str)  # kind, id
    bulk_edit_requested = Signal(list)  # flight ids
    split_requested = Signal(str)  # flight id: the window asks for the date
    find_requested = Signal()
    select_all_requested = Signal()

    def __init__(self, document: PlanDocument, index: PlanIndex, selection: Selection,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._document, self._index, self._selection = document, index, selection
        self.paste_date: Callable[[], dt.date | None] = lambda: None
        Key = QKeySequence.StandardKey
        self.cut_action = self._action(self.tr("Cu&t"), self.cut, Key.Cut)
        self.copy_action = self._action(self.tr("&Copy"), self.copy, Key.Copy)
        self.paste_action = self._action(self.tr("&Paste"), self.paste, Key.Paste)
        self.duplicate_action = self._action(self.tr("D&uplicate"), self.duplicate,
                                             QKeySequence("Ctrl+D"))
        self.delete_action = self._action(self.tr("&Delete"), self.delete, Key.Delete)
        self.select_all_action = self._action(self.tr("Select &All"),
                                              self.select_all_requested.emit, Key.SelectAll)
        self.find_action = self._action(self.tr("&Find…"), self.find_requested.emit, Key.Find)
        self.edit_action = self._action(self.tr("&Edit…"), self.edit_current,
                                        QKeySequence("Ctrl+E"))
        self.bulk_action = self._action(self.tr("&Bulk Edit…"), self.bulk_edit,
                                        QKeySequence("Ctrl+Shift+E"))
        self.lock_action = self._action(self.tr("&Lock (Committed)"),
                                        lambda: self.set_locked(True), QKeySequence("Ctrl+L"))
        self.unlock_action = self._action(self.tr("&Unlock"), lambda: self.set_locked(False),
                                          QKeySequence("Ctrl+Shift+L"))
        self.split_action = self._action(self.tr("S&plit at Date…"), self.request_split)
        self.move_menu = QMenu(self.tr("&Move to Channel"), parent)
        self.move_menu.aboutToShow.connect(self._fill_move_menu)
        selection.changed.connect(self._update)
        index.reset.connect(self._update)
        index.changed.connect(self._update)
        QGuiApplication.clipboard().dataChanged.connect(self._update)
        _release_on_quit()
        self._update()

    def _action(self, text: str, slot: Callable[[], Any],
                key: QKeySequence | QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(text, self)
        if isinstance(key, QKeySequence.StandardKey):
            action.setShortcuts(key)
        elif key is not None:
            action.setShortcut(key)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    @property
    def actions(self) -> list[QAction]:
        return [self.cut_action, self.copy_action, self.paste_action, self.duplicate_action,
                self.delete_action, self.select_all_action, self.find_action, self.edit_action,
                self.bulk_action, self.lock_action, self.unlock_action, self.split_action]

    # -- state ------------------------------------------------------------------------
    def _writable(self) -> bool:
        return self._index.is_open and not self._index.read_only

    def _update(self, *_args: object) -> None:
        flight_ids, campaign_ids = self._selection.flight_ids, self._selection.campaign_ids
        chosen = self._index.flights
        writable = self._writable()
        any_flights = bool(flight_ids)
        self.copy_action.setEnabled(any_flights)
        self.cut_action.setEnabled(any_flights and writable and not campaign_ids)
        self.paste_action.setEnabled(writable and self._clipboard() is not None)
        self.duplicate_action.setEnabled(writable and (any_flights or bool(campaign_ids)))
        self.delete_action.setEnabled(writable and bool(flight_ids or campaign_ids))
        self.select_all_action.setEnabled(self._index.is_open)
        self.find_action.setEnabled(self._index.is_open)
        self.edit_action.setEnabled(self._selection.current is not None)
        self.bulk_action.setEnabled(writable and any_flights)
        locked = [chosen[i].committed for i in flight_ids if i in chosen]
        self.lock_action.setEnabled(writable and not all(locked) if locked else False)
        self.unlock_action.setEnabled(writable and any(locked))
        self.split_action.setEnabled(writable and len(flight_ids) == 1 and not any(locked))
        self.move_menu.setEnabled(writable and any_flights and not any(locked))

    def _push(self, text: str, service: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        command = ServiceCommand(self._document, text, service, *args, **kwargs)
        self._document.push(command)
        return command

    # -- verbs ------------------------------------------------------------------------
    def copy(self) -> None:
        ids = self._selection.flight_ids
        if not ids:
            return
        payload = self._document.run(flight_edits.clipboard_payload, ids)
        data = QMimeData()
        data.setData(MIME_TYPE, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
        data.setText(self._as_table(ids))
        QGuiApplication.clipboard().setMimeData(data)

    def _as_table(self, ids: list[str]) -> str:
        currency = self._index.settings.currency if self._index.settings else "CNY"
        lines = ["\t".join((self.tr("Campaign"), self.tr("Channel"), self.tr("Name"),
                            self.tr("Start"), self.tr("End"), self.tr("Budget")))]
        for flight in (self._index.flights[i] for i in ids):
            lines.append("\t".join((
                self._index.campaign_name(flight), self._index.channel_name(flight.channel_id),
                flight.name, flight.start.isoformat(), flight.end.isoformat(),
                str(to_major(flight.budget_minor, currency)))))
        return "\n".join(lines) + "\n"

    def cut(self) -> None:
        ids = self._selection.flight_ids
        if ids:
            self.copy()
            self._push(self.tr("Cut"), flights.delete_flights, ids)

    @staticmethod
    def _clipboard() -> dict | None:
        data = QGuiApplication.clipboard().mimeData()
        if data is None or not data.hasFormat(MIME_TYPE):
            return None
        try:
            payload = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return None
        return payload if isinstance(payload, dict) else None

    def paste(self) -> None:
        payload = self._clipboard()
        if payload is None:
            self._document.report(self.tr("The clipboard holds no flights to paste."))
            return
        command = self._push(self.tr("Paste"), flight_edits.paste_flights, payload,
                             self.paste_date())
        self._select_created(command)

    def _select_created(self, command: ServiceCommand) -> None:
        created = command.created_ids
        if created:
            self._selection.select_flights(created)

    def duplicate(self) -> None:
        flight_ids, campaign_ids = self._selection.flight_ids, self._selection.campaign_ids
        if flight_ids:
            command = self._push(self.tr("Duplicate"), flight_edits.copy_flights, flight_ids)
            self._select_created(command)
        elif len(campaign_ids) == 1:
            self._push(self.tr("Duplicate campaign"), campaigns.duplicate_campaign,
                       campaign_ids[0])

    def delete(self) -> None:
        flight_ids, campaign_ids = self._selection.flight_ids, self._selection.campaign_ids
        if flight_ids or campaign_ids:
            self._push(self.tr("Delete"), campaigns.delete_selection, flight_ids, campaign_ids)

    def set_locked(self, locked: bool) -> None:
        ids = self._selection.flight_ids
        if ids:
            self._push(self.tr("Lock") if locked else self.tr("Unlock"),
                       flights.set_committed, ids, locked)

    def move_to_channel(self, channel_id: str) -> None:
        ids = self._selection.flight_ids
        if ids:
            self._push(self.tr("Move to channel"), flight_edits.bulk_edit, ids,
                       channel_id=channel_id)

    def split(self, flight_id: str, at: dt.date) -> None:
        self._push(self.tr("Split"), flight_edits.split_flight, flight_id, at)

    def request_split(self) -> None:
        ids = self._selection.flight_ids
        if len(ids) == 1:
            self.split_requested.emit(ids[0])

    def edit_current(self) -> None:
        current = self._selection.current
        if current is not None:
            self.edit_requested.emit(*current)

    def bulk_edit(self) -> None:
        ids = self._selection.flight_ids
        if ids:
            self.bulk_edit_requested.emit(ids)

    def _fill_move_menu(self) -> None:
        self.move_menu.clear()
        for channel in self._index.channels.values():
            action = self.move_menu.addAction(channel.name)
            action.triggered.connect(
                lambda _checked=False, c=channel.id: self.move_to_channel(c))

    def context_menu(self, parent: QWidget, at: dt.date | None) -> QMenu:
        """The calendar's and the lists' right-click menu for the current selection."""
        menu = QMenu(parent)
        menu.addAction(self.edit_action)
        menu.addAction(self.duplicate_action)
        if at is not None and len(self._selection.flight_ids) == 1:
            flight = self._index.flights.get(self._selection.flight_ids[0])
            if flight is not None and flight.start < at <= flight.end and self._writable() \
                    and not flight.committed:
                split = menu.addAction(self.tr("Split at %1").replace("%1", format_date(at)))
                split.triggered.connect(lambda _c=False, f=flight.id: self.split(f, at))
        menu.addMenu(self.move_menu)
        menu.addAction(self.bulk_action)
        menu.addSeparator()
        menu.addAction(self.lock_action)
        menu.addAction(self.unlock_action)
        menu.addSeparator()
        menu.addAction(self.cut_action)
        menu.addAction(self.copy_action)
        menu.addAction(self.paste_action)
        menu.addAction(self.delete_action)
        return menu
