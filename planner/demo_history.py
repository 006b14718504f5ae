"""What the demo's channels did before the plan year, and what its past months did.

History: 104 weeks (Monday..Sunday) ending the Sunday before the plan year, per
channel, generated from KNOWN response curves so that curve fitting can be
checked against the truth stored in the ``curves`` table:

- promotion revenue = season[week] x f(promotion spend), noise x lognormal(0, 8 %);
- brand outcome (an index) = g(A), A[t] = brand spend[t] + adstock x A[t-1]
  (geometric adstock, carried in from before the first week), noise x lognormal(0, 3 %);

where f and g are Hill ``a x^s / (k^s + x^s)`` (s <= 1) or exponential
``a (1 - e^(-x/k))``. Money-valued parameters (``a`` of revenue, ``k``,
``carry_in``) are in minor units, per week. Spend swings with the festivals, in
brand pulses, and in a few lean and dark weeks, so the curves are identifiable.

Actuals: for every committed flight, week by week up to the end of the month before
``today``'s month, spend within ±15 % of the phased plan and results from the
channel's prices and return.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np

from planner.domain.entities import new_id
from planner.domain.festivals import festival_windows
from planner.domain.phasing import Phasing, phase_days
from planner.storage.plan_file import Plan
from solver.curves import Curve, adstock

if TYPE_CHECKING:
    from planner.demo import DemoPlan

HISTORY_WEEKS = 104
REVENUE_NOISE = 0.08  # sd of the log of revenue around the true curve
BRAND_NOISE = 0.03  # sd of the log of the brand index around the true curve
SPEND_DEVIATION = 0.13  # actual spend within ±13 % of the phased plan
DAY = timedelta(days=1)


# -- the true curves ---------------------------------------------------------------------

def response(family: str, params: dict[str, Any], x: Any) -> np.ndarray:
    """The saturating curve of `family` ('hill' or 'exponential') at `x`."""

    shape = float(params.get("s", 1.0)) if family == "hill" else 1.0
    return Curve(family, float(params["a"]), float(params["k"]), shape).value(x)


def expected_revenue(family: str, params: dict[str, Any], starts: list[str],
                     promotion_spend: Any) -> np.ndarray:
    """Revenue the true curve predicts for weeks starting on `starts` (ISO dates)."""
    season = np.array([params["season"][start] for start in starts])
    return season * response(family, params, promotion_spend)


def expected_brand(family: str, params: dict[str, Any], brand_spend: Any) -> np.ndarray:
    """Brand index the true curve predicts for consecutive weeks of brand spend."""
    stock = adstock(np.asarray(brand_spend, dtype=float), params["adstock"],
                    params.get("carry_in", 0.0))
    return response(family, params, stock)


# -- history -----------------------------------------------------------------------------

def history_weeks(year: int) -> list[date]:
    """Mondays of the 104 weeks that end on the Sunday before Jan 1 of `year`."""
    jan1 = date(year, 1, 1)
    last_sunday = jan1 - timedelta(days=jan1.isoweekday())
    first = last_sunday - timedelta(days=7 * HISTORY_WEEKS - 1)
    return [first + timedelta(weeks=i) for i in range(HISTORY_WEEKS)]


def festival_lift(mondays: list[date], data: dict[str, Any]) -> np.ndarray:
    """Mean daily festival multiplier of each week: >1 in sales phases, <1 over holidays."""
    first, days = mondays[0], 7 * len(mondays)
    daily = np.ones(days)
    intensity, weight = data["phase_intensity"], data["festival_weight"]
    years = range(first.year, mondays[-1].year + 2)
    for window in festival_windows(years):
        for phase in window.phases:
            lo, hi = (phase.start - first).days, (phase.end - first).days + 1
            if hi <= 0 or lo >= days:
                continue
            lift = 1 + (intensity.get(phase.key, 1.0) - 1) * weight.get(window.key, 0.3)
            daily[max(lo, 0):min(hi, days)] *= lift
    return daily.reshape(len(mondays), 7).mean(axis=1)


def _season(mondays: list[date], lift: np.ndarray) -> np.ndarray:
    """Demand index: a mild winter high, and shoppers out in festival weeks."""
    day_of_year = np.array([(m + 3 * DAY).timetuple().tm_yday for m in mondays])
    annual = 1 + 0.06 * np.cos(2 * np.pi * (day_of_year - 15) / 365.25)
    return np.round(annual * (1 + 0.4 * (lift - 1)), 4)


def _pulses(rng: np.random.Generator, weeks: int) -> np.ndarray:
    """Brand bursts: 3–6 weeks on, 2–5 weeks off."""
    out, on = [], bool(rng.integers(2))
    while len(out) < weeks:
        length = int(rng.integers(3, 7) if on else rng.integers(2, 6))
        out.extend([1.7 if on else 0.25] * length)
        on = not on
    return np.array(out[:weeks])


def _yuan(values: np.ndarray) -> np.ndarray:
    """Whole yuan, in minor units."""
    return (np.round(np.maximum(values, 0) / 100) * 100).astype(np.int64)


def channel_history(spec: dict[str, Any], mondays: list[date], lift: np.ndarray,
                    season: np.ndarray, rng: np.random.Generator) -> dict[str, Any]:
    """One channel's weekly spend and outcomes, and the true curves behind them."""
    h, n = spec["history"], len(mondays)
    weekly = float(h["weekly_spend"]) * 100
    promo = weekly * (1 - h["brand_frac"]) * lift ** h["festival_beta"] * rng.lognormal(0, .3, n)
    lean = rng.random(n) < 0.07
    promo[lean] *= rng.uniform(0.15, 0.4, lean.sum())
    dark = int(rng.integers(0, n - 3))
    promo[dark:dark + int(rng.integers(2, 4))] *= 0.1  # a budget freeze
    brand = weekly * h["brand_frac"] * _pulses(rng, n) * lift ** 0.3 * rng.lognormal(0, .25, n)
    promo, brand = _yuan(promo), _yuan(brand)

    typical = float(np.median(promo))
    promo_params: dict[str, Any] = {"k": round(typical * rng.uniform(0.7, 1.5))}
    if h["promo_family"] == "hill":
        promo_params["s"] = round(float(rng.uniform(0.5, 0.95)), 3)
    unit = dict(promo_params, a=1.0)
    promo_params["a"] = round(spec["roi"] * typical / float(response(h["promo_family"], unit,
                                                                     typical)))
    promo_params.update(adstock=0.0, period="week", noise_sd=REVENUE_NOISE,
                        season={m.isoformat(): float(s) for m, s in zip(mondays, season,
                                                                       strict=True)})
    revenue = season * response(h["promo_family"], promo_params, promo)
    revenue = np.round(revenue * rng.lognormal(0, REVENUE_NOISE, n)).astype(np.int64)

    rate = float(h["adstock"])
    carry_in = round(float(brand.mean()) / (1 - rate))
    stock = adstock(brand, rate, carry_in)
    brand_params: dict[str, Any] = {"a": round(float(rng.uniform(40, 120)), 2),
                                    "k": round(float(np.median(stock)) * rng.uniform(0.8, 1.4))}
    if h["brand_family"] == "hill":
        brand_params["s"] = round(float(rng.uniform(0.6, 1.0)), 3)
    brand_params.update(adstock=rate, carry_in=carry_in, period="week", noise_sd=BRAND_NOISE)
    outcome = response(h["brand_family"], brand_params, stock)
    outcome = np.round(outcome * rng.lognormal(0, BRAND_NOISE, n), 3)
    return {"promotion": promo, "brand": brand, "revenue": revenue, "outcome": outcome,
            "curves": {"promotion": (h["promo_family"], promo_params),
                       "brand": (h["brand_family"], brand_params)}}


def history_rows(demo: DemoPlan, year: int, seed: int) -> tuple[list[tuple], list[tuple]]:
    """Rows for the ``history`` and ``curves`` tables."""
    rng = np.random.default_rng([seed, 1])
    mondays = history_weeks(year)
    lift = festival_lift(mondays, demo.data)
    season = _season(mondays, lift)
    created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    history, curves = [], []
    for channel in demo.channels:
        made = channel_history(demo.specs[channel.id], mondays, lift, season, rng)
        for i, monday in enumerate(mondays):
            promo, brand = int(made["promotion"][i]), int(made["brand"][i])
            history.append((new_id(), channel.id, monday.isoformat(),
                            (monday + 6 * DAY).isoformat(), promo + brand, brand,
                            int(made["revenue"][i]), float(made["outcome"][i])))
        for goal, (family, params) in made["curves"].items():
            curves.append((new_id(), channel.id, goal, family,
                           json.dumps(params, sort_keys=True), "generator", None, created))
    return history, curves


# -- actuals -----------------------------------------------------------------------------

def actual_rows(demo: DemoPlan, today: date, seed: int) -> list[tuple]:
    """Weekly actuals of every flight, up to the end of the month before `today`'s."""
    rng = np.random.default_rng([seed, 2])
    cutoff = date(today.year, today.month, 1)
    share = {c.id: c.brand_share_bp / 10000 for c in demo.campaigns}
    rows = []
    for flight in demo.flights:
        if flight.start >= cutoff or not flight.committed:
            continue
        amounts = phase_days(flight.budget_minor, flight.start, flight.end,
                             Phasing.from_dict(flight.phasing))
        last, day = min(flight.end, cutoff - DAY), flight.start
        while day <= last:
            end = min(day + timedelta(days=7 - day.isoweekday()), last)
            planned = sum(amounts[(day - flight.start).days:(end - flight.start).days + 1])
            if planned:
                rows.append(_actual(flight, demo.specs[flight.channel_id],
                                    share[flight.campaign_id], day, end, planned, rng))
            day = end + DAY
    return rows


def _actual(flight: Any, spec: dict[str, Any], brand_share: float, start: date, end: date,
            planned: int, rng: np.random.Generator) -> tuple:
    spend = round(planned * rng.uniform(1 - SPEND_DEVIATION, 1 + SPEND_DEVIATION))
    noise = rng.lognormal(0, 0.1, 3)
    if flight.unit_kind == "cpc":
        clicks = spend / flight.unit_cost_minor
        impressions = clicks / spec["ctr"]
    else:
        per_mille = (flight.unit_cost_minor if flight.unit_kind == "cpm"
                     else spec["cpm"] * 100 * noise[0])
        impressions = spend / per_mille * 1000
        clicks = impressions * spec["ctr"] * noise[1]
    # Brand money sells less this week; its return is the brand index, not revenue.
    revenue = spend * spec["roi"] * (1 - 0.6 * brand_share) * rng.lognormal(0, 0.15)
    conversions = revenue / (spec["aov"] * 100) * noise[2]
    return (new_id(), flight.id, flight.channel_id, start.isoformat(), end.isoformat(), spend,
            round(revenue), round(impressions), round(clicks), math.floor(conversions), "demo")


# -- writing -----------------------------------------------------------------------------

def write(plan: Plan, demo: DemoPlan, *, year: int, today: date, seed: int) -> None:
    """Insert history, true curves and actuals inside the plan's open action."""
    history, curves = history_rows(demo, year, seed)
    conn = plan.db.conn
    conn.executemany(
        'INSERT INTO history(id, channel_id, start, "end", spend_minor, brand_spend_minor, '
        "revenue_minor, brand_outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", history)
    conn.executemany(
        "INSERT INTO curves(id, channel_id, goal, family, params, source, quality, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", curves)
    conn.executemany(
        'INSERT INTO actuals(id, flight_id, channel_id, start, "end", spend_minor, revenue_minor, '
        "impressions, clicks, conversions, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        actual_rows(demo, today, seed))
