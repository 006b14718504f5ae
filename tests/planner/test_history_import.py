"""Wide spend/outcome tables become channel history: the public datasets import as
they are, bad cells are named and leave the plan untouched, the preview is the commit."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.errors import PlannerError, ValidationError
from planner.io.history_import import (
    HistoryMapping,
    import_history,
    minor_per_unit,
    preview_history,
    read_totals,
)
from planner.storage import history
from planner.storage.plan_file import open_plan

DATASETS = Path(__file__).resolve().parents[3] / "shared" / "datasets"
if not DATASETS.exists():  # the work tree sits beside shared/ in a checkout
    DATASETS = Path("/work/shared/datasets")

CASES = {
    "robyn weekly": ("robyn/dt_simulated_weekly.csv", 208, dict(
        date_column="DATE", outcome_column="revenue", currency_unit="yuan",
        spend_columns={"tv_S": "TV", "ooh_S": "OOH", "print_S": "Print",
                       "facebook_S": "Facebook", "search_S": "Search"})),
    "meridian national": ("meridian/national_media.csv", 156, dict(
        date_column="time", outcome_column="conversions", outcome_is_money=False,
        currency_unit="yuan", spend_columns={f"Channel{i}_spend": f"Channel {i}"
                                             for i in range(4)})),
    "meridian all channels": ("meridian/national_all_channels.csv", 156, dict(
        date_column="time", outcome_column="conversions",
        outcome_factor_column="revenue_per_conversion", currency_unit="yuan",
        spend_columns={f"Channel{i}_spend": f"Channel {i}" for i in range(5)})),
    "meridian geo": ("meridian/geo_full_funnel_data.csv", 156, dict(
        date_column="time", geo_column="geo", outcome_column="conversions",
        outcome_is_money=False, currency_unit="yuan",
        brand_spend_share={"Awareness video": 1.0},
        spend_columns={"AwarenessVideo_spend": "Awareness video",
                       "PerformanceDisplay_spend": "Display",
                       "PerformanceNative_spend": "Native"})),
    "pymc-marketing example": ("pymc_marketing/mmm_example.csv", 179, dict(
        date_column="date_week", outcome_column="y", currency_unit="thousand",
        spend_columns={"x1": "x1", "x2": "x2"})),
    "pymc-marketing roas": ("pymc_marketing/mmm_roas_data.csv", 131, dict(
        date_column="date", outcome_column="y", currency_unit="thousand",
        spend_columns={"x1": "x1", "x2": "x2"})),
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _plan_bytes(path: Path) -> tuple[str, bytes]:
    """The plan file's bytes and its write-ahead log's (a read-only open may leave an
    empty log beside the file; an empty log holds nothing)."""
    wal = Path(f"{path}-wal")
    return _digest(path), wal.read_bytes() if wal.exists() else b""


def _stored(plan) -> tuple[set, list]:
    rows = set(plan.db.execute(
        'SELECT c.name, h.start, h."end", h.spend_minor, h.brand_spend_minor, h.revenue_minor, '
        "h.brand_outcome FROM history h JOIN channels c ON c.id = h.channel_id").fetchall())
    return rows, read_totals(plan)["periods"]


@pytest.mark.parametrize("case", list(CASES))
def test_each_public_dataset_imports_unchanged(case, plan):
    file, periods, fields = CASES[case]
    path = DATASETS / file
    before = _digest(path)
    preview = preview_history(path, HistoryMapping(**fields), set())
    assert len(preview.periods) == periods
    assert len(preview.rows) == periods * len(preview.channels)
    assert preview.grain == "weekly (7 days)"
    assert all(p.end - p.start == dt.timedelta(days=6) for p in preview.periods)
    done = import_history(plan, preview)
    assert _digest(path) == before
    assert done.action_id is not None and done.changes.channels
    rows, totals = _stored(plan)
    # Preview == commit: every previewed row and period, and nothing else.
    assert rows == {(r.channel, r.start.isoformat(), r.end.isoformat(), r.spend_minor,
                     r.brand_spend_minor, None, None) for r in preview.rows}
    assert totals == [[p.start.isoformat(), p.end.isoformat(), p.outcome, p.brand_outcome]
                      for p in preview.periods]
    kinds = {k for (k,) in plan.db.execute("SELECT kind FROM channels")}
    assert kinds == {"other"}


def test_geos_are_summed_and_money_is_in_minor_units():
    _, _, fields = CASES["meridian geo"]
    frame = pd.read_csv(DATASETS / "meridian/geo_full_funnel_data.csv")
    preview = preview_history(DATASETS / "meridian/geo_full_funnel_data.csv",
                              HistoryMapping(**fields))
    first = frame[frame.time == frame.time.min()]
    video = next(r for r in preview.rows if r.channel == "Awareness video")
    assert video.spend_minor == round(first.AwarenessVideo_spend.sum() * 100)
    assert video.brand_spend_minor == video.spend_minor  # all brand money
    display = next(r for r in preview.rows if r.channel == "Display")
    assert display.brand_spend_minor == 0
    assert preview.periods[0].outcome == pytest.approx(first.conversions.sum())
    assert preview.outcome_unit == "count"


def test_units_are_explicit():
    assert minor_per_unit("fen", "CNY") == 1
    assert minor_per_unit("yuan", "CNY") == 100
    assert minor_per_unit("wan", "CNY") == 1_000_000
    assert minor_per_unit("major", "JPY") == 1
    with pytest.raises(ValidationError, match="not a money unit"):
        minor_per_unit("bucks", "CNY")


def _write(tmp_path: Path, text: str, name: str = "spend.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD = "week,tv,search,sales\n2025-01-06,100,50,900\n2025-01-13,120,40,950\n"
MAPPING = dict(date_column="week", spend_columns={"tv": "TV", "search": "Search"},
               outcome_column="sales", currency_unit="yuan")


@pytest.mark.parametrize(("text", "mapping", "message"), [
    (GOOD, dict(MAPPING, outcome_column="revenue"), "bad.csv column 'revenue': is not in the file"),
    (GOOD.replace("120", "12o"), MAPPING, "bad.csv row 3, column 'tv': is not a number"),
    (GOOD.replace(",40,", ",,"), MAPPING, "bad.csv row 3, column 'search': is empty"),
    (GOOD.replace("2025-01-13", "13/01/2025"), MAPPING,
     "bad.csv row 3, column 'week': is not a date"),
    (GOOD.replace(",50,", ",-50,"), MAPPING,
     "bad.csv row 2, column 'search': spend cannot be negative"),
    (GOOD.replace("2025-01-13", "2025-01-06"), MAPPING, "bad.csv row 3, column 'week': .*repeats"),
    (GOOD, dict(MAPPING, currency_unit="bucks"), "not a money unit"),
])
def test_bad_files_are_named_and_leave_the_plan_byte_identical(tmp_path, plan_path, text,
                                                                mapping, message):
    bad = _write(tmp_path, text, "bad.csv")
    with pytest.raises(ValidationError, match=message):
        preview_history(bad, HistoryMapping(**mapping))
    before = _plan_bytes(plan_path)
    args = ["import-history", str(plan_path), str(bad), "--date-col", mapping["date_column"],
            "--outcome-col", mapping["outcome_column"], "--unit", mapping["currency_unit"],
            *[f"--spend={c}={n}" for c, n in mapping["spend_columns"].items()]]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert len(result.output.strip().splitlines()) == 1
    assert _plan_bytes(plan_path) == before


def test_import_is_one_undoable_action_and_idempotent(tmp_path, plan):
    preview = preview_history(_write(tmp_path, GOOD), HistoryMapping(**MAPPING))
    assert [r.spend_minor for r in preview.rows] == [10000, 12000, 5000, 4000]
    done = import_history(plan, preview)
    assert plan.db.execute("SELECT COUNT(*) FROM history").fetchone()[0] == 4
    assert read_totals(plan)["periods"][1][2] == 95000
    import_history(plan, preview)
    assert plan.db.execute("SELECT COUNT(*) FROM history").fetchone()[0] == 4
    assert plan.db.execute("SELECT COUNT(*) FROM channels").fetchone()[0] == 2
    history.undo(plan)
    history.undo(plan)
    assert plan.db.execute("SELECT COUNT(*) FROM history").fetchone()[0] == 0
    assert plan.db.execute("SELECT COUNT(*) FROM channels").fetchone()[0] == 0
    assert read_totals(plan) is None
    assert done.action_id


def test_existing_channels_are_reused_and_new_ones_announced(tmp_path, plan):
    from planner.services.channels import create_channel

    create_channel(plan, "TV", "display")
    known = {name for (name,) in plan.db.execute("SELECT name FROM channels")}
    preview = preview_history(_write(tmp_path, GOOD), HistoryMapping(**MAPPING), known)
    assert any("Search" in w and "TV" not in w for w in preview.warnings)
    import_history(plan, preview)
    kinds = dict(plan.db.execute("SELECT name, kind FROM channels"))
    assert kinds == {"TV": "display", "Search": "other"}


def test_period_length_comes_from_the_dates(tmp_path):
    monthly = _write(tmp_path, "month,tv,sales\n2025-01-01,1,2\n2025-02-01,3,4\n2025-03-01,5,6\n")
    preview = preview_history(monthly, HistoryMapping(
        date_column="month", spend_columns={"tv": "TV"}, outcome_column="sales",
        currency_unit="wan"))
    assert preview.grain == "monthly"
    assert [p.end for p in preview.periods] == [dt.date(2025, 1, 31), dt.date(2025, 2, 28),
                                                dt.date(2025, 3, 31)]
    assert preview.rows[0].spend_minor == 1_000_000
    gappy = _write(tmp_path, "d,tv\n2025-01-06,1\n2025-01-13,2\n2025-02-03,3\n", "gap.csv")
    preview = preview_history(gappy, HistoryMapping(date_column="d", spend_columns={"tv": "TV"},
                                                    currency_unit="fen"))
    assert preview.grain == "weekly (7 days)"
    assert any("2 period(s) missing" in w for w in preview.warnings)
    assert preview.periods[0].outcome is None


def test_xlsx_needs_python_calamine(tmp_path):
    if importlib.util.find_spec("python_calamine") is not None:
        pytest.skip("python-calamine is installed: workbooks are read")
    book = tmp_path / "spend.xlsx"
    book.write_bytes(b"PK\x03\x04")
    with pytest.raises(PlannerError, match="python-calamine"):
        preview_history(book, HistoryMapping(**MAPPING))


def test_cli_dry_run_writes_nothing_and_import_writes(plan_path):
    _, _, fields = CASES["robyn weekly"]
    args = ["import-history", str(plan_path), str(DATASETS / "robyn/dt_simulated_weekly.csv"),
            "--date-col", "DATE", "--outcome-col", "revenue", "--unit", "yuan",
            *[f"--spend={c}={n}" for c, n in fields["spend_columns"].items()]]
    before = _plan_bytes(plan_path)
    dry = CliRunner().invoke(main, [*args, "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "208 periods, weekly (7 days)" in dry.output and "nothing written" in dry.output
    assert _plan_bytes(plan_path) == before
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 0, done.output
    with open_plan(plan_path, read_only=True) as opened:
        assert opened.db.execute("SELECT COUNT(*) FROM history").fetchone()[0] == 1040
        totals = json.loads(opened.db.execute("SELECT value FROM settings WHERE key = "
                                              "'history_outcome'").fetchone()[0])
    assert totals["outcome_unit"] == "minor" and len(totals["periods"]) == 208
