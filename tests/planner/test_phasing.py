"""Phasing must never lose or invent a cent, whatever the pattern or span."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.phasing import (
    PATTERNS,
    Phasing,
    PhasingError,
    apportion,
    custom_from_amounts,
    daily_weights,
    phase_by_periods,
    phase_days,
)
from planner.domain.phasing_frame import phase_frame

D = date.fromisoformat
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def month(day: date) -> str:
    return f"{day:%Y-%m}"


# --- hand-checked examples -------------------------------------------------------------


def test_even_gives_the_spare_cent_to_the_first_day() -> None:
    assert phase_days(100, D("2024-01-01"), D("2024-01-03")) == [34, 33, 33]


def test_continuous_is_even_by_another_name() -> None:
    args = (1001, D("2024-01-01"), D("2024-01-07"))
    assert phase_days(*args, Phasing("continuous")) == phase_days(*args, Phasing())


def test_front_ramp_weights_and_amounts() -> None:
    start, end = D("2024-01-01"), D("2024-01-03")
    assert daily_weights(Phasing("front", ratio=3), start, end) == [3, 2, 1]
    assert daily_weights(Phasing("back", ratio=3), start, end) == [1, 2, 3]
    assert phase_days(600, start, end, Phasing("front", ratio=3)) == [300, 200, 100]
    assert phase_days(100, start, end, Phasing("front", ratio=3)) == [50, 33, 17]


def test_one_day_ramp_puts_everything_on_that_day() -> None:
    day = D("2024-05-05")
    assert phase_days(12345, day, day, Phasing("back", ratio=7.5)) == [12345]


def test_flighting_two_on_one_off() -> None:
    phasing = Phasing("flighting", on_days=2, off_days=1)
    amounts = phase_days(400, D("2024-01-01"), D("2024-01-05"), phasing)
    assert amounts == [100, 100, 0, 100, 100]


def test_flighting_shorter_than_a_burst_spends_every_day() -> None:
    phasing = Phasing("flighting", on_days=10, off_days=5)
    assert phase_days(9, D("2024-01-01"), D("2024-01-03"), phasing) == [3, 3, 3]


def test_pulsing_splits_base_and_bursts() -> None:
    # 10 days, bursts on days 1-2 and 6-7: base 300 -> 30/day, bursts 700 -> 175/burst day.
    phasing = Phasing("pulsing", on_days=2, off_days=3, base_share=0.3)
    amounts = phase_days(1000, D("2024-01-01"), D("2024-01-10"), phasing)
    assert amounts == [205, 205, 30, 30, 30, 205, 205, 30, 30, 30]


def test_custom_from_amounts_reproduces_each_amount() -> None:
    amounts = [
        (D("2024-01-20"), D("2024-01-31"), 1000),
        (D("2024-02-01"), D("2024-02-29"), 2001),
        (D("2024-03-01"), D("2024-03-05"), 7),
    ]
    phasing = custom_from_amounts(amounts)
    periods = phase_by_periods(3008, D("2024-01-20"), D("2024-03-05"), phasing, month)
    assert periods == {"2024-01": 1000, "2024-02": 2001, "2024-03": 7}


def test_custom_amounts_are_exact_where_a_single_split_would_drift() -> None:
    # Per-day quotas 3.33 and 6.67: one day-level split would hand segment 2 all 3 spare cents.
    phasing = custom_from_amounts(
        [(D("2024-01-01"), D("2024-01-03"), 10), (D("2024-01-04"), D("2024-01-06"), 20)]
    )
    assert phase_days(30, D("2024-01-01"), D("2024-01-06"), phasing) == [4, 3, 3, 7, 7, 6]


def test_custom_segments_may_be_listed_out_of_order() -> None:
    phasing = Phasing(
        "custom",
        segments=((D("2024-01-03"), D("2024-01-04"), 1), (D("2024-01-01"), D("2024-01-02"), 3)),
    )
    assert phase_days(80, D("2024-01-01"), D("2024-01-04"), phasing) == [30, 30, 10, 10]


def test_apportion_examples() -> None:
    assert apportion(10, [1, 1, 1]) == [4, 3, 3]
    assert apportion(10, [0.5, 0.25, 0.25]) == [5, 3, 2]
    assert apportion(0, [1, 2]) == [0, 0]
    assert apportion(7, [0, 3, 0]) == [0, 7, 0]
    assert apportion(10**30, [1, 2]) == [
        333333333333333333333333333333,
        666666666666666666666666666667,
    ]


def test_budget_zero_is_all_zeros() -> None:
    assert phase_days(0, D("2024-01-01"), D("2024-01-04"), Phasing("front")) == [0, 0, 0, 0]


def test_phase_by_periods_keeps_chronological_order() -> None:
    periods = phase_by_periods(3100, D("2024-01-31"), D("2024-03-01"), None, month)
    assert list(periods) == ["2024-01", "2024-02", "2024-03"]
    assert sum(periods.values()) == 3100


# --- validation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"on_days": 0}, "phasing.on_days must be >= 1, got 0"),
        ({"off_days": -1}, "phasing.off_days must be >= 0, got -1"),
        ({"ratio": 0.5}, "phasing.ratio must be >= 1, got 0.5"),
        ({"ratio": "3"}, "phasing.ratio must be a number, got '3'"),
        ({"base_share": 1.5}, "phasing.base_share must be between 0 and 1, got 1.5"),
        ({"pattern": "burst"}, "phasing.pattern must be one of"),
        ({"pattern": "custom"}, "phasing.segments must not be empty"),
        ({"colour": "red"}, "phasing has no field 'colour'"),
        (
            {"segments": [["2024-01-01", "2024-13-01", 1]]},
            "phasing.segments[0] end must be an ISO date",
        ),
        (
            {"segments": [["2024-01-01", "2024-01-02", -5]]},
            "phasing.segments[0] weight must be >= 0, got -5",
        ),
        (
            {"segments": [["2024-01-01", "2024-01-02", 1.5]]},
            "phasing.segments[0] weight must be an integer",
        ),
    ],
)
def test_from_dict_errors_name_field_and_value(data: dict, message: str) -> None:
    with pytest.raises(PhasingError, match=message.replace("[", r"\[").replace("]", r"\]")):
        Phasing.from_dict(data)


@pytest.mark.parametrize(
    ("segments", "message"),
    [
        (
            [("2024-01-01", "2024-01-02", 1), ("2024-01-04", "2024-01-05", 1)],
            r"segments\[1\].*gap.*2024-01-03",
        ),
        (
            [("2024-01-01", "2024-01-03", 1), ("2024-01-03", "2024-01-05", 1)],
            r"segments\[1\].*overlaps",
        ),
        ([("2023-12-31", "2024-01-05", 1)], r"segments\[0\].*outside the flight"),
        ([("2024-01-01", "2024-01-04", 1)], r"gap: nothing covers 2024-01-05\.\.2024-01-05"),
        ([("2024-01-01", "2024-01-05", 0)], "must not all be 0"),
    ],
)
def test_custom_segments_must_cover_the_flight(segments: list, message: str) -> None:
    phasing = Phasing("custom", segments=tuple(segments))
    with pytest.raises(PhasingError, match=message):
        phase_days(100, D("2024-01-01"), D("2024-01-05"), phasing)


def test_bad_budgets_and_spans_are_rejected() -> None:
    with pytest.raises(PhasingError, match="budget_minor must be >= 0, got -1"):
        phase_days(-1, D("2024-01-01"), D("2024-01-02"))
    with pytest.raises(PhasingError, match=r"budget_minor must be an integer, got 1\.5"):
        phase_days(1.5, D("2024-01-01"), D("2024-01-02"))  # type: ignore[arg-type]
    with pytest.raises(PhasingError, match="end must not be before start"):
        phase_days(1, D("2024-01-02"), D("2024-01-01"))
    with pytest.raises(PhasingError, match="must not all be 0"):
        apportion(5, [0, 0])
    with pytest.raises(PhasingError, match=r"weights\[1\] must be >= 0"):
        apportion(5, [1, -1])
    with pytest.raises(PhasingError, match=r"weights\[0\] must be a finite number"):
        apportion(5, [float("nan")])
    assert issubclass(PhasingError, ValueError)


def test_dict_round_trip_omits_defaults() -> None:
    assert Phasing.from_dict(None) == Phasing()
    assert Phasing().to_dict() == {}
    assert Phasing("front", ratio=2).to_dict() == {"pattern": "front", "ratio": 2.0}
    custom = custom_from_amounts([(D("2024-01-01"), D("2024-01-31"), 5)])
    data = custom.to_dict()
    assert data == {"pattern": "custom", "segments": [["2024-01-01", "2024-01-31", 5]]}
    assert Phasing.from_dict(json.loads(json.dumps(data))) == custom


# --- properties --------------------------------------------------------------------------

spans = st.tuples(
    st.dates(min_value=D("2020-01-01"), max_value=D("2030-12-31")), st.integers(1, 400)
).map(lambda t: (t[0], t[0] + timedelta(days=t[1] - 1)))


@st.composite
def phasings(draw: st.DrawFn, start: date, end: date) -> Phasing:
    pattern = draw(st.sampled_from(PATTERNS))
    if pattern != "custom":
        return Phasing(
            pattern,
            ratio=draw(st.floats(1, 50, allow_nan=False)),
            on_days=draw(st.integers(1, 30)),
            off_days=draw(st.integers(0, 30)),
            base_share=draw(st.floats(0, 1)),
        )
    days = (end - start).days + 1
    cuts = sorted(
        draw(st.sets(st.integers(1, days - 1), max_size=min(days - 1, 12))) if days > 1 else []
    )
    bounds = [0, *cuts, days]
    weights = draw(
        st.lists(st.integers(0, 10**9), min_size=len(bounds) - 1, max_size=len(bounds) - 1)
    )
    if not any(weights):
        weights[0] = 1
    segments = [
        (start + timedelta(days=a), start + timedelta(days=b - 1), w)
        for a, b, w in zip(bounds, bounds[1:], weights, strict=False)
    ]
    return Phasing("custom", segments=tuple(draw(st.permutations(segments))))


@st.composite
def flights(draw: st.DrawFn) -> tuple[int, date, date, Phasing]:
    start, end = draw(spans)
    return draw(st.integers(0, 10**12)), start, end, draw(phasings(start, end))


@FAST
@given(flights())
def test_any_flight_sums_exactly_and_respects_zero_weights(flight: tuple) -> None:
    budget, start, end, phasing = flight
    amounts = phase_days(budget, start, end, phasing)
    weights = daily_weights(phasing, start, end)
    assert len(amounts) == len(weights) == (end - start).days + 1
    assert sum(amounts) == budget
    assert all(a >= 0 for a in amounts)
    assert all(a == 0 for a, w in zip(amounts, weights, strict=True) if w == 0)
    assert phase_by_periods(budget, start, end, phasing, month) == _by_month(start, amounts)
    assert Phasing.from_dict(json.loads(json.dumps(phasing.to_dict()))) == phasing


def _by_month(start: date, amounts: list[int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for offset, amount in enumerate(amounts):
        key = month(start + timedelta(days=offset))
        out[key] = out.get(key, 0) + amount
    return out


@FAST
@given(
    st.integers(0, 10**15),
    st.lists(st.floats(0, 1e6) | st.integers(0, 10**6), min_size=1, max_size=50),
)
def test_apportion_is_exact_and_within_one_of_the_quota(total: int, weights: list) -> None:
    if not any(weights):
        weights[0] = 1
    shares = apportion(total, weights)
    assert sum(shares) == total
    weight_sum = sum(map(float, weights))
    for share, weight in zip(shares, weights, strict=True):
        assert abs(share - total * float(weight) / weight_sum) <= 1 + total * 1e-12
        if weight == 0:
            assert share == 0


@FAST
@given(
    st.lists(
        st.dates(min_value=D("2024-01-01"), max_value=D("2025-12-31")).flatmap(
            lambda d: st.tuples(st.just(d), st.integers(1, 40), st.integers(0, 10**7))
        ),
        min_size=1,
        max_size=5,
    )
)
def test_custom_from_amounts_round_trips_any_amounts(parts: list) -> None:
    start = parts[0][0]
    amounts, day = [], start
    for _, length, amount in parts:
        amounts.append((day, day + timedelta(days=length - 1), amount))
        day += timedelta(days=length)
    if not any(a for _, _, a in amounts):
        return
    daily = phase_days(
        sum(a for *_, a in amounts), start, day - timedelta(days=1), custom_from_amounts(amounts)
    )
    for seg_start, seg_end, amount in amounts:
        assert sum(daily[(seg_start - start).days : (seg_end - start).days + 1]) == amount


@FAST
@given(st.lists(flights(), min_size=0, max_size=6), st.booleans())
def test_phase_frame_matches_phase_days(batch: list, as_json: bool) -> None:
    pd = pytest.importorskip("pandas")
    rows = [
        {
            "id": f"f{i}",
            "start": start.isoformat() if as_json else pd.Timestamp(start),
            "end": end.isoformat() if as_json else pd.Timestamp(end),
            "budget_minor": budget,
            "phasing": json.dumps(p.to_dict()) if as_json else (p.to_dict() or None),
        }
        for i, (budget, start, end, p) in enumerate(batch)
    ]
    frame = pd.DataFrame(rows, columns=["id", "start", "end", "budget_minor", "phasing"])
    frame["budget_minor"] = frame["budget_minor"].astype("int64")
    out = phase_frame(frame)
    assert list(out.columns) == ["flight_id", "day", "amount_minor"]
    assert str(out["amount_minor"].dtype) == "int64"
    assert str(out["day"].dtype) == "datetime64[ns]"
    for i, (budget, start, end, p) in enumerate(batch):
        mine = out[out["flight_id"] == f"f{i}"]
        assert mine["amount_minor"].tolist() == phase_days(budget, start, end, p)
        assert mine["day"].iloc[0] == pd.Timestamp(start)
        assert mine["day"].iloc[-1] == pd.Timestamp(end)
    assert len(out) == sum((end - start).days + 1 for _, start, end, _ in batch)


def test_phase_frame_names_the_bad_flight() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {
            "id": ["ok", "bad"],
            "start": ["2024-01-01", "2024-01-01"],
            "end": ["2024-01-03", "2024-01-03"],
            "budget_minor": [100, 100],
            "phasing": [None, '{"pattern": "flighting", "on_days": 0}'],
        }
    )
    with pytest.raises(PhasingError, match=r"flight 'bad': phasing\.on_days must be >= 1, got 0"):
        phase_frame(frame)
    frame.loc[1, "budget_minor"] = -5
    with pytest.raises(PhasingError, match="flight 'bad': budget_minor must be >= 0"):
        phase_frame(frame)
