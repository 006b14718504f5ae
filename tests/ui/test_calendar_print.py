"""The calendar printed: pages across a range with the headers on every page, one
picture for slides, and a print dialog that refuses a range running backwards."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSizeF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.editing import Editing
from ui import dialogs
from ui.calendar import CalendarView, style
from ui.calendar_print import TITLE_HEIGHT, CalendarPrinter, PrintController
from ui.calendar_print_dialog import CalendarPrintDialog, PrintOptions

D = dt.date
SIX_MONTHS = (D(2026, 1, 1), D(2026, 6, 30))


def pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", path.read_bytes()))


class Answers:
    """Fills the print options dialog (and the system print dialog) and accepts them."""

    def __init__(self, zoom: str = "month", page_size: str = "A4",
                 span: tuple[dt.date, dt.date] = SIX_MONTHS, printer_file: Path | None = None):
        self.zoom, self.page_size, self.span, self.printer_file = zoom, page_size, span, \
            printer_file
        self.shown: list[QDialog] = []

    def run(self, dialog: QDialog) -> bool:
        self.shown.append(dialog)
        if isinstance(dialog, QPrintDialog):
            assert self.printer_file is not None
            dialog.printer().setOutputFileName(str(self.printer_file))
            return True
        assert isinstance(dialog, CalendarPrintDialog)
        dialog.page_size.setCurrentText(self.page_size)
        dialog.zoom.setCurrentIndex(dialog.zoom.findData(self.zoom))
        for edit, day in zip((dialog.start, dialog.end), self.span, strict=True):
            edit.setDate(QDate(day.year, day.month, day.day))
        return dialog.ok_button.isEnabled()


def answer(monkeypatch: pytest.MonkeyPatch, target: Path, **options: object) -> Answers:
    answers = Answers(**options)  # type: ignore[arg-type]
    monkeypatch.setattr(dialogs, "run_dialog", answers.run)
    monkeypatch.setattr(dialogs, "choose_save_path", lambda *_args: str(target))
    return answers


def export_pdf(qtbot: QtBot, editing: Editing, window: QWidget, monkeypatch: pytest.MonkeyPatch,
               target: Path, **options: object) -> list[str]:
    answer(monkeypatch, target, **options)
    controller = PrintController(editing.document, editing.index, window)
    with qtbot.waitSignal(controller.message) as message:
        controller.pdf_action.trigger()
    return message.args


def test_six_months_at_month_scale_print_on_several_pages(qtbot, editing, window, monkeypatch,
                                                          tmp_path):
    message = export_pdf(qtbot, editing, window, monkeypatch, tmp_path / "calendar.pdf")
    pages = pdf_pages(tmp_path / "calendar.pdf")
    # 181 days at 32 px a day, about 830 px of an A4 landscape page each.
    assert 6 <= pages <= 8
    assert message == [f"Exported {pages} page(s) to {tmp_path / 'calendar.pdf'}"]


def test_a_coarser_scale_or_a_bigger_page_needs_fewer_pages(qtbot, editing, window,
                                                            monkeypatch, tmp_path):
    counts = {}
    for name, options in {"month": {}, "quarter": {"zoom": "quarter"},
                          "a3": {"page_size": "A3"}}.items():
        export_pdf(qtbot, editing, window, monkeypatch, tmp_path / f"{name}.pdf", **options)
        counts[name] = pdf_pages(tmp_path / f"{name}.pdf")
    assert counts["quarter"] < counts["month"] and counts["a3"] < counts["month"]
    assert counts["quarter"] >= 2


def page_images(printer: CalendarPrinter, options: PrintOptions) -> list[QImage]:
    size = QSizeF(1000, 600)
    images = []
    for tile in printer.tiles(options, size):
        image = QImage(1000, 600, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        printer.paint(painter, tile, "")
        painter.end()
        images.append(image)
    return images


def test_every_page_repeats_the_lane_names_and_the_time_header(editing):
    printer = CalendarPrinter(editing.index)
    images = page_images(printer, PrintOptions(*SIX_MONTHS, zoom="month"))
    assert len(images) >= 6
    header = printer.time_header.preferred_height()
    lane_height = round(printer.scene.layout.height)
    lanes = [i.copy(0, TITLE_HEIGHT + header, style.LANE_HEADER_WIDTH, lane_height)
             for i in images]
    assert all(lane == lanes[0] for lane in lanes)  # the same lane names on every page
    blank = QImage(lanes[0].size(), lanes[0].format())
    blank.fill(style.colours().header_bg)
    assert lanes[0] != blank
    # The time header differs page to page (its own weeks), and is never empty.
    tops = [i.copy(style.LANE_HEADER_WIDTH, TITLE_HEIGHT, 600, header) for i in images]
    assert all(a != b for a, b in itertools.pairwise(tops))
    for top in tops:
        colours = {top.pixel(x, y) for x in range(0, 600, 3) for y in range(0, header, 2)}
        assert len(colours) > 3  # text and grid on the header's background


def test_the_picture_shows_the_whole_range_in_one_image(qtbot, editing, window, monkeypatch,
                                                        tmp_path):
    target = tmp_path / "calendar"
    answer(monkeypatch, target, zoom="quarter")
    controller = PrintController(editing.document, editing.index, window)
    with qtbot.waitSignal(controller.message, timeout=20_000) as message:
        controller.png_action.trigger()
    written = tmp_path / "calendar.png"
    assert message.args == [f"Exported {written}"]
    image = QImage(str(written))
    printer = CalendarPrinter(editing.index)
    days = (SIX_MONTHS[1] - SIX_MONTHS[0]).days + 1
    expected_width = style.LANE_HEADER_WIDTH + days * 11  # quarter scale: 11 px a day
    expected_height = TITLE_HEIGHT + printer.time_header.preferred_height() \
        + printer.scene.layout.height
    assert (image.width(), image.height()) == (expected_width, round(expected_height))
    assert image.width() / image.height() > 5


def test_printing_goes_through_the_print_dialog(qtbot, editing, window, monkeypatch, tmp_path):
    printed = tmp_path / "printed.pdf"
    answers = answer(monkeypatch, tmp_path / "unused.pdf", printer_file=printed)
    controller = PrintController(editing.document, editing.index, window)
    with qtbot.waitSignal(controller.message) as message:
        controller.print_action.trigger()
    assert [type(d) for d in answers.shown] == [CalendarPrintDialog, QPrintDialog]
    assert message.args == [f"Printed {pdf_pages(printed)} page(s)"]
    assert pdf_pages(printed) >= 6


def test_the_dialog_refuses_a_range_that_ends_before_it_starts(qtbot):
    options = PrintOptions(D(2026, 3, 1), D(2026, 5, 31))
    dialog = CalendarPrintDialog((D(2026, 1, 1), D(2026, 12, 31)), options)
    qtbot.addWidget(dialog)
    assert dialog.ok_button.isEnabled() and dialog.problem.isHidden()
    dialog.start.setDate(QDate(2026, 6, 1))
    assert not dialog.ok_button.isEnabled() and not dialog.problem.isHidden()
    dialog.end.setDate(QDate(2026, 6, 1))
    assert dialog.ok_button.isEnabled()
    assert dialog.options() == PrintOptions(D(2026, 6, 1), D(2026, 6, 1), "month", "A4", True)


def test_declining_the_options_prints_nothing(editing, window, monkeypatch, tmp_path):
    monkeypatch.setattr(dialogs, "run_dialog", lambda _dialog: False)
    monkeypatch.setattr(dialogs, "choose_save_path", lambda *_args: str(tmp_path / "x.pdf"))
    controller = PrintController(editing.document, editing.index, window)
    controller.export_pdf()
    controller.export_png()
    assert not list(tmp_path.glob("x.*"))


def test_the_print_copies_the_calendars_lanes_and_colours(qtbot, editing):
    view = CalendarView(editing.document, editing.index, editing.selection)
    qtbot.addWidget(view)
    view.set_lanes("campaign")
    view.set_colour_by("channel")
    printer = CalendarPrinter(editing.index, view)
    assert {lane.kind for lane in printer.scene.layout.lanes} == {"campaign"}
    assert printer.scene.colour_mode == "channel"
    assert printer.time_header.corner_title == "Campaign"
    assert view.calendar_scene.lane_mode == "campaign" and view.zoom == "month"
