"""The calendar on paper: File ▸ Print Calendar…, Export Calendar as PDF/PNG….

A print is drawn from a scene of its own (the planner's lanes, colours and folds,
at the zoom chosen for paper), so printing never scrolls or zooms the calendar on
screen and never shows its selection. Pages are cut along whole days across and
whole lanes down, and each page repeats the calendar's own headers (the lane names
and the months and weeks over the bars) by rendering the same header widgets the
view uses, offset to that page's part of the scene.

Everything is laid out in 96-dpi units, and the PDF writer works at that
resolution: Qt sizes point fonts by the device's resolution, so a scaled-up
painter on a 1200-dpi page would print every label several times too large.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QMarginsF,
    QObject,
    QPoint,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from planner.errors import PlannerError
from planner.io.atomic import write_atomically
from ui import dialogs
from ui.calendar import CalendarView, style
from ui.calendar.geometry import DAY, zoom_named
from ui.calendar.header import LaneHeader, TimeHeader
from ui.calendar.lanes import Lane
from ui.calendar.scene import CalendarScene
from ui.calendar_print_dialog import PAGE_SIZES, PRINT_ZOOMS, CalendarPrintDialog, PrintOptions
from ui.document import PlanDocument
from ui.formatting import format_span
from ui.models.plan_index import PlanIndex
from ui.theme import paper
from ui.workers.runner import Worker, WorkerPool

DPI = 96  # layout units: one scene pixel is 1/96 inch on paper, as on a standard screen
MARGIN_MM = 10.0
TITLE_HEIGHT = 28
MAX_IMAGE_SIDE = 32_000  # px; past this PNG viewers and QPainter give up


@dataclass(frozen=True)
class Tile:
    """The part of the scene one page shows (scene px)."""

    left: float
    top: float
    width: float
    height: float


def lane_bands(lanes: list[Lane], height: float, room: float) -> list[tuple[float, float]]:
    """Cut the lanes into (top, bottom) bands of at most `room`: a lane starts a new
    page rather than being split, unless it is taller than a page itself."""
    cuts = [0.0]
    for lane in lanes:
        while lane.top + lane.height - cuts[-1] > room:
            cuts.append(lane.top if lane.top > cuts[-1] else cuts[-1] + room)
    cuts.append(max(height, cuts[-1] + 1.0))
    return [(top, bottom) for top, bottom in itertools.pairwise(cuts) if bottom > top]


class CalendarPrinter(QObject):
    """Draws the plan's calendar onto pages or one image; `like` is the view whose lanes,
    colours, folds and festival strip the print copies."""

    def __init__(self, index: PlanIndex, like: CalendarView | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.scene = CalendarScene(index, self)
        shown = like.calendar_scene if like is not None else None
        if shown is not None:
            self.scene.lane_mode, self.scene.colour_mode = shown.lane_mode, shown.colour_mode
            self.scene.show_festivals = shown.show_festivals
            self.scene.show_baseline = shown.show_baseline
            self.scene.expanded = set(shown.expanded)
        self.scene.rebuild()
        if shown is not None:
            self.scene.set_flagged(shown.flagged)
        self._offset = QPointF()
        offset = self._scene_origin
        self.time_header = TimeHeader(self.scene, offset, style.LANE_HEADER_WIDTH)
        self.time_header.show_events = self.scene.show_festivals
        titles = {"channel": self.tr("Channel"), "campaign": self.tr("Campaign"),
                  "segment": self.tr("Segment")}
        self.time_header.corner_title = titles[self.scene.lane_mode]
        self.lane_header = LaneHeader(self.scene, offset)
        self._title_font = QFont(self.time_header.font())
        self._title_font.setBold(True)

    def _scene_origin(self) -> QPointF:
        return self._offset

    @property
    def span(self) -> tuple[dt.date, dt.date]:
        """The first and last day the calendar can print."""
        return self.scene.scale.origin, self.scene.scale.end

    # -- layout ---------------------------------------------------------------------------
    def _x_range(self, options: PrintOptions) -> tuple[float, float]:
        self.scene.set_zoom(zoom_named(options.zoom))
        first, last = self.span
        start, end = max(options.start, first), min(options.end, last)
        if start > end:
            raise PlannerError(self.tr("Nothing to print between {start} and {end}").format(
                start=options.start, end=options.end))
        scale = self.scene.scale
        return scale.x_of(start), scale.x_of(end + DAY)

    def tiles(self, options: PrintOptions, page: QSizeF) -> list[Tile]:
        """Pages for a printable area of `page` (96-dpi units): across time first,
        then down the lanes."""
        left, right = self._x_range(options)
        ppd = self.scene.scale.px_per_day
        across = max(1, math.floor((page.width() - style.LANE_HEADER_WIDTH) / ppd)) * ppd
        room = page.height() - TITLE_HEIGHT - self.time_header.preferred_height()
        layout = self.scene.layout
        bands = lane_bands(layout.lanes if layout else [], layout.height if layout else 0.0,
                           max(room, float(style.ROW_HEIGHT)))
        starts = [left + i * across for i in range(math.ceil((right - left) / across))]
        return [Tile(x, top, min(across, right - x), bottom - top)
                for top, bottom in bands for x in starts]

    # -- drawing ----------------------------------------------------------------------------
    def paint(self, painter: QPainter, tile: Tile, caption: str) -> None:
        """One page (or the whole image): caption, both headers, the scene's part."""
        with paper():  # paper is white whatever the screen's theme
            self._paint(painter, tile, caption)

    def _paint(self, painter: QPainter, tile: Tile, caption: str) -> None:
        header_height = self.time_header.preferred_height()
        body = QRectF(style.LANE_HEADER_WIDTH, TITLE_HEIGHT + header_height, tile.width,
                      tile.height)
        painter.setFont(self._title_font)
        painter.setPen(style.colours().header_text)
        painter.drawText(QRectF(0, 0, body.right(), TITLE_HEIGHT - 6),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, caption)
        self._offset = QPointF(-tile.left, -tile.top)
        self.time_header.resize(round(body.right()), header_height)
        self.time_header.render(painter, QPoint(0, TITLE_HEIGHT))
        self.lane_header.resize(style.LANE_HEADER_WIDTH, math.ceil(tile.height))
        self.lane_header.render(painter, QPoint(0, round(body.top())))
        self.scene.set_visible_left(tile.left, tile.top, tile.height)  # labels stay on page
        self.scene.render(painter, body, QRectF(tile.left, tile.top, tile.width, tile.height),
                          Qt.AspectRatioMode.IgnoreAspectRatio)
        painter.setPen(style.colours().grid_strong)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(0, TITLE_HEIGHT, body.right(), body.bottom() - TITLE_HEIGHT))

    def _caption(self, options: PrintOptions, page: int = 0, pages: int = 0) -> str:
        settings = self.index.settings
        name = settings.name if settings else ""
        text = f"{name} · {format_span(options.start, options.end)}"
        if pages > 1:
            text += " · " + self.tr("page %1 of %2").replace("%1", str(page)) \
                .replace("%2", str(pages))
        return text

    def print_pages(self, device: QPagedPaintDevice, options: PrintOptions) -> int:
        """Lay out and draw every page on a PDF writer or printer; the page count."""
        orientation = QPageLayout.Orientation.Landscape if options.landscape \
            else QPageLayout.Orientation.Portrait
        device.setPageLayout(QPageLayout(
            QPageSize(PAGE_SIZES[options.page_size]), orientation,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter))
        device.setResolution(DPI)
        painter = QPainter()
        if not painter.begin(device):
            raise PlannerError(self.tr("The printer or PDF file could not be opened for writing"))
        try:
            factor = device.resolution() / DPI  # 1 unless a printer insists on its own
            painter.scale(factor, factor)
            tiles = self.tiles(options, QSizeF(device.width() / factor,
                                               device.height() / factor))
            for number, tile in enumerate(tiles, 1):
                if number > 1:
                    device.newPage()
                self.paint(painter, tile, self._caption(options, number, len(tiles)))
        finally:
            painter.end()
        return len(tiles)

    def image(self, options: PrintOptions) -> QImage:
        """The whole range in one picture, for slides."""
        left, right = self._x_range(options)
        layout = self.scene.layout
        height = max(layout.height if layout else 0.0, 1.0)
        size = (math.ceil(style.LANE_HEADER_WIDTH + right - left),
                math.ceil(TITLE_HEIGHT + self.time_header.preferred_height() + height))
        if max(size) > MAX_IMAGE_SIDE:
            raise PlannerError(self.tr("The picture would be {width} × {height} px; choose a "
                                       "shorter range or a coarser scale").format(
                                           width=size[0], height=size[1]))
        image = QImage(size[0], size[1], QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        try:
            self.paint(painter, Tile(left, 0.0, right - left, height), self._caption(options))
        finally:
            painter.end()
        return image

    def write_pdf(self, path: str | Path, options: PrintOptions) -> int:
        """Write the pages to a PDF file, whole or not at all; the page count."""
        pages = 0

        def write(temporary: Path) -> None:
            nonlocal pages
            writer = QPdfWriter(str(temporary))
            writer.setCreator("Omnichannel Campaign Planner")
            pages = self.print_pages(writer, options)
        write_atomically(path, write)
        return pages



def save_png(_worker: Worker, image: QImage, path: Path) -> Path:
    """Encode the picture off the GUI thread: a year at week scale takes about a second
    to compress, while drawing it took a tenth of that."""
    def write(temporary: Path) -> None:
        if not image.save(str(temporary), "PNG"):
            raise PlannerError(QCoreApplication.translate("CalendarPrinter", "Cannot write {path}")
                               .format(path=path))
    return write_atomically(path, write)


class PrintController(QObject):
    """File ▸ Print Calendar… and Export Calendar as PDF/PNG… for one window.

    Drawing runs on the GUI thread (scenes and widgets live there), only a PNG's
    encoding in a worker; `view`, when given, is the calendar whose lanes and colours
    the print copies.
    """

    message = Signal(str)

    def __init__(self, document: PlanDocument, index: PlanIndex, window: QWidget,
                 view: CalendarView | None = None) -> None:
        super().__init__(window)
        self._document, self._index, self._window, self._view = document, index, window, view
        self._last: PrintOptions | None = None
        self._workers = WorkerPool(self)
        self.print_action = QAction(self.tr("&Print Calendar…"), self)
        self.print_action.triggered.connect(self.print_calendar)
        self.pdf_action = QAction(self.tr("Export Calendar as P&DF…"), self)
        self.pdf_action.triggered.connect(self.export_pdf)
        self.png_action = QAction(self.tr("Export Calendar as PN&G…"), self)
        self.png_action.triggered.connect(self.export_png)
        document.opened.connect(self._update_actions)
        document.closed.connect(self._update_actions)
        self._update_actions()

    @property
    def actions(self) -> list[QAction]:
        return [self.print_action, self.pdf_action, self.png_action]

    def _update_actions(self) -> None:
        for action in self.actions:
            action.setEnabled(self._document.is_open)

    def _ask(self, printer: CalendarPrinter, paged: bool) -> PrintOptions | None:
        first, last = printer.span
        settings = self._index.settings
        default = self._last or PrintOptions(
            max(settings.horizon_start, first) if settings else first,
            min(settings.horizon_end, last) if settings else last,
            self._view.zoom if self._view and self._view.zoom in PRINT_ZOOMS else "month")
        dialog = CalendarPrintDialog(printer.span, default, paged=paged, parent=self._window)
        try:
            if not dialogs.run_dialog(dialog):
                return None
            self._last = dialog.options()
            return self._last
        finally:
            dialog.deleteLater()

    def print_calendar(self) -> None:
        printer = CalendarPrinter(self._index, self._view)
        options = self._ask(printer, paged=True)
        if options is None:
            return
        device = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        print_dialog = QPrintDialog(device, self._window)
        try:
            if dialogs.run_dialog(print_dialog):
                self._report(lambda: self.tr("Printed %1 page(s)").replace(
                    "%1", str(printer.print_pages(device, options))))
        finally:
            print_dialog.deleteLater()

    def export_pdf(self) -> None:
        self._export(".pdf", self.tr("PDF files (*.pdf)"), paged=True)

    def export_png(self) -> None:
        self._export(".png", self.tr("PNG images (*.png)"), paged=False)

    def _export(self, suffix: str, file_filter: str, *, paged: bool) -> None:
        printer = CalendarPrinter(self._index, self._view)
        options = self._ask(printer, paged)
        if options is None:
            return
        plan_path = self._document.plan.path
        suggested = plan_path.with_name(self.tr("{plan} calendar").format(plan=plan_path.stem))
        chosen = dialogs.choose_save_path(self._window, self.tr("Export calendar"),
                                          f"{suggested}{suffix}", file_filter)
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        if paged:
            self._report(lambda: self.tr("Exported %1 page(s) to %2").replace(
                "%1", str(printer.write_pdf(target, options))).replace("%2", str(target)))
            return
        try:
            image = printer.image(options)
        except PlannerError as exc:
            self._refused(str(exc))
            return
        worker = Worker(save_png, image, target)
        worker.signals.finished.connect(
            lambda path: self.message.emit(self.tr("Exported %1").replace("%1", str(path))))
        worker.signals.failed.connect(self._refused)
        self._workers.start(worker)

    @property
    def busy(self) -> bool:
        """A picture is still being written."""
        return self._workers.busy

    def _report(self, work: Callable[[], str]) -> None:
        """Run the drawing; a refusal (an empty range, a full disk) is told in one line."""
        try:
            text = work()
        except (PlannerError, OSError) as exc:
            self._refused(str(exc))
            return
        self.message.emit(text)

    def _refused(self, message: str) -> None:
        dialogs.inform(self._window, self.tr("Cannot print the calendar"), message)
