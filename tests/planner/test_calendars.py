"""Tests for plan calendars: hand-checked facts first, then properties."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise
from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.calendars import (
    CalendarSpec,
    Grain,
    Period,
    period_of,
    periods_between,
    year_span,
)

ISO = CalendarSpec()
BROADCAST = CalendarSpec(kind="broadcast")
NRF = CalendarSpec(kind="retail_445", fiscal_start_month=2)
NRF_454 = CalendarSpec(kind="retail_445", fiscal_start_month=2, retail_pattern="454")
FY_APRIL = CalendarSpec(kind="fiscal", fiscal_start_month=4)

GRAINS: tuple[Grain, ...] = get_args(Grain)
FAST = settings(max_examples=60, deadline=None, database=None)


# --------------------------------------------------------------------------- known facts


def test_iso_2026_week_1_starts_on_2025_12_29() -> None:
    # ISO 8601: week 1 holds the year's first Thursday; 2026-01-01 is a Thursday.
    week = period_of(ISO, date(2026, 1, 1), "week")
    assert (week.start, week.end) == (date(2025, 12, 29), date(2026, 1, 4))
    assert (week.key, week.label) == ("2026-W01", "W01 2026")


def test_iso_2020_has_week_53() -> None:
    # ISO 8601: a leap year starting on Wednesday (2020) has 53 weeks;
    # 2020-W53 runs Mon 2020-12-28 to Sun 2021-01-03.
    week = period_of(ISO, date(2021, 1, 3), "week")
    assert week.key == "2020-W53"
    assert (week.start, week.end) == (date(2020, 12, 28), date(2021, 1, 3))


def test_iso_month_quarter_year_keys_and_labels() -> None:
    day = date(2026, 3, 15)
    assert period_of(ISO, day, "month") == Period(
        date(2026, 3, 1), date(2026, 3, 31), "month", "2026-03", "Mar 2026"
    )
    assert period_of(ISO, day, "quarter") == Period(
        date(2026, 1, 1), date(2026, 3, 31), "quarter", "2026-Q1", "Q1 2026"
    )
    assert period_of(ISO, day, "year") == Period(
        date(2026, 1, 1), date(2026, 12, 31), "year", "2026", "2026"
    )


def test_day_grain() -> None:
    day = period_of(BROADCAST, date(2026, 6, 18), "day")
    assert (day.key, day.label, day.days) == ("2026-06-18", "2026-06-18", 1)


def test_broadcast_january_and_december_2026() -> None:
    # US broadcast calendar rule: a month ends on its last Sunday and begins the
    # Monday after the previous one ended. 2026-01-01 is a Thursday, so January
    # starts Mon 2025-12-29; 2026-01-31 is a Saturday, so it ends Sun 2026-01-25;
    # 2026-12-31 is a Thursday, so December ends Sun 2026-12-27.
    january = period_of(BROADCAST, date(2026, 1, 10), "month")
    assert (january.start, january.end) == (date(2025, 12, 29), date(2026, 1, 25))
    assert (january.key, january.label) == ("B2026-01", "B2026 Jan")
    assert period_of(BROADCAST, date(2025, 12, 30), "month").key == "B2026-01"
    december = period_of(BROADCAST, date(2026, 12, 1), "month")
    assert december.end == date(2026, 12, 27)
    assert year_span(BROADCAST, 2026) == (date(2025, 12, 29), date(2026, 12, 27))
    assert period_of(BROADCAST, date(2026, 12, 28), "year").key == "B2027"


def test_broadcast_week_1_contains_january_1() -> None:
    # Broadcast week 1 is the week containing January 1 (see the month rule above).
    week = period_of(BROADCAST, date(2026, 1, 1), "week")
    assert (week.start, week.key, week.label) == (date(2025, 12, 29), "B2026-W01", "B2026 W01")


def test_broadcast_2023_has_53_weeks() -> None:
    # 2023-01-01 is a Sunday, so broadcast 2023 starts Mon 2022-12-26 and ends on
    # the last Sunday of December, 2023-12-31: 371 days.
    assert year_span(BROADCAST, 2023) == (date(2022, 12, 26), date(2023, 12, 31))
    assert period_of(BROADCAST, date(2023, 12, 31), "week").key == "B2023-W53"


def test_nrf_retail_2025() -> None:
    # NRF 4-5-4 calendar: fiscal 2025 runs Sun 2025-02-02 to Sat 2026-01-31.
    assert year_span(NRF, 2025) == (date(2025, 2, 2), date(2026, 1, 31))
    first_week = period_of(NRF, date(2025, 2, 2), "week")
    assert (first_week.key, first_week.label) == ("R2025-W01", "R2025 W01")
    assert first_week.start.weekday() == 6  # Sunday
    assert period_of(NRF, date(2026, 1, 31), "year").key == "R2025"
    assert period_of(NRF, date(2026, 2, 1), "year").key == "R2026"


def test_nrf_retail_2023_is_a_53_week_year() -> None:
    # NRF: fiscal 2023 ran 2023-01-29 to 2024-02-03 with a 53rd week in January.
    start, end = year_span(NRF, 2023)
    assert (start, end) == (date(2023, 1, 29), date(2024, 2, 3))
    assert (end - start).days + 1 == 53 * 7
    assert period_of(NRF, end, "week").key == "R2023-W53"
    last_month = period_of(NRF, end, "month")
    assert last_month.key == "R2023-P12"
    assert last_month.days == 6 * 7  # 5 weeks from the 445 pattern plus the extra week


def test_nrf_454_months_match_published_calendar() -> None:
    # NRF 4-5-4 calendar 2025: February = Feb 2..Mar 1, March = Mar 2..Apr 5,
    # December = Nov 30..Jan 3.
    feb = period_of(NRF_454, date(2025, 2, 10), "month")
    mar = period_of(NRF_454, date(2025, 3, 10), "month")
    dec = period_of(NRF_454, date(2025, 12, 10), "month")
    assert (feb.start, feb.end, feb.key, feb.label) == (
        date(2025, 2, 2), date(2025, 3, 1), "R2025-P01", "R2025 P01"
    )  # fmt: skip
    assert (mar.start, mar.end) == (date(2025, 3, 2), date(2025, 4, 5))
    assert (dec.start, dec.end) == (date(2025, 11, 30), date(2026, 1, 3))


def test_fiscal_april_names_year_by_its_end() -> None:
    # Convention stated in the plan spec: FY starting 2026-04-01 is FY2027,
    # so May 2026 is its second month and falls in Q1.
    day = date(2026, 5, 10)
    month = period_of(FY_APRIL, day, "month")
    assert (month.key, month.label) == ("FY2027-P02", "FY2027 P02")
    assert (month.start, month.end) == (date(2026, 5, 1), date(2026, 5, 31))
    quarter = period_of(FY_APRIL, day, "quarter")
    assert (quarter.key, quarter.start, quarter.end) == (
        "FY2027-Q1", date(2026, 4, 1), date(2026, 6, 30)
    )  # fmt: skip
    assert year_span(FY_APRIL, 2027) == (date(2026, 4, 1), date(2027, 3, 31))
    assert period_of(FY_APRIL, day, "week").key == "2026-W19"  # weeks stay ISO


def test_fiscal_january_matches_iso_dates() -> None:
    fiscal = CalendarSpec(kind="fiscal", fiscal_start_month=1)
    for grain in GRAINS:
        a = periods_between(ISO, date(2025, 11, 3), date(2026, 2, 20), grain)
        b = periods_between(fiscal, date(2025, 11, 3), date(2026, 2, 20), grain)
        assert [(p.start, p.end) for p in a] == [(p.start, p.end) for p in b]
    assert period_of(fiscal, date(2026, 3, 1), "month").key == "FY2026-P03"


def test_periods_between_rejects_reversed_range() -> None:
    with pytest.raises(ValueError, match="start"):
        periods_between(ISO, date(2026, 2, 1), date(2026, 1, 1), "week")


def test_unknown_grain_is_rejected() -> None:
    with pytest.raises(ValueError, match="fortnight"):
        period_of(ISO, date(2026, 1, 1), "fortnight")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- spec


def test_spec_round_trip_and_defaults() -> None:
    assert CalendarSpec.from_dict({}) == ISO
    for spec in (ISO, BROADCAST, NRF_454, FY_APRIL):
        assert CalendarSpec.from_dict(spec.to_dict()) == spec


@pytest.mark.parametrize(
    ("data", "field", "value"),
    [
        ({"kind": "lunar"}, "kind", "lunar"),
        ({"fiscal_start_month": 13}, "fiscal_start_month", "13"),
        ({"fiscal_start_month": 0}, "fiscal_start_month", "0"),
        ({"fiscal_start_month": "4"}, "fiscal_start_month", "'4'"),
        ({"fiscal_start_month": True}, "fiscal_start_month", "True"),
        ({"retail_pattern": "455"}, "retail_pattern", "455"),
        ({"fiscal_start": 4}, "fiscal_start", "fiscal_start"),
    ],
)
def test_spec_validation_names_field_and_value(data: dict, field: str, value: str) -> None:
    with pytest.raises(ValueError) as excinfo:
        CalendarSpec.from_dict(data)
    assert field in str(excinfo.value)
    assert value in str(excinfo.value)


def test_spec_from_non_mapping_is_rejected() -> None:
    with pytest.raises(ValueError, match="mapping"):
        CalendarSpec.from_dict(["iso"])  # type: ignore[arg-type]


# --------------------------------------------------------------------------- properties

specs = st.one_of(
    st.just(ISO),
    st.just(BROADCAST),
    st.builds(CalendarSpec, kind=st.just("fiscal"), fiscal_start_month=st.integers(1, 12)),
    st.builds(
        CalendarSpec,
        kind=st.just("retail_445"),
        fiscal_start_month=st.integers(1, 12),
        retail_pattern=st.sampled_from(["445", "454", "544"]),
    ),
)
days = st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31))
grains = st.sampled_from(GRAINS)
retail_specs = st.builds(
    CalendarSpec,
    kind=st.just("retail_445"),
    fiscal_start_month=st.integers(1, 12),
    retail_pattern=st.sampled_from(["445", "454", "544"]),
)


@FAST
@given(spec=specs, start=days, length=st.integers(0, 900), grain=grains, data=st.data())
def test_periods_between_tiles_the_range(
    spec: CalendarSpec, start: date, length: int, grain: Grain, data: st.DataObject
) -> None:
    if grain == "day":
        length = min(length, 60)
    end = start + timedelta(days=length)
    periods = periods_between(spec, start, end, grain)

    assert periods[0].start <= start <= periods[0].end
    assert periods[-1].start <= end <= periods[-1].end
    for p in periods:
        assert p.grain == grain
        assert p.start <= p.end
        assert p.days == (p.end - p.start).days + 1
        assert p.key and p.label
    for a, b in pairwise(periods):
        assert b.start == a.end + timedelta(days=1)  # contiguous, hence no overlap
    keys = [p.key for p in periods]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)

    day = start + timedelta(days=data.draw(st.integers(0, length)))
    own = period_of(spec, day, grain)
    assert own.start <= day <= own.end
    assert own == next(p for p in periods if p.start <= day <= p.end)


@FAST
@given(spec=specs, year=st.integers(1950, 2150))
def test_months_partition_the_year_and_nest_in_quarters(spec: CalendarSpec, year: int) -> None:
    first, last = year_span(spec, year)
    year_period = period_of(spec, first, "year")
    assert (year_period.start, year_period.end) == (first, last)
    assert period_of(spec, last, "year") == year_period

    months = periods_between(spec, first, last, "month")
    assert len(months) == 12
    assert (months[0].start, months[-1].end) == (first, last)
    quarters = periods_between(spec, first, last, "quarter")
    assert len(quarters) == 4
    for i, quarter in enumerate(quarters):
        assert quarter.start == months[3 * i].start
        assert quarter.end == months[3 * i + 2].end


@FAST
@given(spec=st.one_of(st.just(BROADCAST), retail_specs), year=st.integers(1950, 2150))
def test_broadcast_and_retail_weeks_nest_in_months(spec: CalendarSpec, year: int) -> None:
    first, last = year_span(spec, year)
    weeks = periods_between(spec, first, last, "week")
    assert len(weeks) in (52, 53)
    assert (weeks[0].start, weeks[-1].end) == (first, last)
    assert weeks[0].key.endswith("-W01") and weeks[-1].key.endswith(f"-W{len(weeks)}")
    expected_first_weekday = 0 if spec.kind == "broadcast" else 6  # Monday / Sunday
    assert all(w.start.weekday() == expected_first_weekday for w in weeks)
    for month in periods_between(spec, first, last, "month"):
        assert month.days % 7 == 0
        assert period_of(spec, month.start, "week").start == month.start
        assert period_of(spec, month.end, "week").end == month.end


@FAST
@given(spec=retail_specs, year=st.integers(1950, 2150))
def test_retail_quarters_are_13_weeks_with_14_in_a_53_week_year(
    spec: CalendarSpec, year: int
) -> None:
    first, last = year_span(spec, year)
    assert first.weekday() == 6 and last.weekday() == 5  # Sunday .. Saturday
    weeks_in_year = ((last - first).days + 1) // 7
    assert weeks_in_year in (52, 53)
    quarter_weeks = [q.days // 7 for q in periods_between(spec, first, last, "quarter")]
    assert quarter_weeks == [13, 13, 13, 13 if weeks_in_year == 52 else 14]
    month_weeks = [m.days // 7 for m in periods_between(spec, first, last, "month")]
    pattern = [int(ch) for ch in spec.retail_pattern] * 4
    pattern[-1] += weeks_in_year - 52
    assert month_weeks == pattern

    # The year ends on the Saturday nearest the last day of the month before the start month.
    nominal_end = date(year + 1, spec.fiscal_start_month, 1) - timedelta(days=1)
    assert abs((last - nominal_end).days) <= 3


@FAST
@given(spec=specs, year=st.integers(1950, 2150))
def test_consecutive_years_are_contiguous(spec: CalendarSpec, year: int) -> None:
    assert year_span(spec, year + 1)[0] == year_span(spec, year)[1] + timedelta(days=1)
