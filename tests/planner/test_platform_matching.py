"""Matching rules remembered in the plan; unmatched rows listed; re-imports update in
place; the preview is exactly what the commit writes, as one undoable action."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.domain.money import format_money
from planner.errors import ValidationError
from planner.io.imports import write_import
from planner.io.platforms.check import check_platform_import
from planner.io.platforms.rules import MatchRule, load_rules, set_match_rules
from planner.storage import history
from planner.storage.plan_file import open_plan
from tests.plan_dump import dump
from tests.planner import platform_files as pf
from tests.planner.io_support import Snapshot


@pytest.fixture
def ids(plan):
    return pf.small_plan(plan)


def _actuals(plan):
    return plan.db.execute('SELECT channel_id, flight_id, start, "end", spend_minor, source '
                           "FROM actuals ORDER BY source, start").fetchall()


def test_rules_are_remembered_validated_and_undoable(plan, ids):
    rules = [MatchRule("campaign_id", "20000000000", ids["search"], platform="google_ads"),
             MatchRule("regex", r"^Generic", ids["feed"], campaign_id=ids["campaign"])]
    done = set_match_rules(plan, rules)
    assert done.changes.settings and load_rules(plan) == rules
    history.undo(plan, done.action_id)
    assert load_rules(plan) == []
    with pytest.raises(ValidationError, match="not a regular expression"):
        set_match_rules(plan, [MatchRule("regex", "(", ids["search"])])
    with pytest.raises(ValidationError, match="not a flight on the rule's channel"):
        set_match_rules(plan, [MatchRule("exact", "x", ids["tv"], flight_id=ids["f_search"])])


def test_id_rules_come_first_and_campaign_rules_pick_the_flight_by_date(plan, ids, tmp_path):
    set_match_rules(plan, [
        MatchRule("contains", "search", ids["tv"]),
        MatchRule("campaign_id", "20000000000", ids["search"], flight_id=ids["f_search"]),
        MatchRule("exact", "generic SEARCH", ids["feed"], campaign_id=ids["campaign"])])
    path, total = pf.google_ads(tmp_path / "g.csv", days=2)
    report = write_import(plan, check_platform_import(plan, path))  # the plan's own rules
    assert report.ok and report.added == {"actuals": 4}
    got = {(c, f) for c, f, *_ in _actuals(plan)}
    assert got == {(ids["search"], ids["f_search"]), (ids["feed"], ids["f_feed"])}
    assert sum(r[4] for r in _actuals(plan)) == total


def test_every_unmatched_row_is_listed_and_nothing_is_written(plan, ids, tmp_path):
    path, _ = pf.ocean_engine(tmp_path / "o.csv")
    rules = [MatchRule("contains", "信息流", ids["feed"])]
    snapshot = Snapshot(plan)
    checked = check_platform_import(plan, path, rules)
    unmatched = [p for p in checked.report.problems if "no matching rule" in p.reason]
    assert [p.row for p in unmatched] == list(range(6, 20, 2))  # every 抖音搜索 row
    assert all("'抖音搜索-品牌词' (id 1712345678901231)" in p.reason for p in unmatched)
    assert write_import(plan, checked).problems and snapshot.unchanged()
    skipped = check_platform_import(plan, path, rules, skip_unmatched=True)
    assert skipped.report.ok and skipped.summary.unmatched == 7
    assert sum("left out" in w for w in skipped.report.warnings) == 7
    assert write_import(plan, skipped).added == {"actuals": 7}


def test_reimport_changes_nothing_and_an_overlap_updates_in_place(plan, ids, tmp_path):
    rules = [MatchRule("contains", "抖音", ids["feed"])]
    path, total = pf.ocean_engine(tmp_path / "o.csv")
    first = write_import(plan, check_platform_import(plan, path, rules))
    assert first.added == {"actuals": 14} and first.action_id
    before = dump(plan.db.conn)
    again = write_import(plan, check_platform_import(plan, path, rules))
    assert (again.added, again.updated, again.unchanged) == ({"actuals": 0}, {"actuals": 0}, 14)
    assert again.action_id is None and dump(plan.db.conn) == before
    # the same export with intact ids, one day's spend corrected: updates, never adds
    intact, _ = pf.ocean_engine(tmp_path / "o2.csv", mangled=False)
    text = intact.read_bytes().decode("gb18030").replace("12,346.67", "12,000.00")
    intact.write_bytes(text.encode("gb18030"))
    third = write_import(plan, check_platform_import(plan, intact, rules))
    assert third.added == {"actuals": 0}
    assert third.updated == {"actuals": 7}  # the ids Excel had rounded are now recorded
    assert len(_actuals(plan)) == 14
    assert sum(r[4] for r in _actuals(plan)) == total - 1_234_667 + 1_200_000
    fourth = write_import(plan, check_platform_import(plan, path, rules))  # rounded ids again
    assert fourth.updated == {"actuals": 1} and fourth.added == {"actuals": 0}  # only 6/1
    assert all(" | - | " not in r[5] for r in _actuals(plan))


def test_preview_is_the_commit_and_one_undo_step(plan, ids, tmp_path):
    rules = [MatchRule("contains", "search", ids["search"])]
    path, total = pf.google_ads(tmp_path / "g.csv")
    before = dump(plan.db.conn)
    checked = check_platform_import(plan, path, rules)
    assert dump(plan.db.conn) == before  # the check writes nothing
    report = write_import(plan, checked)
    assert report.added == checked.report.added == {"actuals": 60}
    assert sum(r[4] for r in _actuals(plan)) == checked.summary.matched_spend_minor == total
    history.undo(plan, report.action_id)
    assert dump(plan.db.conn) == before


def test_cli_prints_format_units_counts_and_totals(plan_path, tmp_path):
    with open_plan(plan_path) as plan:
        ids = pf.small_plan(plan)
        set_match_rules(plan, [MatchRule("contains", "search", ids["search"])])
    path, total = pf.google_ads(tmp_path / "g.csv", days=3)
    result = CliRunner().invoke(main, ["import", str(plan_path), str(path), "--kind",
                                       "platform", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "format: Google Ads (google_ads), utf-16" in result.output
    assert "unit: Cost: per row, from 'Currency code'" in result.output
    assert "rows: 6 read, 6 actuals matched, 0 unmatched" in result.output
    spend = format_money(total)
    assert f"spend: {spend} in the file, {spend} matched" in result.output
    assert "would add 6 actuals" in result.output
    baidu = tmp_path / "b.csv"
    baidu.write_text("日期,推广计划,消费\n2026-06-01,品牌,1\n", encoding="gb18030")
    result = CliRunner().invoke(main, ["import", str(plan_path), str(baidu), "--kind",
                                       "platform"])
    assert result.exit_code == 1 and "does not say its unit" in result.output
    result = CliRunner().invoke(main, ["import", str(plan_path), str(baidu), "--kind",
                                       "platform", "--unit", "元", "--skip-unmatched"])
    assert result.exit_code == 0 and "row 2 left out: campaign '品牌'" in result.output
