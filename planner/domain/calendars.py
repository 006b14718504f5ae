"""Plan calendars: how a plan counts weeks, months, quarters and years.

Every roll-up in a plan (budget by month, reach by week, spend by quarter)
groups days into periods, and media teams disagree about where those periods
start. A TV buyer closes the month on the broadcast calendar, a retailer on a
4-4-5 calendar, finance on a fiscal year. The grouping is therefore a property
of the *plan*, stored with it, and never of the user's interface language or
locale: two people opening the same plan must see the same week numbers.

The module is deliberately pure: dates in, :class:`Period` values out, no
locale lookups (``calendar.month_abbr`` and ``strftime("%b")`` follow
``LC_TIME``, so month names are spelled out here), no storage and no Qt.

Each calendar kind is described by two primitives, :func:`year_span` and the
twelve month boundaries of a plan-year; quarters, years and (for broadcast and
retail) weeks are derived from those, which keeps the kinds consistent with
each other by construction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal, get_args

__all__ = [
    "CalendarKind",
    "CalendarSpec",
    "Grain",
    "Period",
    "period_of",
    "periods_between",
    "year_span",
]

CalendarKind = Literal["iso", "fiscal", "broadcast", "retail_445"]
Grain = Literal["day", "week", "month", "quarter", "year"]

_KINDS: tuple[str, ...] = get_args(CalendarKind)
_GRAINS: tuple[str, ...] = get_args(Grain)
_RETAIL_PATTERNS: tuple[str, ...] = ("445", "454", "544")
_SPEC_FIELDS: tuple[str, ...] = ("kind", "fiscal_start_month", "retail_pattern")

# Fixed English abbreviations: labels must not change with the OS locale.
_MONTH_ABBR: tuple[str, ...] = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip

# Key/label prefix per kind; it keeps keys from different calendars from
# ever colliding, so a stored roll-up cannot be read under the wrong calendar.
_PREFIX: dict[str, str] = {"iso": "", "fiscal": "FY", "broadcast": "B", "retail_445": "R"}

_DAY = timedelta(days=1)
_WEEK = timedelta(days=7)

_Span = tuple[date, date]


@dataclass(frozen=True)
class CalendarSpec:
    """The calendar a plan is rolled up by.

    Validation happens on construction as well as in :meth:`from_dict`, so an
    invalid spec cannot exist and the period functions never have to guess.

    :param kind: Which family of calendar the plan uses.
    :param fiscal_start_month: For ``"fiscal"``, the first month of the
        fiscal year. For ``"retail_445"``, the month in which the retail year
        nominally starts; the previous year ends on the Saturday nearest the
        last day of the month before. Ignored by ``"iso"`` and ``"broadcast"``.
    :param retail_pattern: Weeks per month within each 13-week retail quarter.
    """

    kind: CalendarKind = "iso"
    fiscal_start_month: int = 1
    retail_pattern: str = "445"

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:
            raise ValueError(f"kind: unknown calendar kind {self.kind!r}; expected one of {_KINDS}")
        month = self.fiscal_start_month
        # bool is an int subclass; True as "January" would be a silent data bug.
        if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
            raise ValueError(f"fiscal_start_month: expected an integer 1..12, got {month!r}")
        if self.retail_pattern not in _RETAIL_PATTERNS:
            raise ValueError(
                f"retail_pattern: expected one of {_RETAIL_PATTERNS}, got {self.retail_pattern!r}"
            )

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> CalendarSpec:
        """Build a spec from stored plan data.

        Unknown keys are rejected rather than ignored: a misspelt
        ``fiscal_start_month`` would otherwise fall back to January and
        silently shift every roll-up in the plan.

        :raises ValueError: naming the offending field and value.
        """
        if not isinstance(d, Mapping):
            raise ValueError(f"calendar spec: expected a mapping, got {type(d).__name__}")
        unknown = sorted(str(k) for k in d if k not in _SPEC_FIELDS)
        if unknown:
            raise ValueError(f"calendar spec: unknown field(s) {', '.join(unknown)}")
        return cls(**{k: d[k] for k in _SPEC_FIELDS if k in d})

    def to_dict(self) -> dict[str, Any]:
        """Serialise every field, so a stored plan does not depend on today's defaults."""
        return {
            "kind": self.kind,
            "fiscal_start_month": self.fiscal_start_month,
            "retail_pattern": self.retail_pattern,
        }


@dataclass(frozen=True, order=True)
class Period:
    """One bucket of a roll-up.

    Ordering compares ``start`` first, so sorting periods of one grain sorts
    them chronologically. ``key`` is for machines (storage, joins, sorting
    strings); ``label`` is for people and may change wording in future.
    """

    start: date
    end: date
    grain: Grain
    key: str
    label: str

    @property
    def days(self) -> int:
        """Length in days, inclusive of both ends, for pro-rating spend."""
        return (self.end - self.start).days + 1


# --------------------------------------------------------------------------- date helpers


def _add_months(d: date, months: int) -> date:
    """Shift a first-of-month date; only ever called with day 1, so no clamping."""
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _last_of_month(year: int, month: int) -> date:
    return _add_months(date(year, month, 1), 1) - _DAY


def _monday_on_or_before(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _last_sunday(year: int, month: int) -> date:
    last = _last_of_month(year, month)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def _saturday_nearest(d: date) -> date:
    # Saturday is weekday 5; map the offset into -3..+3 (7 is odd, so no ties).
    return d + timedelta(days=(5 - d.weekday() + 3) % 7 - 3)


def _retail_year_end(spec: CalendarSpec, year: int) -> date:
    """Last day of retail year ``year``, i.e. the Saturday nearest its nominal end."""
    nominal_next_start = date(year + 1, spec.fiscal_start_month, 1)
    return _saturday_nearest(nominal_next_start - _DAY)


# --------------------------------------------------------------------------- plan-years


def year_span(spec: CalendarSpec, year: int) -> tuple[date, date]:
    """First and last day of the plan-year named ``year``.

    Naming follows each industry's habit, which is why it differs by kind:
    fiscal years are named by the calendar year they *end* in (FY2027 starts
    in April 2026), retail years by the year they *start* in (NRF 2025 runs
    into January 2026), broadcast years by the calendar year they mostly
    cover. A retail year whose nominal start is January may begin a few days
    in late December; it still carries the name of the year it nominally
    starts in.
    """
    kind = spec.kind
    if kind == "iso":
        return date(year, 1, 1), date(year, 12, 31)
    if kind == "fiscal":
        m = spec.fiscal_start_month
        start = date(year - 1 if m > 1 else year, m, 1)
        return start, _add_months(start, 12) - _DAY
    if kind == "broadcast":
        return _monday_on_or_before(date(year, 1, 1)), _last_sunday(year, 12)
    return _retail_year_end(spec, year - 1) + _DAY, _retail_year_end(spec, year)


def _plan_year_of(spec: CalendarSpec, day: date) -> int:
    """Name of the plan-year containing ``day``.

    A cheap guess from the calendar date is corrected against
    :func:`year_span`, so the boundary rules live in exactly one place.
    """
    year = day.year
    m = spec.fiscal_start_month
    if spec.kind == "fiscal" and m > 1 and day.month >= m:
        year += 1
    elif spec.kind == "retail_445" and day.month < m:
        year -= 1
    while day < year_span(spec, year)[0]:
        year -= 1
    while day > year_span(spec, year)[1]:
        year += 1
    return year


def _months_of_year(spec: CalendarSpec, year: int) -> list[_Span]:
    """The twelve month spans of a plan-year, in order and contiguous."""
    kind = spec.kind
    if kind == "iso":
        return [(date(year, m, 1), _last_of_month(year, m)) for m in range(1, 13)]
    if kind == "fiscal":
        first = year_span(spec, year)[0]
        starts = [_add_months(first, i) for i in range(13)]
        return [(starts[i], starts[i + 1] - _DAY) for i in range(12)]
    if kind == "broadcast":
        return [
            (_monday_on_or_before(date(year, m, 1)), _last_sunday(year, m)) for m in range(1, 13)
        ]
    start, end = year_span(spec, year)
    weeks = [int(ch) for ch in spec.retail_pattern] * 4
    if (end - start).days + 1 == 53 * 7:
        weeks[-1] += 1  # NRF: the 53rd week joins the last month of the year.
    spans: list[_Span] = []
    for n in weeks:
        spans.append((start, start + n * _WEEK - _DAY))
        start += n * _WEEK
    return spans


# --------------------------------------------------------------------------- periods


def _day_period(day: date) -> Period:
    text = day.isoformat()
    return Period(day, day, "day", text, text)


def _week_period(spec: CalendarSpec, day: date) -> Period:
    if spec.kind in ("iso", "fiscal"):
        # Finance calendars still talk in ISO weeks; only months onwards are fiscal.
        iso_year, iso_week, iso_day = day.isocalendar()
        start = day - timedelta(days=iso_day - 1)
        key = f"{iso_year:04d}-W{iso_week:02d}"
        return Period(start, start + 6 * _DAY, "week", key, f"W{iso_week:02d} {iso_year:04d}")
    # Broadcast and retail weeks are numbered within their own year, whose
    # start is always the first day of a week, so a week never straddles years.
    year = _plan_year_of(spec, day)
    first = year_span(spec, year)[0]
    index = (day - first).days // 7
    start = first + index * _WEEK
    name = f"{_PREFIX[spec.kind]}{year:04d}"
    week = f"W{index + 1:02d}"
    return Period(start, start + 6 * _DAY, "week", f"{name}-{week}", f"{name} {week}")


def _month_key_label(spec: CalendarSpec, year: int, index: int) -> tuple[str, str]:
    """Key and label of month ``index`` (0-based) of plan-year ``year``."""
    kind = spec.kind
    if kind == "iso":
        return f"{year:04d}-{index + 1:02d}", f"{_MONTH_ABBR[index]} {year:04d}"
    name = f"{_PREFIX[kind]}{year:04d}"
    if kind == "broadcast":
        # Broadcast months map one-to-one onto calendar months, so name them so.
        return f"{name}-{index + 1:02d}", f"{name} {_MONTH_ABBR[index]}"
    # Fiscal and retail months are positions in the year, not calendar months.
    return f"{name}-P{index + 1:02d}", f"{name} P{index + 1:02d}"


def _grouped_period(spec: CalendarSpec, day: date, grain: Grain) -> Period:
    """Month, quarter or year containing ``day``, built from month spans."""
    year = _plan_year_of(spec, day)
    months = _months_of_year(spec, year)
    index = next(i for i, (start, end) in enumerate(months) if start <= day <= end)
    name = f"{_PREFIX[spec.kind]}{year:04d}"
    if grain == "month":
        key, label = _month_key_label(spec, year, index)
        return Period(*months[index], "month", key, label)
    if grain == "quarter":
        q = index // 3
        label = f"Q{q + 1} {name}" if spec.kind == "iso" else f"{name} Q{q + 1}"
        return Period(months[3 * q][0], months[3 * q + 2][1], "quarter", f"{name}-Q{q + 1}", label)
    return Period(months[0][0], months[-1][1], "year", name, name)


def period_of(spec: CalendarSpec, day: date, grain: Grain) -> Period:
    """The period of ``grain`` that contains ``day`` under the plan's calendar.

    :raises ValueError: for an unknown grain, so a typo cannot fall through
        to a default grouping.
    """
    if grain == "day":
        return _day_period(day)
    if grain == "week":
        return _week_period(spec, day)
    if grain in ("month", "quarter", "year"):
        return _grouped_period(spec, day, grain)
    raise ValueError(f"grain: unknown grain {grain!r}; expected one of {_GRAINS}")


def periods_between(spec: CalendarSpec, start: date, end: date, grain: Grain) -> list[Period]:
    """All periods overlapping ``[start, end]`` (inclusive), in order.

    The first and last periods usually extend beyond the range; callers that
    pro-rate spend compare :attr:`Period.days` with the overlap. The result is
    contiguous by construction: each period begins the day after the last.

    :raises ValueError: if ``start`` is after ``end``; a reversed range almost
        always means swapped arguments, and an empty list would hide that.
    """
    if start > end:
        raise ValueError(f"start: {start.isoformat()} is after end {end.isoformat()}")
    periods = [period_of(spec, start, grain)]
    while periods[-1].end < end:
        periods.append(period_of(spec, periods[-1].end + _DAY, grain))
    return periods
