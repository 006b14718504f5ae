"""The planner's messages keep their English and carry what a translation needs.

The CLI prints the English the planner writes, so marking a message must not
change a character of it; the GUI rebuilds it from its template. The solver's
sentences are recognised from their English, so a real run's explanations must
all be recognised (a solver wording that drifts from the templates fails here).
"""

from __future__ import annotations

import datetime as dt
import pickle
import shutil
from pathlib import Path

import pytest

from planner.i18n import QT_TRANSLATE_NOOP, Joined, Template, Text, Wording
from planner.io.import_report import Problem
from planner.io.problem_words import reason_words, refusal
from planner.merge import merge_preview
from planner.services import channels, optimise
from planner.services.result_words import worded
from planner.storage.plan_file import open_plan, reader
from solver.result import Allocation, Infeasible
from ui import formatting, i18n

TODAY = dt.date(2026, 7, 15)
COMMA = QT_TRANSLATE_NOOP("tests", ", ")


def _run(path: Path, **kwargs: object) -> Allocation | Infeasible:
    with reader(path) as plan:
        return optimise.run(plan, optimise.build_problem(plan, grain="month", today=TODAY,
                                                         **kwargs))


def test_a_wording_gives_back_the_very_english_with_its_parts():
    words = Wording([QT_TRANSLATE_NOOP("tests", "{amount} left: {limits}"),
                     QT_TRANSLATE_NOOP("tests", "cap on {channel}")], lists={"limits": COMMA})
    text = words("¥5.00 left: cap on 抖音, cap on Tmall 旗舰")
    assert isinstance(text, Text) and text == "¥5.00 left: cap on 抖音, cap on Tmall 旗舰"
    limits = text.args["limits"]
    assert isinstance(limits, Joined) and [type(p) for p in limits.parts] == [Text, Text]
    assert limits.parts[1].args == {"channel": "Tmall 旗舰"}
    assert words("something else") == "something else"
    assert type(words("something else")) is str
    assert pickle.loads(pickle.dumps(text)).args["limits"].parts == limits.parts


def test_every_explanation_of_a_real_impossible_run_is_recognised(demo_path):
    result = _run(demo_path, budget_minor=1_000_00)
    assert isinstance(result, Infeasible) and result.conflicts
    for conflict in result.conflicts:
        assert isinstance(worded(conflict.message), Text), conflict.message
        assert worded(conflict.message) == conflict.message


def test_every_binding_constraint_of_a_real_run_is_recognised(demo_path):
    result = _run(demo_path)
    assert isinstance(result, Allocation) and result.binding
    for binding in result.binding:
        assert isinstance(worded(binding.label), Text), binding.label
    if result.unspent_reason is not None:
        assert isinstance(worded(result.unspent_reason), Text), result.unspent_reason


def test_a_problem_reads_as_before_and_a_refusal_names_the_first():
    value = "x" * 80
    problem = Problem("f.csv", "is not a number", sheet="排期", row=3, column="Budget",
                      value=value)
    assert problem.describe() == (f"f.csv, sheet '排期', row 3, column 'Budget': "
                                  f"{repr(value)[:60]}…: is not a number")
    assert Problem("f.csv", "has no data rows").describe() == "f.csv: has no data rows"
    assert isinstance(reason_words(problem.reason), Text)
    two = refusal([problem, Problem("f.csv", "is empty", row=4)])
    assert two == f"{problem.describe()} (and 1 more); nothing was imported"
    assert refusal([problem]) == f"{problem.describe()}; nothing was imported"


def test_every_merge_sentence_is_marked(demo_path, tmp_path):
    copy = Path(shutil.copy(demo_path, tmp_path / "copy.cplan"))
    with open_plan(copy) as theirs:
        first = theirs.db.execute("SELECT id FROM channels ORDER BY id").fetchone()[0]
        channels.update_channel(theirs, first, name="抖音 · 改名", notes="对方备注")
    with open_plan(demo_path) as mine:
        channels.update_channel(mine, first, name="抖音 · 本地")
        preview = merge_preview(mine, copy)
    assert preview.conflicts and preview.items
    for text in [c.text for c in preview.conflicts] + [i.text for i in preview.items]:
        assert isinstance(text, Text), text
    conflict = preview.conflicts[0]
    assert isinstance(conflict.subject, Text) and isinstance(conflict.field_label, Template)


@pytest.mark.parametrize(("value", "decimals", "spaced", "signed"),
                         [(0.35, 0, False, False), (0.3512, 1, False, False),
                          (-0.125, 1, False, True), (0.0, 1, False, True),
                          (0.4, 0, True, False)])
def test_percentages_read_in_english_as_python_writes_them(qapp, value, decimals, spaced,
                                                           signed):
    i18n.apply(i18n.ENGLISH)
    expected = format(value, f"{'+' if signed else ''}.{decimals}%")
    if spaced:
        expected = expected.replace("%", " %")
    assert formatting.format_percent(value, decimals, spaced=spaced, signed=signed) == expected


def test_numbers_dates_and_axes_read_in_english_as_before(qapp):
    i18n.apply(i18n.ENGLISH)
    for value in (0.000123456, 1.0, -3.14159, 123456.7, 1e-9):
        assert formatting.format_figure(value) == f"{value:.3g}"
        assert formatting.format_figure(value, 4, grouped=True) == f"{value:,.4g}"
    moment = dt.datetime(2026, 11, 11, 9, 5, 7)
    assert formatting.format_moment(moment) == "2026-11-11 09:05"
    assert formatting.format_moment(moment, seconds=True) == "2026-11-11 09:05:07"
    assert formatting.axis_numbers()(1234567.0, 0) == "1,234,567"


def test_chinese_dates_follow_the_translated_pattern(chinese):
    day = dt.date(2026, 6, 18)
    assert formatting.format_date(day) == formatting.locale().toString(
        formatting.QDate(2026, 6, 18), formatting.date_pattern())
    assert "2026" in formatting.format_date(day) and "18" in formatting.format_date(day)
