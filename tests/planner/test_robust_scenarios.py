"""A robust run saved as a scenario (service and `optimize --risk --save-scenario`),
applied and undone to the byte; the number of curve draws as a plan setting."""

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
from planner.errors import ValidationError
from planner.services import optimise
from planner.services.fit_settings import fit_draws, save_fits_with_draws, set_fit_draws
from planner.services.fitting import DRAWS, fit_plan, save_fits
from planner.services.robust import curve_draws, draw_outcomes, run_robust
from planner.services.robust_scenarios import save_robust_scenario
from planner.services.scenario_apply import apply_scenario
from planner.services.scenarios import list_scenarios, load_scenario
from planner.storage import history
from planner.storage.plan_file import open_plan
from tests.plan_dump import dump
from tests.planner.test_scenarios import future_cells, wanted

TODAY = dt.date(2026, 6, 1)
COUNT = 6


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "d.cplan"
    build_demo(path, year=2026, today=TODAY).close()
    return path


@pytest.fixture(scope="module")
def fitted_file(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = Path(shutil.copyfile(demo_file, tmp_path_factory.mktemp("fitted") / "f.cplan"))
    with open_plan(path) as plan:
        save_fits(plan, fit_plan(plan, starts=1, draws=COUNT, seed=3))
    return path


@pytest.fixture
def fitted(fitted_file: Path, tmp_path: Path) -> Path:
    return Path(shutil.copyfile(fitted_file, tmp_path / "f.cplan"))


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_a_robust_run_is_a_scenario_that_applies_and_undoes_to_the_byte(fitted: Path):
    with open_plan(fitted, take_backup=False) as plan:
        pp = optimise.build_problem(plan, grain="month", today=TODAY)
        found = run_robust(plan, pp, "worst")
        before = dump(plan.db.conn)
        saved = save_robust_scenario(plan, "Safe", pp, found)
        scenario = load_scenario(plan, saved.created_id)
        stored, risk = scenario.result, scenario.result["risk"]
        # The figures are the chosen spend's, read through the curves in use.
        minor = pp.spend_minor(found.chosen.spend)
        assert stored["spend_minor"] == minor.tolist()
        revenue, brand = optimise.outcome(pp, found.chosen.spend)
        assert stored["revenue_minor"] == pp.to_minor(revenue.sum())
        assert stored["objective_minor"] == pp.to_minor(revenue.sum() + brand.sum())
        # The certificate is the risk measure's; the value's own is unknown.
        assert stored["gap"] is None and stored["upper_bound_minor"] is None
        assert risk["risk"] == "worst" and risk["draws"] == COUNT and risk["gap"] <= 1e-3
        assert risk["objective_minor"] == pp.to_minor(found.chosen.objective)
        assert risk["objective_minor"] <= risk["bound_minor"]
        outcomes = draw_outcomes(pp, curve_draws(plan, pp), found.chosen.spend)
        assert risk["outcomes_minor"]["chosen"] == [pp.to_minor(v) for v in outcomes]
        rows = {row["allocation"]: row for row in risk["price_of_robustness"]}
        assert rows["chosen"]["worst"] == min(risk["outcomes_minor"]["chosen"])
        assert rows["mean_optimal"]["worst"] == min(risk["outcomes_minor"]["mean_optimal"])
        for row in rows.values():
            assert row["worst"] <= row["p5"] <= row["mean"]

        stored_before_apply = dump(plan.db.conn)
        applied = apply_scenario(plan, scenario.id)
        assert (future_cells(plan, scenario) == wanted(scenario)).all()
        history.undo(plan, applied.action_id)
        assert dump(plan.db.conn) == stored_before_apply
        history.undo(plan, saved.action_id)
        assert dump(plan.db.conn) == before


def test_optimize_risk_saves_a_scenario_that_applies_from_the_command_line(fitted: Path):
    with open_plan(fitted, read_only=True) as plan:
        before = dump(plan.db.conn)
    result = run("optimize", fitted, "--grain", "month", "--today", TODAY, "--risk",
                 "cvar:0.5", "--save-scenario", "Careful", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["risk"] == "cvar" and data["alpha"] == 0.5 and data["draws"] == COUNT
    assert "saved as “Careful”" in result.stderr
    with open_plan(fitted, read_only=True) as plan:
        (scenario,) = list_scenarios(plan)
    assert scenario.name == "Careful" and scenario.result["risk"]["gap"] == data["gap"]
    assert [row["spend_minor"] for row in scenario.result["channels"]] == \
        [row["spend_minor"] for row in data["channels"]]
    listed = run("scenarios", fitted)
    assert f"cvar over {COUNT} draws" in listed.output
    applied = run("apply", fitted, scenario.id)
    assert applied.exit_code == 0, applied.output
    for _ in range(2):  # the apply, then the save
        assert run("undo", fitted).exit_code == 0
    with open_plan(fitted, read_only=True) as plan:
        assert dump(plan.db.conn) == before


def test_save_scenario_needs_a_risk(fitted: Path):
    result = run("optimize", fitted, "--grain", "month", "--save-scenario", "X")
    assert result.exit_code == 2 and "--save-scenario" in result.output


# -- the number of draws -------------------------------------------------------------------

def test_the_number_of_draws_is_a_plan_setting_fits_follow(demo_file: Path, tmp_path: Path):
    path = Path(shutil.copyfile(demo_file, tmp_path / "d.cplan"))
    with open_plan(path, take_backup=False) as plan:
        assert fit_draws(plan) == DRAWS == 50
        (channel,) = plan.db.execute("SELECT id FROM channels ORDER BY sort_order LIMIT 1")\
            .fetchone()
        before = dump(plan.db.conn)
        done = set_fit_draws(plan, 4)
        assert fit_draws(plan) == 4
        report = fit_plan(plan, [channel], starts=1)
        assert {len(f.draws) for f in report.fits} == {4}
        assert set_fit_draws(plan, 4).action_id is None  # unchanged: nothing to undo
        history.undo(plan, done.action_id)
        assert fit_draws(plan) == 50 and dump(plan.db.conn) == before
        for bad in (-1, 501, 2.5, True, "10"):
            with pytest.raises(ValidationError, match=r"fit\.draws"):
                set_fit_draws(plan, bad)
        assert dump(plan.db.conn) == before
        # Saving a fit with its count keeps both in one action, undone together.
        saved = save_fits_with_draws(plan, fit_plan(plan, [channel], starts=1, draws=2), 2)
        assert fit_draws(plan) == 2
        history.undo(plan, saved.action_id)
        assert dump(plan.db.conn) == before


def test_fit_draws_option_stores_the_count_with_the_curves(demo_file: Path, tmp_path: Path):
    path = Path(shutil.copyfile(demo_file, tmp_path / "d.cplan"))
    with open_plan(path, read_only=True) as plan:
        before = dump(plan.db.conn)
        (name,) = plan.db.execute("SELECT name FROM channels ORDER BY sort_order LIMIT 1")\
            .fetchone()
    dry = run("fit", path, "--channel", name, "--draws", 3, "--dry-run")
    assert dry.exit_code == 0, dry.output
    result = run("fit", path, "--channel", name, "--draws", 3)
    assert result.exit_code == 0, result.output
    with open_plan(path, read_only=True) as plan:
        assert fit_draws(plan) == 3
        counts = {len(json.loads(q)["draws"]["a"]) for (q,) in plan.db.execute(
            "SELECT quality FROM curves WHERE source = 'fitted'")}
        assert counts == {3}
    assert run("undo", path).exit_code == 0  # one action: the curves and the setting
    with open_plan(path, read_only=True) as plan:
        assert dump(plan.db.conn) == before
    bad = run("fit", path, "--draws", 1000)
    assert bad.exit_code == 1 and "fit.draws" in bad.output


def test_draw_outcomes_match_the_solvers_own(fitted: Path):
    with open_plan(fitted, read_only=True) as plan:
        pp = optimise.build_problem(plan, grain="month", today=TODAY)
        draws = curve_draws(plan, pp)
        found = run_robust(plan, pp, "mean")
    ours = draw_outcomes(pp, draws, found.chosen.spend)
    assert np.allclose(ours, found.chosen.outcomes, rtol=1e-9, atol=1e-6)
