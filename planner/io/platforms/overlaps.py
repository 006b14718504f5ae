"""A campaign's spans that overlap without being the same span: refused, never added twice.

A platform row covers one day (a daily export) or a range: Meta Ads Manager writes
"Reporting starts" and "Reporting ends" over the whole range it was asked for, and
a flowchart's row covers a week. A range is kept as one actual over its days, as the
platform reported it: the plan-vs-actual views and the reforecast spread an actual
evenly over its days, exactly to the fen, so the range needs no daily breakdown the
platform did not give. Importing the same range again updates that actual. A range
that overlaps another span of the same campaign (in the same file, or imported
before) without being that span would count the shared days twice, so the row is
refused, naming both spans; the planner exports the same dates as before, or dates
that do not overlap, or breaks the export down by day.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from planner.io.import_report import ImportReport
from planner.io.platforms.rows import PlatformRow


@dataclass(frozen=True)
class Span:
    """One actual's days, and the campaign it belongs to."""

    account: str
    campaign_id: str | None
    campaign: str
    start: str  # ISO dates, as stored
    end: str
    row: PlatformRow | None  # None: imported before


def refuse_overlaps(spans: list[Span], report: ImportReport, column: str | None) -> None:
    """A problem at each file row whose span overlaps another span of its campaign.

    Spans of one campaign share an account and either an id or, where one of them has
    no id (or Excel destroyed it), a name, as re-imports find their actuals."""
    if all(span.start == span.end for span in spans):
        return  # single days overlap only when they are the same day: an update
    groups: dict[tuple, list[Span]] = defaultdict(list)
    for span in spans:
        groups[("name", span.account, span.campaign)].append(span)
        if span.campaign_id is not None:
            groups[("id", span.account, span.campaign_id)].append(span)
    refused: dict[int, tuple[Span, Span]] = {}  # row -> its span and the one it overlaps
    for (kind, _, _), group in groups.items():
        active: list[Span] = []
        for span in sorted(group, key=lambda s: (s.start, s.end)):
            active = [a for a in active if a.end >= span.start]
            for other in active:
                if (other.start, other.end) != (span.start, span.end) and (
                        kind == "id" or None in (span.campaign_id, other.campaign_id)
                        or span.campaign_id == other.campaign_id):
                    for one, another in ((span, other), (other, span)):
                        if one.row is not None:
                            refused.setdefault(one.row.number, (one, another))
            active.append(span)
    for number in sorted(refused):
        _refuse(*refused[number], report, column)


def _refuse(span: Span, other: Span, report: ImportReport, column: str | None) -> None:
    assert span.row is not None
    where = "in this file" if other.row is not None else "imported before"
    report.problem(f"campaign {span.campaign!r} from {span.start} to {span.end} overlaps its "
                   f"{other.start} to {other.end} {where}; the days in both would count "
                   "twice: export the same dates as before, dates that do not overlap, or "
                   "one row per day", sheet=span.row.sheet, row=span.row.number, column=column)
