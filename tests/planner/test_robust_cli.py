"""Curve draws stored with fitted curves, and `planner optimize --risk` on the demo plan."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.demo import build_demo
from planner.services.fitting import fit_plan, save_fits
from planner.services.optimise import build_problem
from planner.services.robust import curve_draws
from planner.storage.plan_file import open_plan

TODAY = "2026-06-01"
DRAWS = 6


@pytest.fixture(scope="module")
def fitted_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "d.cplan"
    build_demo(path, year=2026, today=dt.date(2026, 6, 1)).close()
    with open_plan(path) as plan:
        save_fits(plan, fit_plan(plan, starts=1, draws=DRAWS, seed=7))
    return path


@pytest.fixture
def fitted(fitted_file: Path, tmp_path: Path) -> Path:
    return Path(shutil.copyfile(fitted_file, tmp_path / "d.cplan"))


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def _stored(path: Path) -> dict:
    with open_plan(path, read_only=True) as plan:
        return {(c, g): json.loads(q)["draws"] for c, g, q in plan.db.execute(
            "SELECT channel_id, goal, quality FROM curves WHERE source = 'fitted'")
            if "draws" in json.loads(q)}


def test_draws_are_stored_with_the_fitted_curves_and_reproducible(fitted_file, tmp_path):
    stored = _stored(fitted_file)
    assert len(stored) == 32  # the demo's 16 channels × 2 goals, all fitted per channel
    for draws in stored.values():
        assert set(draws) == {"seed", "a", "k", "s"}
        assert len(draws["a"]) == len(draws["k"]) == len(draws["s"]) == DRAWS
        assert all(v > 0 for v in draws["a"] + draws["k"] + draws["s"])
    again = Path(shutil.copyfile(fitted_file, tmp_path / "again.cplan"))
    with open_plan(again) as plan:
        save_fits(plan, fit_plan(plan, starts=1, draws=DRAWS, seed=7))
    assert _stored(again) == stored
    with open_plan(again) as plan:
        save_fits(plan, fit_plan(plan, starts=1, draws=DRAWS, seed=8))
    assert _stored(again) != stored


def test_curve_draws_scale_like_the_curves_in_use(fitted_file):
    with open_plan(fitted_file, read_only=True) as plan:
        pp = build_problem(plan, grain="month", today=dt.date(2026, 6, 1))
        draws = curve_draws(plan, pp)
    assert len(draws) == DRAWS
    for c, ch in enumerate(pp.problem.channels):
        for goal, base in ((0, ch.promotion), (1, ch.brand)):
            spread = [d.curves[c][goal] for d in draws]
            assert (base is None) == all(s is None for s in spread)
            if base is not None:  # draws sit around the fit, in the same units
                assert 0.2 < np.median([s.a for s in spread]) / base.a < 5


@pytest.mark.parametrize("risk", ["mean", "worst", "cvar:0.2"])
def test_optimize_risk_prints_the_price_of_robustness(fitted, risk):
    result = run("optimize", fitted, "--grain", "month", "--today", TODAY, "--risk", risk,
                 "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["draws"] == DRAWS and data["gap"] <= 1e-3
    rows = {r["allocation"]: r for r in data["price_of_robustness"]}
    assert set(rows) == {"chosen", "mean_optimal"}
    for row in rows.values():
        assert row["worst"] <= row["p5"] <= row["mean"]
    chosen, mean = rows["chosen"], rows["mean_optimal"]
    slack = data["gap"] * abs(chosen["objective"]) + 2
    if risk == "worst":
        assert chosen["worst"] >= mean["worst"] - slack
    assert mean["mean"] >= chosen["mean"] - slack - mean["gap"] * abs(mean["mean"])
    text = run("optimize", fitted, "--grain", "month", "--today", TODAY, "--risk", risk)
    assert text.exit_code == 0 and "mean_optimal" in text.output and "5th pct" in text.output


@pytest.mark.parametrize("bad", ["cvar", "cvar:0", "cvar:1.5", "median", "worst:0.1"])
def test_a_bad_risk_is_a_bad_option(fitted, bad):
    result = run("optimize", fitted, "--risk", bad)
    assert result.exit_code == 2 and "--risk" in result.output
