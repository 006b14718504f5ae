"""The Budget sheet (channel × month with live totals) and the native charts on it.

Totals are Excel formulas (`=SUM(...)`) so a colleague who changes a month's
figure sees every total follow; each formula also carries its computed result,
so viewers that never recalculate (previews, mail clients) still show numbers.
The charts read the sheet's cells, so they follow edits too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from xlsxwriter.utility import xl_rowcol_to_cell

from planner.domain.money import to_major
from planner.io.budget_tables import MonthlyBudget
from planner.io.sheet_format import Formats, text_width

if TYPE_CHECKING:
    from xlsxwriter.chart import Chart
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

SHEET = "Budget"
MAX_SERIES = 255  # Excel's limit per chart


@dataclass(frozen=True)
class BudgetLayout:
    """Where the Budget sheet put things (0-based rows and columns), for the charts."""

    header_row: int
    first_channel_row: int
    channels: int
    months: int
    total_col: int
    brand_row: int
    promotion_row: int
    share_row: int


def _sum(first: tuple[int, int], last: tuple[int, int]) -> str:
    return f"=SUM({xl_rowcol_to_cell(*first)}:{xl_rowcol_to_cell(*last)})"


def write_budget(book: Workbook, formats: Formats, table: MonthlyBudget,
                 currency: str) -> BudgetLayout:
    sheet = book.add_worksheet(SHEET)
    n, m = len(table.channels), len(table.months)
    head, first, total_col = 2, 3, m + 1
    total_row = first + n

    def major(minor: int) -> float:
        return float(to_major(int(minor), currency))

    sheet.write_string(0, 0, f"Planned spend by channel and month ({currency})", formats.title)
    labels = [p.label for p in table.months]
    sheet.write_row(head, 0, ["Channel", *labels, "Total"], formats.header)
    for i, name in enumerate(table.channels):
        r = first + i
        sheet.write_string(r, 0, name)
        for j in range(m):
            sheet.write_number(r, 1 + j, major(table.spend[i, j]), formats.money)
        sheet.write_formula(r, total_col, _sum((r, 1), (r, m)), formats.money_bold,
                            major(table.spend[i].sum()))
    sheet.write_string(total_row, 0, "Total", formats.label)
    for j in range(m + 1):
        cached = table.spend[:, j].sum() if j < m else table.spend.sum()
        last = max(total_row - 1, first)
        sheet.write_formula(total_row, 1 + j, _sum((first, 1 + j), (last, 1 + j)),
                            formats.money_bold, major(cached))

    top = total_row + 2
    sheet.write_string(top, 0, "Brand vs promotion", formats.title)
    sheet.write_row(top + 1, 0, ["Goal", *labels, "Total"], formats.header)
    brand_row, promotion_row, planned_row, share_row = top + 2, top + 3, top + 4, top + 5
    for r, label, values in ((brand_row, "Brand", table.brand),
                             (promotion_row, "Promotion", table.promotion)):
        sheet.write_string(r, 0, label)
        for j in range(m):
            sheet.write_number(r, 1 + j, major(values[j]), formats.money)
        sheet.write_formula(r, total_col, _sum((r, 1), (r, m)), formats.money_bold,
                            major(values.sum()))
    sheet.write_string(planned_row, 0, "Planned", formats.label)
    sheet.write_string(share_row, 0, "Brand share", formats.label)
    for j in range(m + 1):
        brand = table.brand[j] if j < m else table.brand.sum()
        planned = brand + (table.promotion[j] if j < m else table.promotion.sum())
        b, p = xl_rowcol_to_cell(brand_row, 1 + j), xl_rowcol_to_cell(promotion_row, 1 + j)
        sheet.write_formula(planned_row, 1 + j, f"={b}+{p}", formats.money_bold, major(planned))
        total = xl_rowcol_to_cell(planned_row, 1 + j)
        sheet.write_formula(share_row, 1 + j, f'=IF({total}=0,"",{b}/{total})',
                            formats.percent, brand / planned if planned else "")

    names = [text_width(c) for c in table.channels] + [12]
    sheet.set_column(0, 0, min(max(names) + 2, 60))
    sheet.set_column(1, total_col, 16)
    sheet.freeze_panes(head + 1, 1)
    return BudgetLayout(head, first, n, m, total_col, brand_row, promotion_row, share_row)


def write_charts(book: Workbook, layout: BudgetLayout) -> None:
    """A Charts sheet: spend by channel per month (stacked), spend by channel
    (totals), brand vs promotion per month with the brand share."""
    sheet = book.add_worksheet("Charts")
    months = [SHEET, layout.header_row, 1, layout.header_row, layout.months]
    row = 1
    if layout.channels:  # a plan without channels has no channel series to draw
        _channel_charts(book, sheet, layout, months)
        row = 27 + max(320, 28 * layout.channels) // 20
    sheet.insert_chart(f"A{row}", _split_chart(book, layout, months))


def _channel_charts(book: Workbook, sheet: Worksheet, layout: BudgetLayout,
                    months: list) -> None:
    m, first = layout.months, layout.first_channel_row
    stacked = book.add_chart({"type": "column", "subtype": "stacked"})
    for r in range(first, first + min(layout.channels, MAX_SERIES)):
        stacked.add_series({"name": [SHEET, r, 0], "categories": months,
                            "values": [SHEET, r, 1, r, m], "gap": 50})
    stacked.set_title({"name": "Planned spend by channel per month"})
    stacked.set_legend({"position": "right"})
    stacked.set_size({"width": 1100, "height": 480})
    sheet.insert_chart("A1", stacked)

    last = first + layout.channels - 1
    totals = book.add_chart({"type": "bar"})
    totals.add_series({"name": "Planned", "categories": [SHEET, first, 0, last, 0],
                       "values": [SHEET, first, layout.total_col, last, layout.total_col],
                       "gap": 40})
    totals.set_title({"name": "Planned spend by channel"})
    totals.set_legend({"none": True})
    totals.set_y_axis({"reverse": True})
    totals.set_size({"width": 1100, "height": max(320, 28 * layout.channels)})
    sheet.insert_chart("A26", totals)


def _split_chart(book: Workbook, layout: BudgetLayout, months: list) -> Chart:
    m = layout.months
    split = book.add_chart({"type": "column", "subtype": "stacked"})
    for r, colour in ((layout.brand_row, "#4e79a7"), (layout.promotion_row, "#f28e2b")):
        split.add_series({"name": [SHEET, r, 0], "categories": months,
                          "values": [SHEET, r, 1, r, m], "fill": {"color": colour}})
    share = book.add_chart({"type": "line"})
    share.add_series({"name": [SHEET, layout.share_row, 0], "categories": months,
                      "values": [SHEET, layout.share_row, 1, layout.share_row, m],
                      "y2_axis": True, "marker": {"type": "circle"}})
    split.combine(share)
    split.set_title({"name": "Brand vs promotion per month"})
    share.set_y2_axis({"num_format": "0%", "min": 0, "max": 1})
    split.set_size({"width": 1100, "height": 480})
    return split
