"""The print options: page size, orientation, dates and scale, checked as they change."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtGui import QPageSize
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from ui.formatting import date_pattern

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3,
              "Letter": QPageSize.PageSizeId.Letter}
PRINT_ZOOMS = ("week", "month", "quarter")


@dataclass(frozen=True)
class PrintOptions:
    start: dt.date
    end: dt.date
    zoom: str = "month"
    page_size: str = "A4"
    landscape: bool = True


class CalendarPrintDialog(QDialog):
    """Page size, orientation, dates and scale; OK only for a range that runs forward.
    Without `paged`, only what an image needs (dates and scale)."""

    def __init__(self, span: tuple[dt.date, dt.date], options: PrintOptions, *,
                 paged: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print calendar") if paged else self.tr("Calendar picture"))
        form = QFormLayout(self)
        self.page_size = QComboBox()
        names = {"Letter": self.tr("Letter", "paper size")}
        for size in PAGE_SIZES:
            self.page_size.addItem(names.get(size, size), size)
        self.page_size.setCurrentIndex(max(self.page_size.findData(options.page_size), 0))
        self.orientation = QComboBox()
        self.orientation.addItem(self.tr("Landscape"), True)
        self.orientation.addItem(self.tr("Portrait"), False)
        self.orientation.setCurrentIndex(0 if options.landscape else 1)
        if paged:
            form.addRow(self.tr("Page size"), self.page_size)
            form.addRow(self.tr("Orientation"), self.orientation)
        self.start = self._date_edit(options.start, span)
        self.end = self._date_edit(options.end, span)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        self.zoom = QComboBox()
        for name, text in zip(PRINT_ZOOMS, (self.tr("Week"), self.tr("Month"),
                                            self.tr("Quarter")), strict=True):
            self.zoom.addItem(text, name)
        self.zoom.setCurrentIndex(PRINT_ZOOMS.index(options.zoom))
        form.addRow(self.tr("Scale"), self.zoom)
        self.problem = QLabel(self.tr("The start must not be after the end."))
        self.problem.setStyleSheet("color: #b3261e")
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.start.dateChanged.connect(self._check)
        self.end.dateChanged.connect(self._check)
        self._check()

    @staticmethod
    def _date_edit(day: dt.date, span: tuple[dt.date, dt.date]) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_pattern())
        edit.setDateRange(*(QDate(d.year, d.month, d.day) for d in span))
        edit.setDate(QDate(day.year, day.month, day.day))
        return edit

    def _check(self) -> None:
        forward = self.start.date() <= self.end.date()
        self.ok_button.setEnabled(forward)
        self.problem.setVisible(not forward)

    def options(self) -> PrintOptions:
        return PrintOptions(self.start.date().toPython(), self.end.date().toPython(),
                            self.zoom.currentData(), self.page_size.currentData(),
                            bool(self.orientation.currentData()))
