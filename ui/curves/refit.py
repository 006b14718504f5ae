"""Re-fitting curves off the GUI thread, with progress and cancel.

The worker reads through its own connection and hands back only the report; the
GUI thread saves it. When every channel's history carries its own outcomes, the
fits are independent, so they run channel by channel (progress, and cancel
between channels); a plan fitted jointly on a plan-wide outcome is one fit.
"""

from __future__ import annotations

from planner.services.fitting import FitReport, fit_plan
from planner.storage.plan_file import Plan, reader
from ui.workers.runner import Worker


def _independent(plan: Plan) -> list[str] | None:
    """Channel ids to fit one by one, or None when some channel needs a joint fit
    (no revenue of its own, or brand money without a brand outcome)."""
    pooled = plan.db.execute(
        "SELECT COUNT(*) FROM (SELECT channel_id FROM history GROUP BY channel_id "
        "HAVING COUNT(revenue_minor) = 0 "
        "OR (COUNT(brand_outcome) = 0 AND SUM(brand_spend_minor) > 0))").fetchone()[0]
    if pooled:
        return None
    return [cid for (cid,) in plan.db.execute(
        "SELECT id FROM channels WHERE id IN (SELECT channel_id FROM history) "
        "ORDER BY sort_order, name")]


def refit(worker: Worker, path: str, starts: int = 3, draws: int | None = None) -> FitReport:
    """On a pool thread: the plan's curves fitted from its history, with `draws`
    curve draws each (default: the plan's setting)."""
    with reader(path) as plan:
        worker.check_cancelled()
        channels = _independent(plan)
        if channels is None:
            worker.report(0)
            report = fit_plan(plan, starts=starts, draws=draws)
            worker.check_cancelled()
            return report
        fits, failures, warnings = [], [], []
        for done, cid in enumerate(channels):
            worker.report(round(100 * done / max(len(channels), 1)))
            part = fit_plan(plan, [cid], starts=starts, draws=draws)
            fits += part.fits
            failures += part.failures
            warnings += part.warnings
            worker.check_cancelled()
        worker.report(100)
        return FitReport(tuple(fits), tuple(failures), tuple(warnings))
