"""A realistic demo plan for one fiscal year: a Chinese consumer brand selling online.

The data (channels with their media prices, segments, campaign templates,
placeholders) lives in ``resources/demo_plan.json``; this module puts it on the
year's calendar. Festival campaigns sit on their festival's phases, computed for
the year by :func:`planner.domain.festivals.festival_windows` (never hard-coded
dates); always-on work runs across the year in quarterly or half-year flights.
Statuses, commitments and actuals follow ``today``: what is over is done,
committed and has actuals, what runs now is live, what starts soon is approved.
Channel history generated from known response curves comes from
:mod:`planner.demo_history`.

Three health findings are planted on purpose, so that ``planner check`` has
something realistic to report: one channel slightly over its spending cap, one
flight inside a channel blackout, and one draft campaign with no KPI target.
Everything else is kept clean: flights and placeholders lie in the horizon,
unit-priced flights cost exactly units x unit cost, the brand share sits near its
target and the total budget leaves a little headroom.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import math
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from planner import demo_history
from planner.domain.entities import (
    Campaign,
    Channel,
    Event,
    Flight,
    KpiTarget,
    Placeholder,
    PlanSettings,
    Segment,
    new_id,
)
from planner.domain.festivals import FestivalWindow, festival_windows
from planner.domain.money import to_minor
from planner.domain.phasing import Phasing
from planner.services import records
from planner.services.events import festival_events, holiday_events
from planner.storage.plan_file import Plan, create_plan

DATA_FILE = "demo_plan.json"
DAY = timedelta(days=1)
SHARE_OF = {"brand": 10000, "promotion": 0}  # mixed campaigns carry their own share
APPROVED_WITHIN = timedelta(days=45)  # campaigns starting this soon are signed off
COMMIT_WITHIN = timedelta(days=30)  # flights starting this soon are contracted
CAP_STEP = to_minor(100_000)  # caps and minimums are whole ¥100k
_BOOKS_DATES = "booked_on" in {f.name for f in dataclasses.fields(Flight)}


@dataclass
class DemoPlan:
    """Everything the demo plan holds apart from history and actuals, in memory."""

    data: dict[str, Any]
    settings: PlanSettings
    segments: list[Segment]
    channels: list[Channel]
    campaigns: list[Campaign]
    kpis: list[KpiTarget]
    flights: list[Flight]
    events: list[Event]
    placeholders: list[Placeholder]
    specs: dict[str, dict[str, Any]]  # channel id -> its entry in the data file
    planted: dict[str, str]  # finding -> id of the record that triggers it

    def records(self) -> list[Any]:
        """In an order that satisfies every reference."""
        return [*self.segments, *self.channels, *self.campaigns, *self.kpis, *self.flights,
                *self.events, *self.placeholders]


def load_demo_data(path: Path | str | None = None) -> dict[str, Any]:
    if path is None:
        from planner.resources import resource_path

        path = resource_path(DATA_FILE)
    return json.loads(Path(path).read_text(encoding="utf-8"))


def build_demo(path: Path | str, *, year: int | None = None, today: date | None = None,
               seed: int = 2026) -> Plan:
    """Create a new plan file at `path` holding the demo plan; return it open.

    The same (`year`, `today`, `seed`) always gives the same plan (record ids
    aside). All records, history and actuals are written as one action.

    :param year: the plan's fiscal year (Jan 1–Dec 31); default: `today`'s year.
    :param today: decides statuses, commitments and which months have actuals.
    :raises PlanExists: `path` already exists; it is left untouched.
    """
    today = today or date.today()
    year = year or today.year
    demo = generate_demo(year=year, today=today, seed=seed)
    path = Path(path)
    plan = create_plan(path, demo.settings)
    try:
        with plan.action("Create demo plan"):
            for record in demo.records():
                records.write_new(plan, record)
            demo_history.write(plan, demo, year=year, today=today, seed=seed)
    except BaseException:
        plan.close()
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        raise
    return plan


def generate_demo(*, year: int, today: date, seed: int = 2026,
                  data: dict[str, Any] | None = None) -> DemoPlan:
    """The demo plan's records without touching any file."""
    data = data if data is not None else load_demo_data()
    rng = random.Random(seed)
    horizon = (date(year, 1, 1), date(year, 12, 31))
    windows = {w.key: w for w in festival_windows([year]) if w.year == year}

    segments = [Segment(id=new_id(), name=s["name"], tier=s["tier"], description=s["description"],
                        customers=s["customers"], sort_order=i)
                for i, s in enumerate(data["segments"])]
    segment_of = {s.tier: s.id for s in segments}
    by_key = {spec["key"]: spec for spec in data["channels"]}
    channel_id = {key: new_id() for key in by_key}

    campaigns: list[Campaign] = []
    kpis: list[KpiTarget] = []
    flights: list[Flight] = []
    for template in data["campaigns"]:
        campaign_id = new_id()
        window = windows.get(template.get("festival") or "")
        drafted = _campaign_flights(template, campaign_id, window, horizon, by_key, channel_id,
                                    data, rng)
        if not drafted:
            continue
        status = template.get("status") or _status(drafted, today)
        drafted = [_commit(f, status, window, today, rng) for f in drafted]
        objective = template["objective"]
        campaigns.append(Campaign(
            id=campaign_id, name=template["name"], objective=objective,
            brand_share_bp=SHARE_OF.get(objective, template.get("brand_share_bp", 5000)),
            segment_id=segment_of.get(template.get("segment") or ""), status=status,
            owner=template["owner"], colour=template["colour"], tags=tuple(template["tags"]),
            notes=template.get("notes", ""), festival_key=window.key if window else None))
        spent = sum(f.budget_minor for f in drafted)
        kpis.extend(_kpi(campaign_id, spec, spent) for spec in template["kpis"])
        flights.extend(drafted)

    placeholders = [
        Placeholder(id=new_id(), channel_id=channel_id[p["channel"]], start=date(year, m, 1),
                    end=_month_end(year, m), amount_minor=to_minor(p["amount"]),
                    goal=p.get("goal"), notes=p.get("notes", ""))
        for p in data["placeholders"] for m in p["months"]]
    channels = _channels(data, channel_id, flights, placeholders, rng)
    blackout, in_blackout = _blackout(data["blackout"], channel_id[data["blackout"]["channel"]],
                                      flights, horizon, today)
    events = [ev for ev in festival_events([year - 1, year, year + 1], "zh")
              if ev.start <= horizon[1] and ev.end >= horizon[0]]
    events += [*holiday_events([year], "zh"), blackout]

    allocated = sum(f.budget_minor for f in flights) + sum(p.amount_minor for p in placeholders)
    plan = data["plan"]
    step = to_minor(plan["budget_round"])
    settings = PlanSettings(
        name=plan["name"].format(year=year), currency=plan["currency"],
        horizon_start=horizon[0], horizon_end=horizon[1], calendar={"kind": "iso"},
        total_budget_minor=math.ceil(allocated * (1 + plan["budget_headroom"]) / step) * step,
        brand_share_min_bp=plan["brand_share_min_bp"],
        brand_share_max_bp=plan["brand_share_max_bp"],
        brand_share_target_bp=plan["brand_share_target_bp"])
    with_kpi = {k.campaign_id for k in kpis}
    planted = {"over_cap": channel_id[data["over_cap_channel"]], "in_blackout": in_blackout,
               "no_kpi": next((c.id for c in campaigns if c.id not in with_kpi), "")}
    return DemoPlan(data=data, settings=settings, segments=segments, channels=channels,
                    campaigns=campaigns, kpis=kpis, flights=flights, events=events,
                    placeholders=placeholders,
                    specs={channel_id[key]: spec for key, spec in by_key.items()},
                    planted=planted)


# -- campaigns and flights ---------------------------------------------------------------

def _month_end(year: int, month: int) -> date:
    return (date(year + month // 12, month % 12 + 1, 1)) - DAY


def _clip(start: date, end: date, horizon: tuple[date, date]) -> tuple[date, date] | None:
    start, end = max(start, horizon[0]), min(end, horizon[1])
    return (start, end) if start <= end else None


def _parts(template: dict, year: int) -> list[tuple[date, date, str]]:
    """An always-on campaign's span, cut into quarters or halves as contracted."""
    (m1, d1), (m2, d2) = (map(int, text.split("-")) for text in template["span"])
    start, end = date(year, m1, d1), date(year, m2, d2)
    split = template.get("split")
    if not split:
        return [(start, end, "")]
    size = 3 if split == "quarter" else 6
    parts = []
    for index, first in enumerate(range(1, 13, size)):
        piece = _clip(start, end, (date(year, first, 1), _month_end(year, first + size - 1)))
        if piece:
            parts.append((*piece, f"{'Q' if size == 3 else 'H'}{index + 1}"))
    return parts


def _festival_span(template: dict, window: FestivalWindow, spec: dict) -> tuple[date, date, str]:
    phases = {p.key: p for p in window.phases}
    first, last = (phases[key] for key in template["phases"])
    start, end = first.start, last.end
    if spec["tail_days"]:  # reminders (CRM, push) go out in the last days only
        start = max(start, end - timedelta(days=spec["tail_days"] - 1))
    start -= timedelta(days=spec["lead_days"])  # seeding (KOL, social) starts early
    label = first.name_zh if first is last else f"{first.name_zh}–{last.name_zh}"
    return start, end, label


def _campaign_flights(template: dict, campaign_id: str, window: FestivalWindow | None,
                      horizon: tuple[date, date], by_key: dict[str, dict],
                      channel_id: dict[str, str], data: dict, rng: random.Random) -> list[Flight]:
    keys = template["channels"]
    count = rng.randint(max(3, len(keys) - 2), min(8, len(keys)))
    chosen = [keys[i] for i in sorted(rng.sample(range(len(keys)), count))]
    weights = [by_key[key]["weight"] * rng.uniform(0.75, 1.25) for key in chosen]
    budget = to_minor(template["budget"])
    low, high = (to_minor(data["flight_budget"][k]) for k in ("min", "max"))
    flights = []
    for key, weight in zip(chosen, weights, strict=True):
        spec = by_key[key]
        if window is not None:
            spans = [_festival_span(template, window, spec)]
        else:
            spans = _parts(template, horizon[0].year)
        spans = [(*clipped, label) for start, end, label in spans
                 if (clipped := _clip(start, end, horizon))]
        days = sum((end - start).days + 1 for start, end, _ in spans)
        for start, end, label in spans:
            share = weight / sum(weights) * ((end - start).days + 1) / days
            target = min(high, max(low, round(budget * share * rng.uniform(0.85, 1.15))))
            unit_kind, units, unit_cost, amount = _priced(spec, target, rng)
            name = f"{spec['short']} · {label}" if label else spec["short"]
            flights.append(Flight(
                id=new_id(), campaign_id=campaign_id, channel_id=channel_id[key], start=start,
                end=end, budget_minor=amount,
                phasing=_phasing(template["phasing"], spec, start, end, window, data, rng),
                name=name, unit_kind=unit_kind, units=units, unit_cost_minor=unit_cost))
    return flights


def _priced(spec: dict, target: int,
            rng: random.Random) -> tuple[str | None, int | None, int | None, int]:
    """Media units at a slightly negotiated price, so that budget = units x unit cost."""
    unit = spec["unit"]
    if unit is None:
        step = to_minor(1000)  # unpriced budgets are whole thousands of yuan
        return None, None, None, max(step, round(target / step) * step)
    if unit == "kol":
        tier = ("kol_post_top" if target >= to_minor(1_500_000) else
                "kol_post_mid" if target >= to_minor(300_000) else "kol_post_micro")
        unit, list_price = tier, spec["kol_costs"][tier]
    else:
        list_price = spec["unit_cost"]
    grain = 1000 if list_price >= 10_000 else 1 if list_price >= 100 else 0.01
    price = round(list_price * rng.uniform(0.9, 1.08) / grain) * grain
    cost = max(1, to_minor(f"{price:.2f}"))
    units = max(1, round(target / cost))
    return unit, units, cost, units * cost


def _phasing(pattern: str, spec: dict, start: date, end: date, window: FestivalWindow | None,
             data: dict, rng: random.Random) -> dict | None:
    segments = _phase_segments(start, end, window, data["phase_weights"]) if window else []
    if len(segments) > 1 and (spec["kind"] == "live_stream" or rng.random() < 0.12):
        # Live sessions follow the festival's rhythm: weights per phase.
        return Phasing(pattern="custom", segments=tuple(segments)).to_dict()
    if pattern in ("front", "back"):
        return Phasing(pattern=pattern, ratio=rng.choice([2.0, 2.5, 3.0])).to_dict()
    if pattern == "flighting":
        return Phasing(pattern="flighting", on_days=rng.choice([14, 21]), off_days=7).to_dict()
    if pattern == "pulsing":
        return Phasing(pattern="pulsing", on_days=14, off_days=14, base_share=0.3).to_dict()
    return None  # even


def _phase_segments(start: date, end: date, window: FestivalWindow,
                    weights: dict[str, int]) -> list[tuple[date, date, int]]:
    """Runs of days with the same phase weight, covering start..end exactly."""
    runs: list[tuple[date, date, int]] = []
    day = start
    while day <= end:
        weight = max((weights.get(p.key, 1) for p in window.phases if p.start <= day <= p.end),
                     default=1)
        if runs and runs[-1][2] == weight:
            runs[-1] = (runs[-1][0], day, weight)
        else:
            runs.append((day, day, weight))
        day += DAY
    return runs


def _status(flights: list[Flight], today: date) -> str:
    start, end = min(f.start for f in flights), max(f.end for f in flights)
    if end < today:
        return "done"
    if start <= today:
        return "live"
    return "approved" if start - today <= APPROVED_WITHIN else "draft"


def _commit(flight: Flight, status: str, window: FestivalWindow | None, today: date,
            rng: random.Random) -> Flight:
    """Past, running and imminent flights are contracted, as are festival slots whose
    booking deadline has passed; nothing of a draft campaign is."""
    deadline = window.booking_deadline if window else None
    committed = status != "draft" and (
        flight.start <= today + COMMIT_WITHIN or (deadline is not None and deadline <= today))
    if not committed:
        return flight
    changes: dict[str, Any] = {"committed": True}
    if _BOOKS_DATES:
        booked = (deadline - timedelta(days=rng.randint(3, 20)) if deadline
                  else flight.start - timedelta(days=rng.randint(14, 45)))
        changes["booked_on"] = min(booked, today)
    return dataclasses.replace(flight, **changes)


def _kpi(campaign_id: str, spec: dict, budget_minor: int) -> KpiTarget:
    """Money targets (unit CNY in the data) are stored in minor units, unit "fen"."""
    money = spec["unit"] == "CNY"
    if "per_budget" in spec:  # GMV as a multiple of what the campaign spends
        target = round(budget_minor * spec["per_budget"])
    elif "per_million" in spec:  # counts per ¥1 million of budget, in round hundreds
        target = max(100, round(budget_minor / to_minor(1_000_000) * spec["per_million"], -2))
    else:
        target = to_minor(spec["target"]) if money else spec["target"]
    return KpiTarget(id=new_id(), campaign_id=campaign_id, category=spec["category"],
                     metric=spec["metric"], target=float(target),
                     unit="fen" if money else spec["unit"], cycle=spec.get("cycle", "total"))


# -- channels, blackout ------------------------------------------------------------------

def _channels(data: dict, channel_id: dict[str, str], flights: list[Flight],
              placeholders: list[Placeholder], rng: random.Random) -> list[Channel]:
    """Caps above what each channel is planned to get, except the one planted slightly
    under it; framework-agreement minimums well below."""
    planned = dict.fromkeys(channel_id.values(), 0)
    for f in flights:
        planned[f.channel_id] += f.budget_minor
    for p in placeholders:
        planned[p.channel_id] += p.amount_minor
    channels = []
    for order, spec in enumerate(data["channels"]):
        cid = channel_id[spec["key"]]
        total = planned[cid]
        if spec["key"] == data["over_cap_channel"]:
            cap = math.floor(total * 0.97 / CAP_STEP) * CAP_STEP
        else:
            cap = math.ceil(total * rng.uniform(1.12, 1.3) / CAP_STEP) * CAP_STEP
        minimum = math.floor(total * spec["min_share"] / CAP_STEP) * CAP_STEP
        notes = "年框协议最低消耗 Annual framework agreement minimum" if minimum else ""
        channels.append(Channel(id=cid, name=spec["name"], kind=spec["kind"], grp=spec["grp"],
                                colour=spec["colour"], min_spend_minor=minimum,
                                max_spend_minor=max(cap, minimum), sort_order=order,
                                notes=notes))
    return channels


def _blackout(spec: dict, channel: str, flights: list[Flight], horizon: tuple[date, date],
              today: date) -> tuple[Event, str]:
    """A week's pause on one channel that touches exactly one of its flights: the first
    one still to come, or else the latest one already started."""
    length = timedelta(days=spec["days"] - 1)
    on_channel = [f for f in flights if f.channel_id == channel]
    ahead = sorted((f for f in on_channel if f.start >= today), key=lambda f: f.start)
    behind = sorted((f for f in on_channel if f.start < today), key=lambda f: f.start,
                    reverse=True)
    for flight in ahead + behind:
        day = flight.start
        while day <= flight.end:
            end = day + length
            touched = [f for f in on_channel if f.start <= end and day <= f.end]
            if end <= horizon[1] and touched == [flight]:
                event = Event(id=new_id(), kind="blackout", name=spec["name"], start=day,
                              end=end, channel_id=channel, notes=spec["notes"])
                return event, flight.id
            day += DAY
    raise ValueError(f"no week on channel {channel} touches exactly one flight")
