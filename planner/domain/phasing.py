"""Spread a flight budget over its days so that the days add up to the budget exactly.

A planner reconciles daily, weekly and monthly views of the same flight against the
invoice, so a single lost or invented cent shows up as a discrepancy someone has to
chase. Every pattern is therefore reduced to integer weights per day and split with
the largest-remainder (Hamilton) method in exact integer arithmetic; ties go to the
earlier day so the same plan always phases the same way on every machine.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from fractions import Fraction
from typing import Any

from planner.errors import PlannerError

PATTERNS = ("even", "front", "back", "continuous", "flighting", "pulsing", "custom")
EVEN_PATTERNS = frozenset({"even", "continuous"})


class PhasingError(PlannerError, ValueError):
    """A :class:`ValueError` for generic validators, and a :class:`~planner.errors.PlannerError`
    so the CLI and GUI show its one-line message (field and value) without a traceback."""


def _as_int(value: object, field: str) -> int:
    # bool is an int subclass, but True days or a True budget is always a slip.
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        raise PhasingError(f"{field} must be an integer, got {value!r}")
    return value.__index__()  # type: ignore[attr-defined]


def _as_real(value: object, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise PhasingError(f"{field} must be a number, got {value!r}")
    result = float(value)
    if not math.isfinite(result):
        raise PhasingError(f"{field} must be finite, got {value!r}")
    return result


def _as_date(value: object, field: str) -> date:
    # Timestamps and datetimes arrive from pandas and the UI; only the calendar day matters.
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise PhasingError(f"{field} must be an ISO date, got {value!r}")


def _typed_fraction(value: float) -> Fraction:
    # The decimal a planner typed (0.3), not its binary approximation: weights stay small and
    # free of 2**-52 noise, so equal-looking days really tie and the earlier-day rule decides.
    return Fraction(repr(float(value)))


@dataclass(frozen=True)
class Phasing:
    """How a flight's budget is shaped over its days; stored as JSON on the flight.

    Fields irrelevant to :attr:`pattern` are kept, so switching a pattern back in the
    UI restores what the planner had typed. Validation happens here, once, so every
    consumer can trust a constructed :class:`Phasing`.
    """

    pattern: str = "even"
    ratio: float = 3.0
    on_days: int = 7
    off_days: int = 7
    base_share: float = 0.3
    segments: tuple[tuple[date, date, int], ...] = ()

    def __post_init__(self) -> None:
        if self.pattern not in PATTERNS:
            raise PhasingError(
                f"phasing.pattern must be one of {', '.join(PATTERNS)}, got {self.pattern!r}"
            )
        ratio = _as_real(self.ratio, "phasing.ratio")
        if ratio < 1:
            raise PhasingError(f"phasing.ratio must be >= 1, got {self.ratio!r}")
        on_days = _as_int(self.on_days, "phasing.on_days")
        if on_days < 1:
            raise PhasingError(f"phasing.on_days must be >= 1, got {self.on_days!r}")
        off_days = _as_int(self.off_days, "phasing.off_days")
        if off_days < 0:
            raise PhasingError(f"phasing.off_days must be >= 0, got {self.off_days!r}")
        share = _as_real(self.base_share, "phasing.base_share")
        if not 0 <= share <= 1:
            raise PhasingError(f"phasing.base_share must be between 0 and 1, got {share!r}")
        if isinstance(self.segments, str | bytes) or not isinstance(self.segments, Sequence):
            raise PhasingError(f"phasing.segments must be a list, got {self.segments!r}")
        segments = tuple(_parse_segment(i, seg) for i, seg in enumerate(self.segments))
        if self.pattern == "custom" and not segments:
            raise PhasingError("phasing.segments must not be empty for pattern 'custom', got []")
        # Normalised values make equal phasings compare and hash equal (3 == 3.0, list == tuple).
        normalised = {"ratio": ratio, "on_days": on_days, "off_days": off_days}
        for name, value in {**normalised, "base_share": share, "segments": segments}.items():
            object.__setattr__(self, name, value)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> Phasing:
        """Read the stored JSON form; a missing phasing means even, the planners' default.

        :raises PhasingError: naming the unknown or invalid field and its value.
        """
        if d is None:
            return cls()
        if not isinstance(d, Mapping):
            raise PhasingError(f"phasing must be a dict or None, got {d!r}")
        known = {f.name for f in fields(cls)}
        for key in d:
            if key not in known:
                raise PhasingError(f"phasing has no field {key!r} (value {d[key]!r})")
        return cls(**d)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able inverse of :meth:`from_dict`; defaults are left out to keep files diffable."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value != f.default:
                out[f.name] = value
        if "segments" in out:
            out["segments"] = [[s.isoformat(), e.isoformat(), w] for s, e, w in self.segments]
        return out


def _parse_segment(index: int, seg: object) -> tuple[date, date, int]:
    field = f"phasing.segments[{index}]"
    if isinstance(seg, Mapping):
        seg = (seg.get("start"), seg.get("end"), seg.get("weight"))
    if isinstance(seg, str | bytes) or not isinstance(seg, Sequence) or len(seg) != 3:
        raise PhasingError(f"{field} must be [start, end, weight], got {seg!r}")
    start = _as_date(seg[0], f"{field} start")
    end = _as_date(seg[1], f"{field} end")
    weight = _as_int(seg[2], f"{field} weight")
    if end < start:
        raise PhasingError(f"{field} ends {end} before it starts {start}")
    if weight < 0:
        raise PhasingError(f"{field} weight must be >= 0, got {weight}")
    return start, end, weight


def _span(start: object, end: object) -> tuple[date, date, int]:
    first = _as_date(start, "start")
    last = _as_date(end, "end")
    if last < first:
        raise PhasingError(f"end must not be before start, got {first}..{last}")
    return first, last, (last - first).days + 1


def _reduced(weights: list[int]) -> list[int]:
    # Smallest equivalent integers: what a planner reads in a weights preview.
    divisor = math.gcd(*weights)
    return [w // divisor for w in weights] if divisor > 1 else weights


def _burst_mask(days: int, on_days: int, off_days: int) -> list[int]:
    cycle = on_days + off_days
    return [1 if i % cycle < on_days else 0 for i in range(days)]


def _custom_layout(phasing: Phasing, start: date, end: date) -> list[tuple[int, int]]:
    """``(days, weight)`` per segment in date order, after checking coverage.

    Errors name the segment as the planner entered it, so the index points at the row to fix.
    """
    ordered = sorted(enumerate(phasing.segments), key=lambda item: item[1][0])
    layout: list[tuple[int, int]] = []
    expected = start
    for index, (seg_start, seg_end, weight) in ordered:
        name = f"phasing.segments[{index}] ({seg_start}..{seg_end})"
        if seg_start < start or seg_end > end:
            raise PhasingError(f"{name} lies outside the flight {start}..{end}")
        if seg_start < expected:
            raise PhasingError(
                f"{name} overlaps the previous segment, which ends {expected - timedelta(days=1)}"
            )
        if seg_start > expected:
            raise PhasingError(
                f"{name} leaves a gap: nothing covers {expected}..{seg_start - timedelta(days=1)}"
            )
        layout.append(((seg_end - seg_start).days + 1, weight))
        expected = seg_end + timedelta(days=1)
    if expected <= end:
        raise PhasingError(f"phasing.segments leave a gap: nothing covers {expected}..{end}")
    if not any(weight for _, weight in layout):
        raise PhasingError("phasing.segments weights must not all be 0, got all 0")
    return layout


def daily_weights(phasing: Phasing, start: date, end: date) -> list[float] | list[int]:
    """Relative weight of each day of ``start..end``, the shape shown in previews.

    Weights are exact integers: ramps and shares are scaled by their (decimal) denominators
    rather than computed in floats, so the split never depends on rounding order.

    :raises PhasingError: for an inverted span or custom segments that do not fit it.
    """
    first, last, days = _span(start, end)
    pattern = phasing.pattern
    if pattern in EVEN_PATTERNS:
        return [1] * days
    if pattern in ("front", "back"):
        if days == 1:
            return [1]
        # ratio = p/q; weight_i = ratio - (ratio - 1) * i / (days - 1), scaled by q * (days - 1).
        p, q = _typed_fraction(phasing.ratio).as_integer_ratio()
        ramp = [p * (days - 1 - i) + q * i for i in range(days)]
        return _reduced(ramp if pattern == "front" else ramp[::-1])
    if pattern == "flighting":
        return _burst_mask(days, phasing.on_days, phasing.off_days)
    if pattern == "pulsing":
        burst = _burst_mask(days, phasing.on_days, phasing.off_days)
        bursts = sum(burst)
        # share = a/b: base a/b over all days, (b-a)/b over burst days; scaled by b*days*bursts.
        a, b = _typed_fraction(phasing.base_share).as_integer_ratio()
        return _reduced([a * bursts + (b - a) * days * on for on in burst])
    # custom
    layout = _custom_layout(phasing, first, last)
    scale = math.lcm(*(length for length, _ in layout))
    out: list[int] = []
    for length, weight in layout:
        out.extend([weight * (scale // length)] * length)
    return _reduced(out)


def apportion(total: int, weights: Sequence[float]) -> list[int]:
    """Split ``total`` into integers proportional to ``weights`` that sum to ``total`` exactly.

    Largest remainder is used because, unlike rounding each share, it never drifts from the
    total and never gives a zero-weight item anything. Floats are taken at their exact binary
    value and everything runs in Python integers, so there is no precision limit on ``total``.

    :raises PhasingError: for a negative total, a negative or non-finite weight, or all zeros.
    """
    total = _as_int(total, "total")
    if total < 0:
        raise PhasingError(f"total must be >= 0, got {total}")
    ratios: list[tuple[int, int]] = []
    for i, w in enumerate(weights):
        if isinstance(w, str | bytes):
            raise PhasingError(f"weights[{i}] must be a number, got {w!r}")
        try:
            num, den = (w, 1) if type(w) is int else Fraction(w).as_integer_ratio()
        except (TypeError, ValueError, OverflowError):
            raise PhasingError(f"weights[{i}] must be a finite number, got {w!r}") from None
        if num < 0:
            raise PhasingError(f"weights[{i}] must be >= 0, got {w!r}")
        ratios.append((num, den))
    scale = math.lcm(*(den for _, den in ratios)) if ratios else 1
    ints = [num * (scale // den) for num, den in ratios]
    weight_sum = sum(ints)
    if weight_sum == 0:
        raise PhasingError(f"weights must not all be 0, got {len(ints)} zero weight(s)")
    split = [divmod(total * w, weight_sum) for w in ints]
    shares = [share for share, _ in split]
    # sorted() is stable, so among equal remainders the earlier index keeps its place.
    by_remainder = sorted(range(len(split)), key=lambda i: -split[i][1])
    for i in by_remainder[: total - sum(shares)]:
        shares[i] += 1
    return shares


def _even_split(total: int, days: int) -> list[int]:
    # Largest remainder with equal weights: every remainder ties, so the first days get the cents.
    share, extra = divmod(total, days)
    return [share + 1] * extra + [share] * (days - extra)


def phase_days(
    budget_minor: int, start: date, end: date, phasing: Phasing | None = None
) -> list[int]:
    """One amount per day of ``start..end`` (inclusive) summing exactly to ``budget_minor``.

    Custom phasing is split in two steps, segments first and then days within each segment,
    so that when the segment weights are amounts summing to the budget each segment gets
    exactly its amount: a single day-level split could move a cent across a month boundary.

    :raises PhasingError: for a negative or non-integer budget or an invalid span/phasing.
    """
    budget = _as_int(budget_minor, "budget_minor")
    if budget < 0:
        raise PhasingError(f"budget_minor must be >= 0, got {budget}")
    phasing = phasing if phasing is not None else Phasing()
    first, last, days = _span(start, end)
    if phasing.pattern in EVEN_PATTERNS:
        return _even_split(budget, days)
    if phasing.pattern != "custom":
        return apportion(budget, daily_weights(phasing, first, last))
    layout = _custom_layout(phasing, first, last)
    segment_amounts = apportion(budget, [weight for _, weight in layout])
    out: list[int] = []
    for (length, _), amount in zip(layout, segment_amounts, strict=True):
        out.extend(_even_split(amount, length))
    return out


def phase_by_periods(
    budget_minor: int,
    start: date,
    end: date,
    phasing: Phasing | None,
    period_key: Callable[[date], str],
) -> dict[str, int]:
    """Daily amounts rolled up per period (month, ISO week, ...) without re-rounding.

    Summing the exact daily split, rather than apportioning per period, keeps every view of
    a flight consistent with its daily view to the cent.
    """
    first, last, _ = _span(start, end)
    totals: dict[str, int] = {}
    for offset, amount in enumerate(phase_days(budget_minor, first, last, phasing)):
        key = period_key(first + timedelta(days=offset))
        totals[key] = totals.get(key, 0) + amount
    return totals


def custom_from_amounts(amounts: Sequence[tuple[date, date, int]]) -> Phasing:
    """Custom phasing that reproduces the given per-period amounts to the cent.

    Used when a planner overrides a month cell: the amounts become segment weights, and
    :func:`phase_days` splits by segment first, so each period keeps exactly its amount.
    """
    if not amounts:
        raise PhasingError("amounts must contain at least one (start, end, amount), got []")
    return Phasing(pattern="custom", segments=tuple((s, e, amount) for s, e, amount in amounts))
