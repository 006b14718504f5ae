"""Plans that will not open: the core's message, and the way on where there is one
(read-only for a locked plan, a restored copy for a damaged or newer one), with the
refused file left byte for byte as it was."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from planner import paths
from planner.storage import backups
from planner.storage.plan_file import open_plan
from planner.storage.schema import SCHEMA_VERSION
from ui import settings
from ui.errors import refused

PAGE = 4096


@pytest.fixture
def backed_up_plan(sample_plan) -> Path:
    """The sample plan, opened once more so its newest backup holds its channels."""
    open_plan(sample_plan.path).close()
    return sample_plan.path


def damage(path: Path) -> None:
    """Scribble over the pages after the first: the header still says SQLite."""
    data = bytearray(path.read_bytes())
    data[PAGE:len(data)] = b"\xa5" * (len(data) - PAGE)
    path.write_bytes(bytes(data))


def from_the_future(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()


def restored_name(path: Path) -> Path:
    newest = refused.newest_backup(path)
    assert newest is not None
    return path.with_name(f"{path.stem} (restored {newest.taken_at:%Y-%m-%d %H.%M}).cplan")


@pytest.mark.parametrize(("spoil", "says"), [
    (damage, "is damaged"),
    (from_the_future, "was saved by a newer version of the planner"),
])
def test_a_damaged_or_newer_plan_opens_as_a_restored_copy_beside_it(
        make_window, backed_up_plan, prompts, spoil, says):
    spoil(backed_up_plan)
    refused_bytes = backed_up_plan.read_bytes()
    copy = restored_name(backed_up_plan)
    window = make_window()

    prompts.answer = False
    assert not window.files.open_path(backed_up_plan)
    assert not window.document.is_open and not copy.exists()

    prompts.answer = True
    assert window.files.open_path(backed_up_plan)
    window.overview.wait()

    assert len(prompts.asked) == 2 and not prompts.informed
    question = prompts.asked[0]
    assert says in question and str(backed_up_plan) in question
    assert "Open a copy restored from its newest backup" in question
    assert f"{backed_up_plan.name} stays as it is" in question
    assert window.document.path == copy
    assert not window.document.read_only
    assert window.summary.channel_model.rowCount() == 3
    assert settings.last_plan() == copy.resolve()
    assert backed_up_plan.read_bytes() == refused_bytes
    assert not Path(f"{backed_up_plan}-wal").exists()


def test_a_damaged_plan_without_backups_is_only_reported(make_window, sample_plan, prompts):
    for folder in paths.backups_dir().iterdir():
        for backup in folder.iterdir():
            backup.unlink()
    damage(sample_plan.path)
    refused_bytes = sample_plan.path.read_bytes()
    window = make_window()

    assert not window.files.open_path(sample_plan.path)

    assert not prompts.asked
    assert len(prompts.informed) == 1 and "is damaged" in prompts.informed[0]
    assert not window.document.is_open
    assert sample_plan.path.read_bytes() == refused_bytes
    assert sorted(p.name for p in sample_plan.path.parent.glob("*.cplan")) == ["plan.cplan"]


def test_a_foreign_database_is_reported_with_no_backup_offered(make_window, backed_up_plan,
                                                                tmp_path, prompts):
    # Same file name as a plan that has backups: still not offered, as it is no plan.
    foreign = tmp_path / "elsewhere" / backed_up_plan.name
    foreign.parent.mkdir()
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE stock(sku TEXT)")
    conn.close()
    refused_bytes = foreign.read_bytes()
    window = make_window()

    assert not window.files.open_path(foreign)

    assert not prompts.asked
    assert prompts.informed == [
        f"{foreign} is an SQLite database but not a campaign plan; it was left untouched"]
    assert not window.document.is_open
    assert foreign.read_bytes() == refused_bytes
    assert [p.name for p in foreign.parent.iterdir()] == [foreign.name]


def test_a_locked_plan_offers_read_only_and_is_left_as_it_was(make_window, sample_plan,
                                                               prompts):
    holder = open_plan(sample_plan.path, take_backup=False)  # a colleague has it open
    try:
        held_bytes = sample_plan.path.read_bytes()
        window = make_window()
        prompts.answer = True

        assert window.files.open_path(sample_plan.path)

        window.overview.wait()

        assert len(prompts.asked) == 1 and not prompts.informed
        assert "is open for writing by" in prompts.asked[0]
        assert prompts.asked[0].endswith("Open it read-only?")
        assert window.document.path == sample_plan.path and window.document.read_only
        assert window.summary.channel_model.rowCount() == 3
        window.files.close_plan()
        assert sample_plan.path.read_bytes() == held_bytes
    finally:
        holder.close()


def test_the_newest_backup_this_version_can_open_is_chosen(backed_up_plan):
    with open_plan(backed_up_plan, read_only=True) as plan:
        good = backups.listing(backed_up_plan, plan.plan_id)
    unreadable = good[0].path.with_name(
        f"{dt.datetime.now() + dt.timedelta(days=1):%Y%m%d-%H%M%S-%f}.open.cplan")
    unreadable.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)

    assert refused.newest_backup(backed_up_plan) == good[0]
    assert refused.newest_backup(backed_up_plan.with_name("never opened.cplan")) is None


def test_restoring_twice_never_writes_over_a_file(backed_up_plan):
    backup = refused.newest_backup(backed_up_plan)
    assert backup is not None

    first = refused.restore_copy(backup, backed_up_plan)
    first.write_bytes(b"edited since")
    second = refused.restore_copy(backup, backed_up_plan)

    assert second == first.with_name(f"{first.stem} 2.cplan")
    assert first.read_bytes() == b"edited since"
    assert second.read_bytes() == backup.path.read_bytes()
