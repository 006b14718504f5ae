"""Applying a stored optimiser scenario to the plan: the plan's future spend
becomes the scenario's, to the minor unit, as one undoable action, either as new
flights (replacing the scenario's own earlier ones) or by rescaling the flights
the plan has."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, replace
from typing import Any, Literal

import numpy as np

from planner.domain.changes import Done
from planner.domain.entities import Campaign, Channel, Flight, new_id
from planner.domain.money import format_money
from planner.domain.phasing import Phasing, PhasingError, apportion, custom_from_amounts, phase_days
from planner.errors import PlannerError, ValidationError
from planner.i18n import QT_TRANSLATE_NOOP, Joined
from planner.services import records
from planner.services.flights import delete_flight_rows
from planner.services.optimise import GOAL_NAMES
from planner.services.plan_spend import brand_shares, flight_cells, flight_days, period_starts
from planner.services.result_words import worded
from planner.services.scenarios import Scenario, load_scenario
from planner.storage import history, rows
from planner.storage.plan_file import Plan
from solver.problem import BRAND

Mode = Literal["new_flights", "rescale"]
_DAY = dt.timedelta(days=1)
_GOALS = (QT_TRANSLATE_NOOP("scenarios", "brand"),  # GOAL_NAMES, as a refusal names them
          QT_TRANSLATE_NOOP("scenarios", "promotion"))
_SEMICOLON = QT_TRANSLATE_NOOP("scenarios", "; ")  # between an impossible run's conflicts

@dataclass(frozen=True)
class _Future:
    """What a scenario asks of the plan's future, cells [c, t, g] in minor units over
    its future periods: `target` the scenario's (money without a curve: as planned
    now), `committed` what committed flights hold there now."""

    ids: list[str]
    spans: list[tuple[dt.date, dt.date]]  # the future periods, clipped to the horizon
    first: dt.date  # the first re-planned period's start
    keys: list[str]
    target: np.ndarray
    committed: np.ndarray


def _future(plan: Plan, scenario: Scenario) -> _Future:
    """Read the scenario against the plan, refusing one that cannot be applied."""
    if not scenario.feasible:
        why = scenario.result.get("message", QT_TRANSLATE_NOOP("scenarios", "it was not solved"))
        raise PlannerError(QT_TRANSLATE_NOOP("scenarios", "scenario “{name}” has no allocation "
                                             "to apply: {reason}").format(
            name=scenario.name, reason=Joined(_SEMICOLON, map(worded, why.split("; ")))
            if isinstance(why, str) else why))
    inputs, settings = scenario.inputs, rows.read_settings(plan.db)
    past, ids = inputs["past_periods"], inputs["channel_ids"]
    missing = set(ids) - {cid for (cid,) in plan.db.execute("SELECT id FROM channels")}
    currency = inputs.get("currency", settings.currency)
    if missing or currency != settings.currency:
        why = QT_TRANSLATE_NOOP("scenarios", "{count} of its channels are not in this one"
                                ).format(count=len(missing)) if missing else \
            QT_TRANSLATE_NOOP("scenarios", "its money is in {currency}, this plan's in "
                              "{plan_currency}").format(currency=currency,
                                                        plan_currency=settings.currency)
        raise PlannerError(QT_TRANSLATE_NOOP("scenarios", "scenario “{name}” was made for "
                                             "another plan: {reason}; optimise this plan again"
                                             ).format(name=scenario.name, reason=why))
    periods = [(key, dt.date.fromisoformat(s), dt.date.fromisoformat(e))
               for key, s, e in inputs["periods"][past:]]
    spans = [(max(s, settings.horizon_start), min(e, settings.horizon_end))
             for _, s, e in periods]
    if not spans or any(s > e for s, e in spans):
        raise PlannerError(QT_TRANSLATE_NOOP("scenarios", "scenario “{name}” has no future "
                                             "periods in the horizon").format(
            name=scenario.name))
    where, starts = {cid: c for c, cid in enumerate(ids)}, period_starts(
        [(s, e) for _, s, e in periods])
    target = np.array(scenario.result["spend_minor"], dtype=np.int64)[:, past:, :]
    planned, committed = np.zeros_like(target), np.zeros_like(target)
    share = brand_shares(plan)
    for flight in rows.all_of(plan.db, Flight):
        if flight.channel_id in where:
            cells = flight_cells(flight, share[flight.campaign_id], starts)
            planned[where[flight.channel_id]] += cells
            committed[where[flight.channel_id]] += cells if flight.committed else 0
    for cid, goal in inputs.get("outside", ()):
        if cid in where:
            target[where[cid], :, GOAL_NAMES.index(goal)] = \
                planned[where[cid], :, GOAL_NAMES.index(goal)]
    return _Future(ids, spans, periods[0][1], [k for k, _, _ in periods], target, committed)


def _future_part(flight: Flight, first: dt.date, last: dt.date) -> int:
    days = flight_days(flight)
    return sum(days[max((first - flight.start).days, 0):max((last - flight.start).days + 1, 0)])


def _with_budget(flight: Flight, budget: int, **changes: Any) -> Flight:
    """The flight with a new budget; units follow it when bought in units."""
    units = round(budget / flight.unit_cost_minor) \
        if flight.unit_cost_minor and flight.units is not None else flight.units
    return replace(flight, budget_minor=budget, units=units, **changes)


def _rescaled(plan: Plan, ids: list[str], first: dt.date, last: dt.date,
              targets: np.ndarray) -> list[Flight]:
    """Non-committed flights wholly in first..last, scaled pro rata (largest
    remainder) so each channel's total there is its target; the rest of the channel
    (committed flights, flights under way) is fixed. Refuses before writing."""
    flights, problems, changed = rows.all_of(plan.db, Flight), [], []
    for channel_id, target in zip(ids, targets.tolist(), strict=True):
        mine = [f for f in flights if f.channel_id == channel_id]
        movable = [f for f in mine if not f.committed and first <= f.start and f.end <= last]
        target -= sum(_future_part(f, first, last) for f in mine if f not in movable)
        if target < 0 or (target > 0 and not movable):
            name = rows.get(plan.db, Channel, channel_id).name
            problems.append((QT_TRANSLATE_NOOP("scenarios", "{channel}: {amount} more is fixed "
                                               "than the scenario gives") if target < 0
                             else QT_TRANSLATE_NOOP("scenarios", "{channel}: {amount} is wanted "
                                                    "but it has no future flight to scale")
                             ).format(channel=name, amount=format_money(abs(target))))
            continue
        weights = [f.budget_minor for f in movable]
        budgets = apportion(target, weights if any(weights) else [1] * len(weights)) \
            if movable else []
        changed += [_with_budget(f, b) for f, b in zip(movable, budgets, strict=True)
                    if b != f.budget_minor]
    if problems:
        raise PlannerError(QT_TRANSLATE_NOOP("scenarios", "cannot rescale to the scenario "
                                             "(apply it as new flights): {problems}").format(
            problems=Joined(_SEMICOLON, problems)))
    return changed


def _cut(flight: Flight, first: dt.date) -> Flight:
    """The flight ending the day before `first`, keeping every kept day's amount to
    the minor unit: its own phasing if that still gives them, else custom phasing
    with one segment per run of equal days (segments split by amount first, so
    every day, week and month keeps exactly what it had)."""
    days = flight_days(flight)[:(first - flight.start).days]
    end, budget = first - _DAY, sum(days)
    for phasing in (flight.phasing, None):
        try:
            if phase_days(budget, flight.start, end, Phasing.from_dict(phasing)) == days:
                return _with_budget(flight, budget, end=end, phasing=phasing)
        except PhasingError:
            continue  # custom segments reaching past the new end
    segments, day = [], flight.start
    for amount, run in itertools.groupby(days):
        n = len(list(run))
        segments.append((day, day + (n - 1) * _DAY, amount * n))
        day += n * _DAY
    return _with_budget(flight, budget, end=end,
                        phasing=custom_from_amounts(segments).to_dict())


def _replaced(plan: Plan, scenario: Scenario, future: _Future
              ) -> tuple[list[str], list[Flight], np.ndarray]:
    """(flights to delete, flights cut short, what new flights carry [c, t, g]):
    the uncommitted future of the scenario's channels makes way for the scenario,
    less what committed flights already hold in each cell."""
    added = future.target - future.committed
    if (added < 0).any():
        c, t, g = (int(i) for i in np.argwhere(added < 0)[0])
        currency = scenario.inputs.get("currency", "CNY")
        raise PlannerError(QT_TRANSLATE_NOOP(
            "scenarios", "cannot apply scenario “{name}”: committed flights hold more than it "
            "gives in {count} cell(s), e.g. {channel} {goal} {period}: committed {committed}, "
            "scenario {target}. The plan's commitments changed since it was optimised: "
            "optimise again").format(
            name=scenario.name, count=int((added < 0).sum()),
            channel=rows.get(plan.db, Channel, future.ids[c]).name, goal=_GOALS[g],
            period=future.keys[t],
            committed=format_money(int(future.committed[c, t, g]), currency),
            target=format_money(int(future.target[c, t, g]), currency)))
    mine = [f for f in rows.all_of(plan.db, Flight)
            if f.channel_id in future.ids and not f.committed and f.end >= future.first]
    return ([f.id for f in mine if f.start >= future.first],
            [_cut(f, future.first) for f in mine if f.start < future.first], added)


def _add_optimised(plan: Plan, scenario: Scenario, future: _Future, added: np.ndarray) -> None:
    """Inside an open action: per goal, a campaign "Optimised brand — <scenario>"
    (or promotion; made if missing) with one flight per channel over the future,
    custom-phased to exactly `added` [c, t, g] in each period."""
    for g, goal in enumerate(GOAL_NAMES):
        if not added[:, :, g].any():
            continue
        title, bp = f"Optimised {goal} — {scenario.name}", 10000 if g == BRAND else 0
        found = plan.db.execute("SELECT id FROM campaigns WHERE name = ? AND "
                                "brand_share_bp = ?", [title, bp]).fetchone()
        campaign_id = found[0] if found else new_id()
        if not found:
            records.write_new(plan, Campaign(
                id=campaign_id, name=title, objective=goal, tags=("optimised",),
                brand_share_bp=bp, notes=f"From optimiser scenario {scenario.id}"))
        for channel_id, amounts in zip(future.ids, added[:, :, g].tolist(), strict=True):
            if any(amounts):
                phasing = custom_from_amounts([(s, e, a) for (s, e), a
                                               in zip(future.spans, amounts, strict=True)])
                records.write_new(plan, Flight(
                    id=new_id(), campaign_id=campaign_id, channel_id=channel_id,
                    start=future.spans[0][0], end=future.spans[-1][1],
                    budget_minor=sum(amounts), phasing=phasing.to_dict(),
                    name=f"Optimised {goal}"))


def apply_scenario(plan: Plan, scenario_id: str, mode: Mode = "new_flights") -> Done:
    """Make the plan's future spend the scenario's, as one undoable action.

    ``new_flights``: on the scenario's channels, uncommitted flights that start on
    or after its first re-planned period are removed, and those under way then are
    cut to end the day before, keeping every earlier day's amount. Per goal, a
    campaign "Optimised brand — <scenario>" (or promotion), made if missing, gets
    one flight per channel over the future periods, custom-phased to exactly the
    scenario's amount less what committed flights (left alone) hold in each period.
    Each channel's future per goal and period is then the scenario's to the minor
    unit; money the scenario left out for want of a curve stays as planned.
    ``rescale``: each channel's non-committed flights lying wholly in the future are
    scaled pro rata so its future total is exactly the scenario's; committed
    flights and each campaign's brand/promotion split are untouched.

    :raises PlannerError: an impossible scenario, one made for other channels, no
        future periods in the horizon, committed flights holding more than the
        scenario gives, or a channel that rescaling cannot match (nothing is
        written then).
    """
    if mode not in ("new_flights", "rescale"):
        raise ValidationError("mode", mode, "must be new_flights or rescale")
    scenario = load_scenario(plan, scenario_id)
    future = _future(plan, scenario)
    label = f"Apply scenario {scenario.name}"
    if mode == "rescale":
        changed = _rescaled(plan, future.ids, future.spans[0][0], future.spans[-1][1],
                            future.target.sum(axis=(1, 2)))
        with plan.action(label, kind="apply") as act:
            for flight in changed:
                records.write_changed(plan, flight)
        return history.done(plan, act)
    removed, cut, added = _replaced(plan, scenario, future)
    with plan.action(label, kind="apply") as act:
        delete_flight_rows(plan, removed)
        for flight in cut:
            records.write_changed(plan, flight)
        _add_optimised(plan, scenario, future, added)
    return history.done(plan, act)
