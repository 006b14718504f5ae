"""Refused services keep their English and are shown in the interface language.

Applying an impossible scenario, a reforecast outside the horizon, an export to a
folder, a wrong matching rule and a history mapping with an impossible brand share
each raise a planner error whose message is a `Text`: the CLI prints the English
it always did, and the GUI (`ui.i18n.error_message`, also used for errors a worker
reports) shows it in Chinese.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from planner.errors import PlannerError, ValidationError
from planner.i18n import Template, Text
from planner.io.atomic import write_atomically
from planner.io.history_import import HistoryMapping, preview_history
from planner.io.platforms.rules import MatchRule, set_match_rules
from planner.services import optimise
from planner.services import reforecast as rf
from planner.services import scenarios as sc
from planner.services.scenario_apply import apply_scenario
from planner.storage.plan_file import open_plan
from tests.i18n.visible_text import english_words
from ui.i18n import error_message
from ui.workers.runner import one_line

TODAY = dt.date(2026, 7, 15)
KEPT = {"ID"}  # as the catalogue writes it
REGEX_ERROR = "missing ), unterminated subpattern at position 0"


def _refusal(call, *args, **kwargs) -> PlannerError:
    with pytest.raises(PlannerError) as caught:
        call(*args, **kwargs)
    return caught.value


def _refusals(demo_path: Path, tmp_path: Path) -> list[tuple[PlannerError, str]]:
    """(error, the English it must read as) for each refusal."""
    out = []
    with open_plan(Path(shutil.copy(demo_path, tmp_path / "copy.cplan"))) as plan:
        pp = optimise.build_problem(plan, grain="month", today=TODAY, brand_share=(0.9, 1.0))
        result = optimise.run(plan, pp)
        scenario = sc.load_scenario(plan, sc.save_scenario(plan, "全品牌", pp, result)
                                    .created_id)
        error = _refusal(apply_scenario, plan, scenario.id)
        out.append((error, f"scenario “全品牌” has no allocation to apply: "
                           f"{scenario.result['message']}"))
        error = _refusal(rf.reforecast, plan, dt.date(2025, 12, 31))
        out.append((error, "as-of date 2025-12-31 is outside the plan's horizon 2026-01-01 to "
                           "2026-12-31: nothing of the plan is spent by then; pick a date from "
                           "2026-01-01 to 2026-12-30"))
        error = _refusal(rf.build_reforecast_problem, plan, dt.date(2026, 12, 20), grain="month")
        out.append((error, "no month of the horizon starts after 2026-12-20: nothing is left to "
                           "re-plan (try --grain week)"))
        error = _refusal(set_match_rules, plan, [MatchRule("regex", "(", "nowhere")])
        out.append((error, f"match rule 1.pattern: is not a regular expression ({REGEX_ERROR}) "
                           "(got '(')"))
    error = _refusal(write_atomically, tmp_path, lambda _path: None)
    out.append((error, f"cannot export to {tmp_path}: it is a folder"))
    spend = tmp_path / "spend.csv"
    spend.write_text("week,tv,sales\n2025-01-06,100,900\n2025-01-13,120,950\n", encoding="utf-8")
    mapping = HistoryMapping(date_column="week", spend_columns={"tv": "TV"},
                             outcome_column="sales", currency_unit="yuan",
                             brand_spend_share=1.5)
    error = _refusal(preview_history, spend, mapping)
    out.append((error, "brand share of TV: must be between 0 and 1 (got 1.5)"))
    return out


def test_refusals_read_as_before_and_carry_their_template(demo_path, tmp_path):
    for error, english in _refusals(demo_path, tmp_path):
        assert str(error) == english
        made = error.reason if isinstance(error, ValidationError) else error.args[0]
        assert isinstance(made, Template | Text), english


def test_refusals_are_shown_in_chinese(chinese, demo_path, tmp_path):
    for error, english in _refusals(demo_path, tmp_path):
        # data, a CLI option, and Python's own words for a bad regular expression
        names = ["全品牌", str(tmp_path), "TV", "--grain week", REGEX_ERROR]
        shown = error_message(error)
        assert shown == one_line(error) != english
        assert not set(english_words(shown, names)) - KEPT, shown
