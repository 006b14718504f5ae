"""Input widgets the editors share: dates, money, choices and a colour button.

Every editor reads and writes the same few kinds of value; one spelling of each
keeps the dialogs, the inspector and the settings tabs behaving alike (the same
date format, the same grouped money, the same "none" entry in a combo box).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QComboBox, QDateEdit, QPushButton, QWidget

from planner.domain.money import to_minor
from ui.formatting import date_pattern, format_money


def date_edit() -> QDateEdit:
    """ISO dates, as the plan stores them, with a calendar to pick from."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_pattern())
    return edit


def set_date(edit: QDateEdit, day: dt.date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def read_date(edit: QDateEdit) -> dt.date:
    day = edit.date()
    return dt.date(day.year(), day.month(), day.day())


def money_text(minor: int | None, currency: str) -> str:
    """Grouped major units without the symbol: what a planner would type back."""
    return "" if minor is None else format_money(minor, currency, symbol=False)


def parse_money(text: str, currency: str) -> int | None:
    """Typed major units ("12,500.5") to minor units; empty means no amount.

    :raises ValueError: when the text is not a number.
    """
    return to_minor(text, currency) if text.strip() else None


def parse_count(text: str) -> int | None:
    """A whole number as typed (thousands separators allowed); empty means none.

    :raises ValueError: when the text is not a whole number.
    """
    cleaned = text.replace(",", "").replace("_", "").strip()
    return int(cleaned) if cleaned else None


def fill_combo(combo: QComboBox, choices: Iterable[tuple[str, Any]]) -> None:
    """Replace the items with (text, data) pairs, keeping the chosen data if still offered."""
    chosen = combo.currentData()
    blocked = combo.blockSignals(True)
    combo.clear()
    for text, data in choices:
        combo.addItem(text, data)
    select_data(combo, chosen)
    combo.blockSignals(blocked)


def select_data(combo: QComboBox, data: Any) -> bool:
    """Choose the item carrying `data` (None included, which `findData` cannot find)."""
    for row in range(combo.count()):
        if combo.itemData(row) == data:
            combo.setCurrentIndex(row)
            return True
    return False


class ColourButton(QPushButton):
    """Shows a colour as a swatch; clicking asks for a new one."""

    colour_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour = "#000000"
        self.clicked.connect(self._choose)
        self._paint()

    def colour(self) -> str:
        return self._colour

    def set_colour(self, colour: str) -> None:
        """Set from code (loading a record); emits nothing."""
        self._colour = colour.lower()
        self._paint()

    def pick(self, colour: str) -> None:
        """Set as the planner's choice: editors treat it like a committed field."""
        self.set_colour(colour)
        self.colour_changed.emit(self._colour)

    def _choose(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._colour), self, self.tr("Choose a colour"))
        if chosen.isValid():
            self.pick(chosen.name())

    def _paint(self) -> None:
        self.setText(self._colour)
        text = "#000000" if QColor(self._colour).lightness() > 140 else "#ffffff"
        self.setStyleSheet(f"background-color: {self._colour}; color: {text};")
