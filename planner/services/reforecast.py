"""Reforecast: given what was spent up to a date, how should the rest of the budget go?

A reforecast is an optimiser run (:mod:`planner.services.optimise`) whose past is
the actuals table, cut at the as-of date:

- every period that began by the as-of date is fixed at each channel's actual
  spend there; where a channel has no actuals in such a period its plan counts
  as spent, and a period straddling the date keeps the plan on its later days
  (``build_problem(actuals_through=...)``), so nothing already spent or under
  way is re-planned;
- brand spend already made keeps working: the fixed periods stay in the model,
  so each channel's adstock carries their brand stock (and the history's before
  them) into the remaining periods;
- the optimiser spreads the remaining budget (total − fixed to date − committed
  future flights) over the remaining periods. It is seeded with, and so never
  scores below, the current plan for those periods when that plan is feasible.

The run is saved through :func:`planner.services.scenarios.save_scenario`, so it
is applied and undone like any other scenario, with a ``reforecast`` block in its
stored result: per channel the plan, actual to date and reforecast that the
Performance tab shows side by side (:func:`reforecast_table`).

Re-fitting curves first (``refit=True``) is its own undoable action through
:func:`planner.services.fitting.save_fits`, not an in-memory detour: the scenario
must be reproducible from the plan file (the Optimise and Curves tabs, and a later
re-run, read the curves there), and the planner can undo the new curves apart from
the reforecast. See :mod:`planner.services.refit`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
from dataclasses import asdict, dataclass, fields
from typing import Any

import numpy as np

from planner.domain.changes import Done
from planner.domain.entities import Flight
from planner.domain.money import format_money
from planner.domain.phasing import phase_days
from planner.errors import NotFound, PlannerError
from planner.i18n import QT_TRANSLATE_NOOP
from planner.services import optimise, plan_spend
from planner.services.result_words import worded
from planner.services.scenarios import load_scenario, save_scenario
from planner.storage import history, rows
from planner.storage.plan_file import Plan
from solver.curves import adstock
from solver.problem import BRAND

_DAY = dt.timedelta(days=1)
_FORBIDDEN = ("today", "actuals_through", "grain")  # set by the reforecast itself


@dataclass(frozen=True)
class ReforecastRow:
    """One channel, money in minor units.

    :param plan_minor: the plan over the horizon when the reforecast was made.
    :param actual_minor: actual spend up to the as-of date.
    :param fixed_minor: what the reforecast holds fixed: actuals (else the plan)
        up to the as-of date, and the plan on the straddling period's later days.
    :param plan_remaining_minor: the plan over the re-planned periods.
    :param reforecast_remaining_minor: the reforecast there (None if impossible).
    :param reforecast_minor: fixed + reforecast remaining: the year's new total.
    :param carry_minor: brand stock the re-planned periods start with, in money
        of brand spend still working (exact at week grain; months measure stock
        as the model does, see ``optimise.scaled_spec``).
    """

    channel_id: str
    name: str
    plan_minor: int
    actual_minor: int
    fixed_minor: int
    plan_remaining_minor: int
    reforecast_remaining_minor: int | None
    reforecast_minor: int | None
    carry_minor: int


@dataclass(frozen=True)
class Reforecast:
    """A reforecast as stored with its scenario.

    :param first_day: the first re-planned day (start of the first free period).
    :param remaining_minor: budget − fixed to date − committed future spend: what
        the optimiser was free to place.
    :param allocated_minor: what it placed (the remaining periods less committed).
    :param current_objective_minor: the objective of keeping the current plan for
        the remaining periods; `objective_minor` is the reforecast's.
    :param assumptions: what the figures rest on, in words.
    """

    scenario_id: str
    as_of: dt.date
    first_day: dt.date
    grain: str
    currency: str
    status: str
    budget_minor: int
    fixed_minor: int
    committed_minor: int
    remaining_minor: int
    allocated_minor: int | None
    unspent_minor: int | None
    unspent_reason: str | None
    objective_minor: int | None
    current_objective_minor: int
    rows: tuple[ReforecastRow, ...]
    assumptions: tuple[str, ...]

    @property
    def feasible(self) -> bool:
        return self.status == "optimal"

    def to_json(self) -> dict[str, Any]:
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "scenario_id"}
        return {**out, "as_of": self.as_of.isoformat(), "first_day": self.first_day.isoformat(),
                "rows": [asdict(r) for r in self.rows], "assumptions": list(self.assumptions)}

    @classmethod
    def from_json(cls, scenario_id: str, data: dict[str, Any]) -> Reforecast:
        return cls(**{**data, "scenario_id": scenario_id,
                      "as_of": dt.date.fromisoformat(data["as_of"]),
                      "first_day": dt.date.fromisoformat(data["first_day"]),
                      "rows": tuple(ReforecastRow(**r) for r in data["rows"]),
                      "assumptions": tuple(data["assumptions"])})


@dataclass(frozen=True)
class ReforecastResult:
    """What :func:`reforecast` did: `done` saved the scenario (one undoable
    action); `fitted` saved re-fitted curves first (its own action), if asked."""

    reforecast: Reforecast
    done: Done
    fitted: Done | None = None
    fit_notes: tuple[str, ...] = ()

    @property
    def scenario_id(self) -> str:
        return self.reforecast.scenario_id


# -- what happened up to the as-of date ----------------------------------------------------

def _check_date(plan: Plan, as_of: dt.date) -> None:
    settings = rows.read_settings(plan.db)
    start, end = settings.horizon_start, settings.horizon_end
    if not start <= as_of < end:
        why = (QT_TRANSLATE_NOOP("reforecast", "nothing of the plan is spent by then")
               if as_of < start else
               QT_TRANSLATE_NOOP("reforecast", "nothing of the plan is left after it"))
        raise PlannerError(QT_TRANSLATE_NOOP("reforecast", "as-of date {as_of} is outside the "
                                             "plan's horizon {start} to {end}: {reason}; pick "
                                             "a date from {start} to {last}").format(
            as_of=as_of, start=start, end=end, reason=why, last=end - _DAY))


def _actual_cells(plan: Plan, pp: optimise.PlanProblem, as_of: dt.date) -> np.ndarray:
    """Actual spend [c, t] over the fixed periods, days up to `as_of` only; rows
    spread evenly over their days, as the optimiser reads them."""
    where = {cid: c for c, cid in enumerate(pp.channel_ids)}
    starts = [p.start for p in pp.periods[:pp.past]]
    out = np.zeros((len(where), pp.past), dtype=np.int64)
    for cid, start, end, amount in plan.db.execute(
            'SELECT channel_id, start, "end", spend_minor FROM actuals WHERE start <= ?',
            [as_of.isoformat()]):
        if cid not in where:
            continue
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        for i, value in enumerate(phase_days(max(amount, 0), first, last)):
            day = first + i * _DAY
            if day > as_of:
                break
            t = bisect.bisect_right(starts, day) - 1
            if t >= 0:
                out[where[cid], t] += value
    return out


def _planned(plan: Plan, pp: optimise.PlanProblem, spans: list[tuple[dt.date, dt.date]]
             ) -> np.ndarray:
    """The plan's flights [c, t] over consecutive `spans`, minor units."""
    where = {cid: c for c, cid in enumerate(pp.channel_ids)}
    starts = plan_spend.period_starts(spans)
    share = plan_spend.brand_shares(plan)
    out = np.zeros((len(where), len(spans)), dtype=np.int64)
    for flight in rows.all_of(plan.db, Flight):
        if flight.channel_id in where:
            out[where[flight.channel_id]] += plan_spend.flight_cells(
                flight, share[flight.campaign_id], starts).sum(axis=1)
    return out


def _carry(pp: optimise.PlanProblem) -> np.ndarray:
    """Brand stock [c] entering the first free period, in minor units."""
    out = np.zeros(len(pp.channel_ids))
    for c, ch in enumerate(pp.problem.channels):
        if ch.brand is not None:
            out[c] = ch.adstock * adstock(pp.current[c, :pp.past, BRAND], ch.adstock,
                                          ch.carry)[-1]
    return np.rint(out * pp.scale).astype(np.int64)


def _breaches(pp: optimise.PlanProblem) -> list[str]:
    """Why keeping the current plan would not be a feasible allocation (then the
    reforecast's objective is not bound to beat it)."""
    def money(value: float) -> str:
        return format_money(int(value), pp.currency)

    found: list[str] = []
    total = int(pp.current_minor.sum())
    if total > pp.budget_minor:
        found.append(f"it spends {money(total)}, over the budget {money(pp.budget_minor)}")
    for c, ch in enumerate(pp.problem.channels):
        spent = int(pp.current_minor[c].sum())
        if ch.max_total is not None and spent > pp.to_minor(ch.max_total):
            found.append(f"{ch.name} {money(spent)} is over its maximum "
                         f"{money(pp.to_minor(ch.max_total))}")
    return found


def _assumptions(plan: Plan, pp: optimise.PlanProblem, as_of: dt.date, actual: np.ndarray,
                 carry: np.ndarray) -> list[str]:
    def money(value: float) -> str:
        return format_money(int(value), pp.currency)

    fixed = pp.current_minor[:, :pp.past].sum(axis=2)
    out = [f"spend up to {as_of} is fixed at actual spend per channel and {pp.grain}"]
    missing = (actual == 0) & (fixed > 0)
    if missing.any():
        names = sorted({pp.problem.channels[c].name for c in np.nonzero(missing.any(axis=1))[0]})
        out.append(f"where a channel has no actuals in a {pp.grain} up to {as_of}, its plan "
                   f"counts as spent: {int(missing.sum())} channel-{pp.grain}(s), "
                   f"{money(fixed[missing].sum())}, on {', '.join(names[:5])}"
                   + (f" and {len(names) - 5} more" if len(names) > 5 else ""))
    boundary = pp.periods[pp.past - 1]
    if boundary.end > as_of:
        tail = _planned(plan, pp, [(as_of + _DAY, boundary.end)]).sum()
        out.append(f"{boundary.key} runs past {as_of}: its days from {as_of + _DAY} to "
                   f"{boundary.end} stay as planned ({money(tail)}); re-planning starts "
                   f"{pp.periods[pp.past].start}")
    last = plan.db.execute('SELECT MAX("end") FROM actuals').fetchone()[0]
    if last is None:
        out.append("the plan has no actuals: the plan counts as spent throughout")
    elif dt.date.fromisoformat(last) < as_of:
        out.append(f"actuals end on {last}, before {as_of}")
    elif dt.date.fromisoformat(last) > as_of:
        out.append(f"actuals after {as_of} (to {last}) are left out")
    if carry.any():
        out.append(f"brand stock built before {pp.periods[pp.past].start} carries into the "
                   f"remaining {pp.grain}s through each channel's adstock "
                   f"({money(carry.sum())} of brand spend still working)")
    breaches = _breaches(pp)
    if breaches:
        out.append("keeping the current plan is not a feasible allocation ("
                   + "; ".join(breaches[:3]) + "), so the reforecast need not score above it")
    return out + list(pp.notes)


def _summary(plan: Plan, pp: optimise.PlanProblem, stored: dict[str, Any], as_of: dt.date,
             scenario_id: str) -> Reforecast:
    past = pp.past
    actual, carry = _actual_cells(plan, pp, as_of), _carry(pp)
    planned = _planned(plan, pp, [(p.start, p.end) for p in pp.periods])
    fixed = pp.current_minor[:, :past].sum(axis=(1, 2))
    committed = int(pp.committed_minor[:, past:].sum())
    feasible = stored.get("status") == "optimal"
    future = np.array(stored["spend_minor"], dtype=np.int64)[:, past:].sum(axis=(1, 2)) \
        if feasible else None
    table = tuple(ReforecastRow(
        cid, ch.name, int(planned[c].sum()), int(actual[c].sum()), int(fixed[c]),
        int(planned[c, past:].sum()), None if future is None else int(future[c]),
        None if future is None else int(fixed[c] + future[c]), int(carry[c]))
        for c, (cid, ch) in enumerate(zip(pp.channel_ids, pp.problem.channels, strict=True)))
    return Reforecast(
        scenario_id, as_of, pp.periods[past].start, pp.grain, pp.currency,
        stored.get("status", "infeasible"), pp.budget_minor, int(fixed.sum()), committed,
        pp.budget_minor - int(fixed.sum()) - committed,
        None if future is None else int(future.sum()) - committed,
        stored.get("unspent_minor"), stored.get("unspent_reason"), stored.get("objective_minor"),
        stored["current"]["objective_minor"], table,
        tuple(_assumptions(plan, pp, as_of, actual, carry)))


# -- the reforecast ------------------------------------------------------------------------

def build_reforecast_problem(plan: Plan, as_of: dt.date, *, grain: str = "week",
                             **options: Any) -> optimise.PlanProblem:
    """The optimiser's problem for a reforecast as of `as_of` (see the module).

    :param options: any other option of :func:`optimise.build_problem`.
    :raises PlannerError: `as_of` outside the horizon, or no whole period after it.
    """
    bad = sorted(set(options) & set(_FORBIDDEN))
    if bad:
        raise TypeError(f"reforecast sets {', '.join(bad)} itself")
    _check_date(plan, as_of)
    pp = optimise.build_problem(plan, grain=grain, today=as_of + _DAY, actuals_through=as_of,
                                **options)
    if pp.past >= len(pp.periods):
        left = QT_TRANSLATE_NOOP("reforecast", "no {grain} of the horizon starts after "
                                 "{as_of}: nothing is left to re-plan (try --grain week)") \
            if grain == "month" else QT_TRANSLATE_NOOP(
                "reforecast", "no {grain} of the horizon starts after {as_of}: nothing is left "
                "to re-plan")
        raise PlannerError(left.format(grain=worded(grain), as_of=as_of))
    return pp


def reforecast(plan: Plan, as_of: dt.date, *, refit: bool = False, grain: str = "week",
               name: str | None = None, **options: Any) -> ReforecastResult:
    """Re-plan the rest of the horizon after `as_of` with the remaining budget and
    save it as a scenario (one undoable action; applied like any other).

    :param refit: first re-fit the curves on history and actuals up to `as_of`
        and save them, as a separate undoable action (see the module).
    :param name: the scenario's name (default "Reforecast as of <date>").
    :param options: optimiser options of :func:`optimise.build_problem`
        (budget_minor, brand_share, objective, channel_limits, ...).
    :raises PlannerError: `as_of` outside the horizon, nothing left to re-plan,
        no curves; nothing is written then.
    :raises SolverError: the solver gave up (nothing is written).
    """
    _check_date(plan, as_of)
    fitted, fit_notes = None, ()
    if refit:
        from planner.services.refit import refit_curves

        fitted, fit_notes = refit_curves(plan, as_of)
    pp = build_reforecast_problem(plan, as_of, grain=grain, **options)
    result = optimise.run(plan, pp)
    name = name or f"Reforecast as of {as_of}"
    with plan.action(f"Reforecast as of {as_of}") as act:
        scenario_id = save_scenario(plan, name, pp, result).created_id or ""
        stored = load_scenario(plan, scenario_id).result
        summary = _summary(plan, pp, stored, as_of, scenario_id)
        if fit_notes:
            summary = Reforecast.from_json(scenario_id, {
                **summary.to_json(), "assumptions": [*summary.assumptions, *fit_notes]})
        plan.db.execute("UPDATE scenarios SET result = ? WHERE id = ?",
                        [json.dumps({**stored, "reforecast": summary.to_json()},
                                    ensure_ascii=False), scenario_id])
    return ReforecastResult(summary, history.done(plan, act, created_id=scenario_id), fitted,
                            tuple(fit_notes))


def reforecast_table(plan: Plan, scenario_id: str) -> Reforecast:
    """The stored reforecast of a scenario: plan, actual to date and reforecast per
    channel, as they were when it was made.

    :raises NotFound: no such scenario, or one that is not a reforecast.
    """
    scenario = load_scenario(plan, scenario_id)
    if "reforecast" not in scenario.result:
        raise NotFound(QT_TRANSLATE_NOOP("reforecast", "scenario “{name}” is not a reforecast"
                                         ).format(name=scenario.name))
    return Reforecast.from_json(scenario.id, scenario.result["reforecast"])
