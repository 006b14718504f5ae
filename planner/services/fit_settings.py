"""How many curve draws a fit makes: a plan setting, so every later re-fit (the
command line's, the Curves tab's, a reforecast's) makes as many as the planner
chose, until they choose again.

Stored in the ``settings`` table under ``fit_draws`` beside the plan settings;
a plan that never set it gets :data:`planner.services.fitting.DRAWS`. More draws
describe the curves' spread better and make robust runs slower (the solver's
work grows with the number of draws); 0 fits no draws at all.
"""

from __future__ import annotations

import json

from planner.domain.changes import Done
from planner.errors import ValidationError
from planner.services.fitting import DRAWS, FitReport, save_fits
from planner.storage import history
from planner.storage.plan_file import Plan

DRAWS_KEY = "fit_draws"
MAX_DRAWS = 500


def fit_draws(plan: Plan) -> int:
    """The plan's number of curve draws per fitted curve."""
    row = plan.db.execute("SELECT value FROM settings WHERE key = ?", [DRAWS_KEY]).fetchone()
    return DRAWS if row is None or row[0] is None else int(json.loads(row[0]))


def check_draws(draws: object) -> int:
    """:raises ValidationError: not a whole number from 0 to :data:`MAX_DRAWS`."""
    if isinstance(draws, bool) or not isinstance(draws, int) or not 0 <= draws <= MAX_DRAWS:
        raise ValidationError("fit.draws", draws, f"must be a whole number from 0 to {MAX_DRAWS}")
    return draws


def _write(plan: Plan, draws: int) -> None:
    plan.db.execute("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) "
                    "DO UPDATE SET value = excluded.value WHERE value IS NOT excluded.value",
                    [DRAWS_KEY, json.dumps(check_draws(draws))])


def set_fit_draws(plan: Plan, draws: int) -> Done:
    """Set the number of draws the next fits make, as one undoable action (none
    when it is already `draws`)."""
    check_draws(draws)
    with plan.action("Set curve draws") as act:
        _write(plan, draws)
    return history.done(plan, act)


def save_fits_with_draws(plan: Plan, report: FitReport, draws: int) -> Done:
    """Store a fit made with `draws` draws and keep `draws` as the plan's setting:
    one undoable action, so undoing the fit also restores the earlier setting."""
    check_draws(draws)
    with plan.action("Save fitted curves") as act:
        _write(plan, draws)
        save_fits(plan, report)
    return history.done(plan, act)
