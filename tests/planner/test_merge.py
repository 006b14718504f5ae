"""Merging offline copies: identity of plain copies, each conflict kind, refusals,
idempotence, undo, and the `planner merge` command."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main, merge_commands  # noqa: F401  (registers `merge` for now)
from planner.merge import MergeError, apply_merge, choose_all, merge_preview
from planner.services import campaigns, channels, events, flights
from planner.storage import history
from planner.storage.plan_file import create_plan, open_plan, save_copy
from tests.plan_dump import dump
from tests.planner.test_merge_support import D, copies, integrity_ok, records, seed


@pytest.fixture
def pair(plan, tmp_path):
    """(mine, theirs, ids): one seeded plan and its Save a Copy As, both open."""
    ids = seed(plan)
    theirs = copies(plan, tmp_path)
    yield plan, theirs, ids
    theirs.close()


def _merge(mine, theirs, take="mine"):
    theirs_path = theirs.path
    theirs.close()
    preview = merge_preview(mine, theirs_path)
    return preview, apply_merge(mine, preview, choose_all(preview, take))


def _budget(plan, flight_id):
    row = plan.db.execute("SELECT budget_minor FROM flights WHERE id = ?", [flight_id]).fetchone()
    return row and row[0]


# -- identity --------------------------------------------------------------------------

def test_a_plain_file_copy_gets_its_own_copy_id_at_its_first_edit(plan, tmp_path):
    channels.create_channel(plan, "天猫", "web_shop")
    original_copy_id = plan.copy_id
    plan.close()
    copied = tmp_path / "copied.cplan"
    shutil.copyfile(plan.path, copied)
    before = copied.read_bytes()
    with open_plan(copied, take_backup=False) as copy:
        assert copy.copy_id == original_copy_id  # nothing written on open
        assert copied.read_bytes() == before
        done = channels.create_channel(copy, "京东", "web_shop")
        assert copy.copy_id != original_copy_id and copy.plan_id
        stamp = copy.db.execute("SELECT copy_id FROM actions WHERE id = ?",
                                [done.action_id]).fetchone()[0]
        assert stamp == copy.copy_id  # the first edit is already stamped with the new id
        assert history.undo_candidate(copy) == done.action_id  # not an action itself
    with open_plan(plan.path, take_backup=False) as again:
        channels.create_channel(again, "抖音", "short_video")
        assert again.copy_id == original_copy_id


def test_renaming_a_plan_keeps_its_copy_id(plan, tmp_path):
    channels.create_channel(plan, "天猫", "web_shop")
    copy_id = plan.copy_id
    plan.close()
    moved = tmp_path / "renamed.cplan"
    os.rename(plan.path, moved)
    with open_plan(moved, take_backup=False) as opened:
        channels.create_channel(opened, "京东", "web_shop")
        assert opened.copy_id == copy_id


# -- what merges without a conflict -------------------------------------------------------

def test_changes_made_on_one_side_are_taken_and_alike_ones_are_not_conflicts(pair):
    mine, theirs, ids = pair
    flights.update_flight(mine, ids["f1"], budget_minor=120_000_00)
    flights.update_flight(theirs, ids["f2"], budget_minor=60_000_00)
    campaigns.update_campaign(mine, ids["cny"], name="春节 2026")
    campaigns.update_campaign(theirs, ids["cny"], name="春节 2026")
    added = channels.create_channel(theirs, "小红书", "social").created_id
    preview, done = _merge(mine, theirs)
    assert not preview.conflicts
    assert {i.side for i in preview.items} == {"mine", "theirs", "same"}
    assert _budget(mine, ids["f1"]) == 120_000_00 and _budget(mine, ids["f2"]) == 60_000_00
    assert mine.db.execute("SELECT name FROM channels WHERE id = ?", [added]).fetchone()
    assert done.backup is not None and done.backup.exists()
    assert integrity_ok(mine.db.conn)


def test_a_change_undone_in_the_copy_is_no_change(pair):
    mine, theirs, ids = pair
    flights.update_flight(theirs, ids["f1"], budget_minor=1)
    history.undo(theirs)
    flights.update_flight(mine, ids["f1"], budget_minor=2)
    preview, done = _merge(mine, theirs)
    assert not preview.conflicts and preview.nothing_to_do and done.action_id is None
    assert _budget(mine, ids["f1"]) == 2


# -- conflicts ----------------------------------------------------------------------------

@pytest.mark.parametrize(("take", "expected"), [("mine", 120_000_00), ("theirs", 150_000_00)])
def test_same_field_changed_differently_is_a_conflict_in_planner_words(pair, take, expected):
    mine, theirs, ids = pair
    flights.update_flight(mine, ids["f1"], budget_minor=120_000_00)
    flights.update_flight(theirs, ids["f1"], budget_minor=150_000_00)
    user = theirs.db.execute("SELECT user FROM actions ORDER BY seq DESC").fetchone()[0]
    preview, _ = _merge(mine, theirs, take)
    (conflict,) = preview.conflicts
    assert conflict.kind == "field" and conflict.fields == ("budget_minor",)
    assert conflict.text == (f"Flight '双11 直播 第二波': budget ¥120,000.00 here, "
                             f"¥150,000.00 in {user}'s copy")
    assert (conflict.field_label, conflict.mine, conflict.theirs) == (
        "budget", "¥120,000.00", "¥150,000.00")
    assert _budget(mine, ids["f1"]) == expected


def test_a_flights_dates_conflict_as_one(pair):
    mine, theirs, ids = pair
    flights.move_flight(mine, ids["f1"], D + dt.timedelta(days=30))
    flights.update_flight(theirs, ids["f1"], end=D + dt.timedelta(days=2))
    preview, _ = _merge(mine, theirs, "theirs")
    (conflict,) = preview.conflicts
    assert conflict.field_label == "dates" and conflict.fields == ("start", "end", "phasing")
    row = mine.db.execute("SELECT start, \"end\" FROM flights WHERE id = ?", [ids["f1"]]).fetchone()
    assert row == (D.isoformat(), (D + dt.timedelta(days=2)).isoformat())


@pytest.mark.parametrize("take", ["mine", "theirs"])
def test_edit_here_against_delete_there(pair, take):
    mine, theirs, ids = pair
    flights.update_flight(mine, ids["f1"], budget_minor=1)
    flights.delete_flights(theirs, [ids["f1"]])
    preview, _ = _merge(mine, theirs, take)
    (conflict,) = preview.conflicts
    assert conflict.kind == "edit_delete" and "deleted in" in conflict.text
    assert _budget(mine, ids["f1"]) == (1 if take == "mine" else None)


@pytest.mark.parametrize("take", ["mine", "theirs"])
def test_delete_here_against_edit_there(pair, take):
    mine, theirs, ids = pair
    flights.delete_flights(mine, [ids["f1"]])
    flights.update_flight(theirs, ids["f1"], budget_minor=7)
    preview, _ = _merge(mine, theirs, take)
    (conflict,) = preview.conflicts
    assert conflict.kind == "edit_delete" and conflict.mine == "deleted"
    assert _budget(mine, ids["f1"]) == (None if take == "mine" else 7)
    assert integrity_ok(mine.db.conn)


@pytest.mark.parametrize("take", ["mine", "theirs"])
def test_flight_added_under_a_campaign_deleted_in_the_other_copy(pair, take):
    mine, theirs, ids = pair
    new = flights.add_flight(mine, ids["cny"], ids["tmall"], D, D, 9_00, name="加投").created_id
    campaigns.delete_campaign(theirs, ids["cny"])
    preview, _ = _merge(mine, theirs, take)
    (conflict,) = preview.conflicts
    assert conflict.kind == "deleted_parent" and "Campaign '春节'" in conflict.text
    assert "Flight '加投'" in conflict.text
    kept = take == "mine"
    assert bool(_budget(mine, new)) == kept
    assert bool(mine.db.execute("SELECT 1 FROM campaigns WHERE id = ?",
                                [ids["cny"]]).fetchone()) == kept
    assert _budget(mine, ids["f3"]) is None  # the copy's deletion of its old flight is taken
    assert integrity_ok(mine.db.conn)


@pytest.mark.parametrize("take", ["mine", "theirs"])
def test_channel_removed_here_while_the_other_copy_added_flights_on_it(plan, tmp_path, take):
    ids = seed(plan)
    spare = channels.create_channel(plan, "小红书", "social").created_id
    theirs = copies(plan, tmp_path)
    channels.delete_channel(plan, spare)
    added = flights.add_flight(theirs, ids["d11"], spare, D, D, 5_00).created_id
    preview, _ = _merge(plan, theirs, take)
    (conflict,) = preview.conflicts
    assert conflict.kind == "deleted_parent"
    assert "Channel '小红书' was deleted here" in conflict.text
    assert bool(_budget(plan, added)) == (take == "theirs")
    assert integrity_ok(plan.db.conn)


def test_an_event_added_on_a_channel_deleted_elsewhere_loses_only_its_channel(pair):
    mine, theirs, _ = pair
    spare_theirs = channels.create_channel(mine, "B站", "social").created_id
    theirs.close()  # that copy predates the channel: make one that has it
    other = open_plan(save_copy(mine, mine.path.with_name("other.cplan")))
    channels.delete_channel(other, spare_theirs)
    event = events.create_event(mine, "custom", "直播日", D, D, channel_id=spare_theirs).created_id
    preview, _ = _merge(mine, other, "theirs")
    (conflict,) = preview.conflicts
    assert conflict.kind == "deleted_parent"
    assert mine.db.execute("SELECT channel_id FROM events WHERE id = ?",
                           [event]).fetchone() == (None,)
    assert integrity_ok(mine.db.conn)


# -- merge semantics ------------------------------------------------------------------------

def test_merging_again_changes_nothing_and_undo_restores_the_plan(pair):
    mine, theirs, ids = pair
    flights.update_flight(mine, ids["f1"], budget_minor=120_000_00)
    flights.update_flight(theirs, ids["f1"], budget_minor=150_000_00)
    campaigns.create_campaign(theirs, "618", "promotion")
    theirs_path = theirs.path
    before = dump(mine.db.conn)
    _, done = _merge(mine, theirs, "theirs")
    merged = dump(mine.db.conn)
    again = merge_preview(mine, theirs_path)
    assert again.nothing_to_do and not again.conflicts
    assert apply_merge(mine, again, {}).action_id is None and dump(mine.db.conn) == merged
    assert history.undo_candidate(mine) == done.action_id
    history.undo(mine)
    assert dump(mine.db.conn) == before
    redo_preview = merge_preview(mine, theirs_path)  # after undo the copy is unmerged again
    apply_merge(mine, redo_preview, choose_all(redo_preview, "theirs"))
    assert dump(mine.db.conn) == merged


def test_a_merge_is_refused_when_the_plan_changed_since_the_preview(pair):
    mine, theirs, ids = pair
    flights.update_flight(theirs, ids["f1"], budget_minor=1)
    theirs.close()
    preview = merge_preview(mine, theirs.path)
    flights.update_flight(mine, ids["f2"], budget_minor=2)
    with pytest.raises(MergeError, match="changed since the merge preview"):
        apply_merge(mine, preview, {})


def test_conflicts_without_a_choice_are_refused(pair):
    mine, theirs, ids = pair
    flights.update_flight(mine, ids["f1"], budget_minor=1)
    flights.update_flight(theirs, ids["f1"], budget_minor=2)
    theirs.close()
    preview = merge_preview(mine, theirs.path)
    before = dump(mine.db.conn)
    with pytest.raises(MergeError, match="no choice"):
        apply_merge(mine, preview, {})
    assert dump(mine.db.conn) == before


def test_findings_the_merge_created_come_first(pair):
    mine, theirs, ids = pair
    channels.update_channel(mine, ids["tmall"], max_spend_minor=150_000_00)
    flights.update_flight(theirs, ids["f1"], budget_minor=200_000_00)
    _, done = _merge(mine, theirs)
    assert done.created[0].rule == "channel_over_cap"  # errors first, then the new share
    assert "over its cap" in done.created[0].message
    assert done.findings[: len(done.created)] == done.created


# -- refusals: both files byte for byte as they were -------------------------------------

def _files(*paths: Path) -> dict[str, bytes]:
    """The files and any write-ahead log with content (SQLite may drop an empty one)."""
    found = {p.name: p.read_bytes() for p in paths}
    found.update({f"{p.name}-wal": Path(f"{p}-wal").read_bytes() for p in paths
                  if Path(f"{p}-wal").exists() and Path(f"{p}-wal").stat().st_size})
    return found


def _refused(mine: Path, theirs: Path, message: str) -> None:
    before = _files(mine, theirs)
    result = CliRunner().invoke(main, ["merge", str(mine), str(theirs), "--take", "theirs"])
    assert result.exit_code == 1, result.output
    assert message in result.output and len(result.output.strip().splitlines()) == 1
    assert _files(mine, theirs) == before


@pytest.fixture
def closed_pair(plan, tmp_path):
    ids = seed(plan)
    theirs = copies(plan, tmp_path)
    flights.update_flight(theirs, ids["f1"], budget_minor=1)
    theirs.close()
    plan.close()
    return plan.path, theirs.path


def test_a_copy_of_another_plan_is_refused(closed_pair, tmp_path):
    mine, _ = closed_pair
    other = tmp_path / "other.cplan"
    create_plan(other).close()
    _refused(mine, other, "is a copy of another plan")


def test_a_newer_file_is_refused(closed_pair):
    mine, theirs = closed_pair
    conn = sqlite3.connect(theirs)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    _refused(mine, theirs, "newer version")


def test_a_damaged_file_is_refused(closed_pair):
    mine, theirs = closed_pair
    data = bytearray(theirs.read_bytes())
    data[4096:8192] = b"\xff" * 4096
    theirs.write_bytes(bytes(data))
    _refused(mine, theirs, "damaged")


def test_not_a_plan_is_refused(closed_pair, tmp_path):
    mine, _ = closed_pair
    text = tmp_path / "notes.cplan"
    text.write_text("hello")
    _refused(mine, text, "not a plan file")


# -- the command ---------------------------------------------------------------------------

def test_cli_stops_at_conflicts_with_exit_3_then_takes_one_side(plan, tmp_path):
    ids = seed(plan)
    theirs = copies(plan, tmp_path)
    flights.update_flight(plan, ids["f1"], budget_minor=120_000_00)
    flights.update_flight(theirs, ids["f1"], budget_minor=150_000_00)
    campaigns.create_campaign(theirs, "618", "promotion")
    theirs.close()
    plan.close()
    before = plan.path.read_bytes()
    runner = CliRunner()
    stopped = runner.invoke(main, ["merge", str(plan.path), str(theirs.path)])
    assert stopped.exit_code == 3
    assert "budget ¥120,000.00 here, ¥150,000.00 in" in stopped.output
    assert "Campaign '618' added in" in stopped.output
    dry = runner.invoke(main, ["merge", str(plan.path), str(theirs.path), "--dry-run", "--json"])
    assert dry.exit_code == 3 and len(json.loads(dry.output)["conflicts"]) == 1
    with open_plan(plan.path, take_backup=False) as opened:
        assert _budget(opened, ids["f1"]) == 120_000_00
    done = runner.invoke(main, ["merge", str(plan.path), str(theirs.path), "--take", "theirs"])
    assert done.exit_code == 0, done.output
    assert "Merged as one action" in done.output
    with open_plan(plan.path, take_backup=False) as opened:
        assert _budget(opened, ids["f1"]) == 150_000_00
    assert plan.path.read_bytes() != before
    again = runner.invoke(main, ["merge", str(plan.path), str(theirs.path), "--json"])
    assert again.exit_code == 0 and json.loads(again.output)["conflicts"] == []


def test_merge_command_has_help():
    result = CliRunner().invoke(main, ["merge", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def test_records_helper_sees_every_table(plan):
    assert set(records(plan.db.conn)) >= {"flights", "settings"}
