"""The main window over a real plan file: totals, findings, title, opening errors."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QSettings, Qt

from planner.storage.plan_file import create_plan
from tests.ui.conftest import SamplePlan
from ui import dialogs, settings
from ui.main_window import APP_TITLE
from ui.models.channel_totals import ID_ROLE


def _row_of(model: QAbstractItemModel, key: str) -> int:
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data(ID_ROLE) == key)


def test_opens_a_plan_and_shows_its_channel_totals_and_findings(make_window, sample_plan):
    window = make_window()
    window.files.start(sample_plan.path)
    window.overview.wait()

    assert window.document.is_open and not window.document.read_only
    assert window.windowTitle() == f"Spring test plan — {APP_TITLE}"
    model = window.summary.channel_model
    assert model.rowCount() == 3
    douyin = _row_of(model, sample_plan.channel_ids["Douyin"])
    assert model.index(douyin, 0).data() == "Douyin"
    assert model.index(douyin, 1).data() == "¥150,000.00"
    assert model.index(douyin, 3).data() == "¥100,000.00"
    alignment = model.index(douyin, 1).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight
    # Douyin over its cap, "618 promotion" without a KPI target.
    assert window.health.model.rowCount() == 2
    assert window.health.model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    status = window.plan_status.text()
    assert status.startswith("Planned ¥700,000.00 of ¥1,000,000.00 · Brand 43 % (35–45 %)")
    assert status.endswith("· 2 findings")
    assert window.summary.planned_card.value.text() == "¥700,000.00"
    tiers = window.summary.tier_model
    assert [tiers.index(r, 0).data() for r in range(tiers.rowCount())] == ["No segment"]
    assert settings.recent_files()[0] == str(sample_plan.path.resolve())


def test_close_empties_the_window_and_releases_the_file(make_window, sample_plan):
    window = make_window()
    window.files.start(sample_plan.path)
    window.overview.wait()
    window.close_action.trigger()

    assert not window.document.is_open
    assert window.windowTitle() == APP_TITLE
    assert window.centre.currentWidget() is window.empty_state
    assert window.plan_status.text() == ""
    assert window.files.open_path(sample_plan.path)  # no stale lock of our own


def test_a_foreign_or_non_plan_file_is_reported_in_one_line(make_window, tmp_path, prompts):
    foreign = tmp_path / "inventory.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE stock(sku TEXT)")
    text = tmp_path / "notes.cplan"
    text.write_text("not a database")
    window = make_window()

    assert not window.files.open_path(foreign)
    assert not window.files.open_path(text)

    assert not window.document.is_open
    assert len(prompts.informed) == 2
    assert "is an SQLite database but not a campaign plan" in prompts.informed[0]
    assert "is not a plan file" in prompts.informed[1]
    assert all("\n" not in message for message in prompts.informed)
    assert foreign.read_bytes().startswith(b"SQLite format 3")


HOLD_LOCK = textwrap.dedent("""
    import sys
    from planner.storage.plan_file import open_plan
    plan = open_plan(sys.argv[1], take_backup=False)
    print("holding", flush=True)
    sys.stdin.readline()
    plan.close()
""")


@pytest.fixture
def held_plan(sample_plan: SamplePlan) -> Iterator[Path]:
    """The sample plan, open for writing in a second process until the test ends."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(sample_plan.path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        yield sample_plan.path
    finally:
        holder.communicate("\n", timeout=10)


def test_a_locked_plan_opens_read_only_when_the_planner_agrees(make_window, held_plan, prompts):
    window = make_window()

    prompts.answer = False
    assert not window.files.open_path(held_plan)
    assert not window.document.is_open

    prompts.answer = True
    assert window.files.open_path(held_plan)
    window.overview.wait()
    assert window.document.is_open and window.document.read_only
    assert window.windowTitle() == f"Spring test plan — {APP_TITLE} [read-only]"
    assert "Open it read-only?" in prompts.asked[0]
    assert "process" in prompts.asked[0]  # names who holds it
    assert window.summary.channel_model.rowCount() == 3


def test_new_plan_is_created_where_chosen_and_named_after_the_file(
        make_window, tmp_path, monkeypatch):
    monkeypatch.setattr(dialogs, "choose_save_path", lambda *_: str(tmp_path / "Autumn"))
    window = make_window()

    assert window.files.new_plan()

    window.overview.wait()

    assert window.document.path == tmp_path / "Autumn.cplan"
    assert window.windowTitle() == f"Autumn — {APP_TITLE}"
    assert window.summary.channel_model.rowCount() == 0
    assert window.plan_status.text().endswith("· 0 findings")


def test_an_existing_file_is_never_overwritten_by_new(make_window, tmp_path, monkeypatch,
                                                       prompts):
    create_plan(tmp_path / "Taken.cplan").close()
    monkeypatch.setattr(dialogs, "choose_save_path", lambda *_: str(tmp_path / "Taken.cplan"))
    window = make_window()

    assert not window.files.new_plan()
    assert "already exists" in prompts.informed[0]


def test_recent_plans_are_capped_and_geometry_is_kept(make_window, tmp_path):
    for n in range(10):
        settings.remember(tmp_path / f"plan{n}.cplan")
    recent = settings.recent_files()
    assert len(recent) == settings.MAX_RECENT
    assert recent[0].endswith("plan9.cplan")

    window = make_window()
    window.recent_menu.aboutToShow.emit()
    assert window.recent_menu.actions()[0].text() == "&1 plan9.cplan"
    window.close()
    assert QSettings().value(settings.GEOMETRY_KEY) is not None
