"""The media-agency flowchart sheet: channels and campaigns down, ISO weeks across.

This is the one-page picture agencies and finance read a plan from: month
headers over week columns, festival and holiday weeks tinted and named, each
campaign's weekly spend in its row, shaded by how heavy the week is. Channel
rows and the grand total are live `SUBTOTAL` formulas (which skip the nested
channel subtotals), so an edited week recalculates everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from xlsxwriter.utility import xl_rowcol_to_cell

from planner.domain.money import exponent
from planner.io.budget_tables import WeeklySpend
from planner.io.sheet_format import SHADES, Formats, text_width

if TYPE_CHECKING:
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

    from planner.services.frames import PlanFrames

FIRST_WEEK_COL = 3  # A channel, B campaign, C total
HEAD_ROWS = 5  # title, months, festivals, week starts, headers with week numbers
MARKED_KINDS = ("festival", "holiday")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _cell(row: int, col: int) -> str:
    return xl_rowcol_to_cell(row, col)


def _festival_weeks(frames: PlanFrames, weekly: WeeklySpend) -> dict[int, list[str]]:
    """Week index → names of the festivals and holidays that touch it."""
    marked: dict[int, list[str]] = defaultdict(list)
    events = frames.events[frames.events["kind"].isin(MARKED_KINDS)].sort_values("start")
    first = weekly.weeks[0].start
    for ev in events.itertuples(index=False):
        start = max((ev.start.date() - first).days // 7, 0)
        end = min((ev.end.date() - first).days // 7, len(weekly.weeks) - 1)
        for week in range(start, end + 1):
            if ev.name not in marked[week]:
                marked[week].append(ev.name)
    return marked


def _write_heads(sheet: Worksheet, formats: Formats, frames: PlanFrames,
                 weekly: WeeklySpend) -> None:
    s = frames.settings
    sheet.write_string(0, 0, f"{s.name} — weekly planned spend ({s.currency})", formats.title)
    sheet.write_string(1, 0, "Month", formats.label)
    sheet.write_string(2, 0, "Festivals & holidays", formats.label)
    sheet.write_string(3, 0, "Week starting", formats.label)
    sheet.write_row(4, 0, ["Channel", "Campaign", "Total"], formats.header)
    # A week belongs to the month of its Thursday, as ISO weeks belong to years.
    months = [(w.start + dt.timedelta(days=3)).replace(day=1) for w in weekly.weeks]
    start = 0
    for i in range(1, len(months) + 1):
        if i == len(months) or months[i] != months[start]:
            label = f"{_MONTHS[months[start].month - 1]} {months[start].year}"
            c0, c1 = FIRST_WEEK_COL + start, FIRST_WEEK_COL + i - 1
            if c1 > c0:
                sheet.merge_range(1, c0, 1, c1, label, formats.month_head)
            else:
                sheet.write_string(1, c0, label, formats.month_head)
            start = i
    marked = _festival_weeks(frames, weekly)
    for i, week in enumerate(weekly.weeks):
        col = FIRST_WEEK_COL + i
        sheet.write_datetime(3, col, week.start, formats.week_start)
        sheet.write_string(4, col, week.key[-3:], formats.week_head)
        if i in marked:
            sheet.write_string(2, col, " / ".join(marked[i]), formats.festival_head)
        sheet.set_column(col, col, 11, formats.festival if i in marked else None)
    sheet.set_row(2, 30)


def write_flowchart(book: Workbook, formats: Formats, frames: PlanFrames,
                    weekly: WeeklySpend) -> None:
    import numpy as np

    sheet = book.add_worksheet("Flowchart")
    _write_heads(sheet, formats, frames, weekly)
    currency = frames.settings.currency
    n_weeks = len(weekly.weeks)
    last_col = FIRST_WEEK_COL + n_weeks - 1
    cells = weekly.cells
    amounts = cells["amount_minor"].to_numpy(np.int64)
    peak = int(amounts.max()) if len(amounts) else 0
    levels = (np.ceil(amounts * len(SHADES) / peak).astype(int) - 1 if peak
              else np.zeros(0, dtype=int))
    majors = (amounts / 10 ** exponent(currency)).tolist()
    order = {cid: i for i, cid in enumerate(cells["campaign_id"].unique())}
    campaigns = frames.campaigns.set_index("id")["name"]
    by_row: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, key in enumerate(zip(cells["channel_id"], cells["campaign_id"], strict=True)):
        by_row[key].append(i)
    weeks = cells["week"].to_numpy().tolist()

    row = HEAD_ROWS
    for channel in frames.channels.sort_values("sort_order").itertuples(index=False):
        keys = sorted((k for k in by_row if k[0] == channel.id),
                      key=lambda k: (min(weeks[i] for i in by_row[k]), order[k[1]]))
        channel_row, first, last = row, row + 1, row + len(keys)
        sheet.write_string(channel_row, 0, channel.name, formats.channel)
        sheet.write_blank(channel_row, 1, None, formats.channel)
        week_totals = np.zeros(n_weeks)
        for r, key in enumerate(keys, start=first):
            sheet.write_string(r, 1, str(campaigns.get(key[1], key[1])))
            total = 0.0
            for i in by_row[key]:
                sheet.write_number(r, FIRST_WEEK_COL + weeks[i], majors[i],
                                   formats.shades[levels[i]])
                week_totals[weeks[i]] += majors[i]
                total += majors[i]
            sheet.write_formula(r, 2, f"=SUM({_cell(r, FIRST_WEEK_COL)}:{_cell(r, last_col)})",
                                formats.money_whole, total)
        for col in range(2, last_col + 1):
            cached = week_totals.sum() if col == 2 else week_totals[col - FIRST_WEEK_COL]
            formula = (f"=SUBTOTAL(9,{_cell(first, col)}:{_cell(last, col)})" if keys
                       else "=0")
            sheet.write_formula(channel_row, col, formula, formats.channel, cached)
        row = last + 1
    _write_grand_total(sheet, formats, row, last_col, float(sum(majors)),
                       np.bincount(weeks, weights=majors, minlength=n_weeks) if weeks
                       else np.zeros(n_weeks))
    names = [text_width(str(n)) for n in frames.channels["name"]] + [12]
    sheet.set_column(0, 0, min(max(names) + 2, 40))
    titles = [text_width(str(n)) for n in campaigns] + [12]
    sheet.set_column(1, 1, min(max(titles) + 2, 50))
    sheet.set_column(2, 2, 15)
    sheet.freeze_panes(HEAD_ROWS, FIRST_WEEK_COL)


def _write_grand_total(sheet: Worksheet, formats: Formats, row: int, last_col: int,
                       total: float, per_week: object) -> None:
    sheet.write_string(row, 0, "All channels", formats.channel)
    sheet.write_blank(row, 1, None, formats.channel)
    for col in range(2, last_col + 1):
        cached = total if col == 2 else float(per_week[col - FIRST_WEEK_COL])  # type: ignore[index]
        top = _cell(HEAD_ROWS, col)
        bottom = _cell(max(row - 1, HEAD_ROWS), col)
        sheet.write_formula(row, col, f"=SUBTOTAL(9,{top}:{bottom})", formats.channel, cached)

