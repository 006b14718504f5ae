"""The plan's calendar as a multi-page PDF: lanes per channel, a bar per flight.

Pages run left to right through time (a few months each) and, when a page's
lanes do not fit, top to bottom; every page repeats its lane labels, month grid
and festival marks, so any page read alone makes sense. Drawn with matplotlib's
object API (no pyplot state, no GUI toolkit); Chinese names use an installed CJK
font through matplotlib's font fallback (`planner.io.fonts`).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.domain.entities import Campaign, Channel, Event, Flight
from planner.errors import ValidationError
from planner.io.atomic import write_atomically
from planner.io.fonts import chinese_capable
from planner.io.sheet_format import text_width
from planner.storage import rows

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from planner.storage.plan_file import Plan

# Landscape sheets in inches; months across and bar rows down per page.
PAGE_SIZES = {"A4": (11.69, 8.27), "A3": (16.54, 11.69)}
MONTHS_PER_PAGE = {"A4": 3, "A3": 4}
ROWS_PER_PAGE = {"A4": 28, "A3": 44}
MARKED_KINDS = ("festival", "holiday")
_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Bar:
    start: dt.date
    end: dt.date
    label: str
    colour: str


@dataclass(frozen=True)
class Row:
    """One line of bars on a page; `lane` is printed on a lane's first line."""

    lane: str
    bars: list[Bar]
    first: bool


def _lanes(plan: Plan) -> list[tuple[str, list[Bar]]]:
    campaigns = {c.id: c for c in rows.all_of(plan.db, Campaign)}
    bars: dict[str, list[Bar]] = {}
    for f in rows.all_of(plan.db, Flight, order="start, rowid"):
        c = campaigns[f.campaign_id]
        bars.setdefault(f.channel_id, []).append(
            Bar(f.start, f.end, c.name + (f" · {f.name}" if f.name else ""), c.colour))
    return [(ch.name, bars.get(ch.id, []))
            for ch in rows.all_of(plan.db, Channel, order="sort_order, rowid")]


def _pack(bars: list[Bar]) -> list[list[Bar]]:
    """Greedy interval packing: each bar on the first line free by its start."""
    lines: list[list[Bar]] = []
    ends: list[dt.date] = []
    for bar in sorted(bars, key=lambda b: (b.start, b.end)):
        for i, end in enumerate(ends):
            if end < bar.start:
                lines[i].append(bar)
                ends[i] = bar.end
                break
        else:
            lines.append([bar])
            ends.append(bar.end)
    return lines or [[]]


def _windows(start: dt.date, end: dt.date, months: int) -> list[tuple[dt.date, dt.date]]:
    """Whole-month windows of `months` months covering start..end."""
    out, first = [], start.replace(day=1)
    while first <= end:
        index = first.month - 1 + months
        after = dt.date(first.year + index // 12, index % 12 + 1, 1)
        out.append((first, after - _DAY))
        first = after
    return out


def page_rows(lanes: list[tuple[str, list[Bar]]], window: tuple[dt.date, dt.date],
              per_page: int) -> list[list[Row]]:
    """The window's rows, cut into pages; a lane continued on a page is relabelled."""
    first, last = window
    rows_: list[Row] = []
    for name, bars in lanes:
        inside = [b for b in bars if b.start <= last and b.end >= first]
        rows_ += [Row(name, line, i == 0) for i, line in enumerate(_pack(inside))]
    pages = [rows_[i:i + per_page] for i in range(0, len(rows_), per_page)] or [[]]
    return [[page[0] if page[0].first else Row(f"{page[0].lane} (cont.)", page[0].bars, True),
             *page[1:]] if page else page for page in pages]


def _month_starts(first: dt.date, last: dt.date) -> list[dt.date]:
    months, day = [], first.replace(day=1)
    while day <= last:
        months.append(day)
        day = (day + 32 * _DAY).replace(day=1)
    return months


def _draw_page(fig: Figure, title: str, window: tuple[dt.date, dt.date], page: list[Row],
               per_page: int, events: list[Event]) -> None:
    from matplotlib.dates import date2num

    first, last = window
    ax = fig.add_axes((0.2, 0.06, 0.77, 0.82))
    x0, x1 = date2num(first), date2num(last + _DAY)
    ax.set_xlim(x0, x1)
    ax.set_ylim(per_page - 0.5, -0.5)
    fig.text(0.02, 0.97, title, fontsize=11, weight="bold", va="top")
    labelled = x0 - 10
    for ev in events:
        if ev.start <= last and ev.end >= first:
            s, e = max(ev.start, first), min(ev.end, last)
            ax.axvspan(date2num(s), date2num(e + _DAY), color="#fde9d9", zorder=0)
            if date2num(s) - labelled >= 4:  # neighbours' names would overprint
                labelled = date2num(s)
                ax.annotate(ev.name, (labelled, 1.03), xycoords=("data", "axes fraction"),
                            fontsize=5, rotation=30, va="bottom", color="#c55a11")
    for m in _month_starts(first, last):
        ax.axvline(date2num(m), color="#7f7f7f", lw=0.8, zorder=1)
        ax.annotate(f"{m:%b %Y}", (max(date2num(m), x0) + 1, 1.005),
                    xycoords=("data", "axes fraction"), fontsize=8, weight="bold",
                    va="bottom", color="#404040")
    ax.set_xticks([date2num(d) for d in _mondays(first, last)])
    ax.set_xticklabels([f"W{d.isocalendar()[1]:02d}\n{d:%m-%d}" for d in _mondays(first, last)],
                       fontsize=6)
    ax.grid(axis="x", color="#e0e0e0", lw=0.4)
    ax.set_yticks(range(len(page)))
    ax.set_yticklabels([_short(r.lane) if r.first else "" for r in page], fontsize=7)
    ax.tick_params(axis="y", length=0)
    _draw_bars(ax, page, first, last, x1 - x0)
    for y, row in enumerate(page):
        if row.first and y:
            ax.axhline(y - 0.5, color="#bfbfbf", lw=0.6)


def _short(name: str, room: int = 34) -> str:
    """A lane name cut to the label margin (wide characters count double)."""
    if text_width(name) <= room:
        return name
    while text_width(name) > room - 1:
        name = name[:-1]
    return name + "…"


def _mondays(first: dt.date, last: dt.date) -> list[dt.date]:
    day = first + dt.timedelta(days=(7 - first.weekday()) % 7)
    return [day + dt.timedelta(weeks=i) for i in range((last - day).days // 7 + 1)]


def _draw_bars(ax: Any, page: list[Row], first: dt.date, last: dt.date, span: float) -> None:
    """One barh call per page; each name clipped to its own bar."""
    from matplotlib.dates import date2num

    placed = [(y, bar, max(bar.start, first), min(bar.end, last))
              for y, row in enumerate(page) for bar in row.bars]
    if not placed:
        return
    bars = ax.barh([y for y, *_ in placed], [(e - s).days + 1 for *_, s, e in placed],
                   left=[date2num(s) for *_, s, _ in placed], height=0.72,
                   color=[bar.colour for _, bar, *_ in placed], edgecolor="#ffffff",
                   linewidth=0.3, zorder=2)
    for patch, (y, bar, s, e) in zip(bars.patches, placed, strict=True):
        if ((e - s).days + 1) / span > 0.04:  # room for a few characters
            text = ax.text(date2num(s) + 0.5, y, bar.label, fontsize=5.5, va="center",
                           color="#ffffff", zorder=3, clip_on=True)
            text.set_clip_path(patch)


def export_calendar_pdf(plan: Plan, path: str | os.PathLike[str], page_size: str = "A4",
                        start: dt.date | None = None, end: dt.date | None = None) -> Path:
    """Write the calendar PDF (landscape `page_size`, A4 or A3) over start..end
    (default: the horizon) and return the path."""
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    if page_size not in PAGE_SIZES:
        raise ValidationError("page_size", page_size, "must be A4 or A3")
    settings = rows.read_settings(plan.db)
    first, last = start or settings.horizon_start, end or settings.horizon_end
    if first > last:
        raise ValidationError("end", last, f"must not be before the start {first}")
    lanes = _lanes(plan)
    events = [e for e in rows.all_of(plan.db, Event, order="start, rowid")
              if e.kind in MARKED_KINDS]
    per_page = ROWS_PER_PAGE[page_size]
    windows = _windows(first, last, MONTHS_PER_PAGE[page_size])
    pages = [(w, rows_) for w in windows for rows_ in page_rows(lanes, w, per_page)]

    def write(target: Path) -> None:
        with chinese_capable(), PdfPages(target) as pdf:
            info = pdf.infodict()
            info["Title"], info["Creator"] = settings.name, "Omnichannel Campaign Planner"
            for number, (window, page) in enumerate(pages, start=1):
                fig = Figure(figsize=PAGE_SIZES[page_size])
                title = (f"{settings.name}   {window[0]:%Y-%m-%d} – {window[1]:%Y-%m-%d}"
                         f"   page {number}/{len(pages)}")
                _draw_page(fig, title, window, page, per_page, events)
                pdf.savefig(fig)

    return write_atomically(path, write)
