"""File ▸ Merge a Copy… on two real copies of one plan, each edited with services:
the dialog's list, choosing sides, applying as one undoable edit, refusals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from planner.merge import MergePreview, merge_preview
from planner.services import campaigns, channels, flights
from planner.storage.plan_file import Plan, create_plan, open_plan, reader, save_copy
from tests.ui.conftest import Prompts, SamplePlan, build_sample_plan
from tests.ui.editing import Editing, open_editing
from ui import dialogs
from ui.commands.base import ServiceCommand
from ui.document import PlanDocument
from ui.merge_controller import MergeController
from ui.merge_dialog import FIELD, MINE, THEIRS, MergeDialog, MergeModel
from ui.models.plan_index import PlanIndex
from ui.selection import Selection

Edit = Callable[[Plan], object]


@dataclass
class Copies:
    """The sample plan (mine), its Save a Copy As (theirs) and the sample's ids."""

    mine: Path
    theirs: Path
    sample: SamplePlan

    def edit(self, mine: Edit | None = None, theirs: Edit | None = None) -> None:
        for path, change in ((self.mine, mine), (self.theirs, theirs)):
            if change is not None:
                with open_plan(path, take_backup=False) as plan:
                    change(plan)

    def preview(self) -> MergePreview:
        with reader(self.mine) as plan:
            return merge_preview(plan, self.theirs)


@pytest.fixture
def copies(sample_plan: SamplePlan, tmp_path: Path) -> Copies:
    with open_plan(sample_plan.path, take_backup=False) as plan:
        theirs = save_copy(plan, tmp_path / "from-li.cplan")
    return Copies(sample_plan.path, theirs, sample_plan)


def set_budgets(copies: Copies, **per_flight: int) -> Edit:
    """`flight0=…, flight2=…`: budgets of the sample's flights by position."""
    def change(plan: Plan) -> None:
        for name, minor in per_flight.items():
            flight_id = copies.sample.flight_ids[int(name.removeprefix("flight"))]
            flights.update_flight(plan, flight_id, budget_minor=minor)
    return change


def both(*edits: Edit) -> Edit:
    def change(plan: Plan) -> None:
        for edit in edits:
            edit(plan)
    return change


def rename_channel(copies: Copies, name: str, new: str) -> Edit:
    return lambda plan: channels.update_channel(plan, copies.sample.channel_ids[name], name=new)


@pytest.fixture
def editing() -> Iterator[Editing]:
    """A document with no plan yet: each test edits the copies, then opens mine."""
    document = PlanDocument()
    index = PlanIndex(document)
    yield Editing(document, index, Selection(index))
    document.close()


@pytest.fixture
def controller(editing: Editing, window: QWidget) -> Iterator[MergeController]:
    made = MergeController(editing.document, editing.index, window)
    yield made
    made.shutdown()


def rows(model: MergeModel, group: int) -> list[tuple[str, str, str]]:
    parent = model.index(group, 0)
    return [tuple(model.index(r, c, parent).data() for c in (FIELD, MINE, THEIRS))
            for r in range(model.rowCount(parent))]


def group_titles(model: MergeModel) -> list[str]:
    return [model.index(g, 0).data() for g in range(model.rowCount())]


def run_merge(qtbot: QtBot, controller: MergeController, monkeypatch: pytest.MonkeyPatch,
              theirs: Path, fill: Callable[[MergeDialog], bool] | None) -> list[MergeDialog]:
    """Merge a Copy… through the menu action, `fill` standing in for the planner."""
    shown: list[MergeDialog] = []

    def run_dialog(dialog: QDialog) -> bool:
        assert isinstance(dialog, MergeDialog)
        shown.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return fill(dialog) if fill is not None else False

    monkeypatch.setattr(dialogs, "choose_open_path", lambda *_args: str(theirs))
    monkeypatch.setattr(dialogs, "run_dialog", run_dialog)
    with qtbot.waitSignal(controller.finished, timeout=10_000):
        controller.merge_action.trigger()
    return shown


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def press_merge(qtbot: QtBot, *, take_all: str | None = None
                ) -> Callable[[MergeDialog], bool]:
    """The planner clicks "Take all mine/theirs" (`take_all`), then Merge."""
    def fill(dialog: MergeDialog) -> bool:
        if take_all is not None:
            click(qtbot, getattr(dialog, f"take_{take_all}"))
        click(qtbot, dialog.merge_button)
        return dialog.result() == QDialog.DialogCode.Accepted
    return fill


# -- the list -------------------------------------------------------------------------

def test_the_dialog_lists_changes_by_side_and_conflicts_with_both_values(qtbot, copies):
    copies.edit(
        mine=both(set_budgets(copies, flight0=320_000_00, flight2=240_000_00),
                  rename_channel(copies, "WeChat", "Weixin")),
        theirs=both(set_budgets(copies, flight0=350_000_00, flight1=90_000_00),
                    rename_channel(copies, "WeChat", "Weixin")))
    preview = copies.preview()
    dialog = MergeDialog(preview)
    qtbot.addWidget(dialog)
    model = dialog.model
    titles = group_titles(model)
    assert [t.split(":")[0].split(" (")[0] for t in titles] == [
        "Conflicts", f"Changed only in {preview.theirs_user}'s copy", "Changed only here",
        "Changed alike in both"]
    assert [t[-3:] for t in titles] == ["(1)"] * 4
    ((field, mine, theirs),) = rows(model, 0)
    assert field.endswith(": budget") and "320,000.00" in mine and "350,000.00" in theirs
    (taken,) = rows(model, 1)
    assert "90,000.00" in taken[0] and taken[1:] == ("", "changed there, taken")
    (kept,) = rows(model, 2)
    assert "240,000.00" in kept[0] and kept[1:] == ("changed here, kept", "")
    (alike,) = rows(model, 3)
    assert "Weixin" in alike[0] and alike[1] == alike[2] == "same change"
    assert dialog.summary.text().startswith("Merging from-li.cplan")


def test_merge_stays_disabled_until_every_conflict_has_a_side(qtbot, copies):
    copies.edit(mine=set_budgets(copies, flight0=320_000_00, flight1=160_000_00),
                theirs=set_budgets(copies, flight0=350_000_00, flight1=170_000_00))
    dialog = MergeDialog(copies.preview())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    model, view = dialog.model, dialog.view
    conflicts = model.index(0, 0)
    assert model.rowCount(conflicts) == 2 and not dialog.merge_button.isEnabled()
    first_mine = model.index(0, MINE, conflicts)
    click_at = view.visualRect(first_mine).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=click_at)
    assert first_mine.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert not dialog.merge_button.isEnabled()
    assert dialog.progress.text() == "1 of 2 conflicts chosen"
    second_theirs = model.index(1, THEIRS, conflicts)
    view.setCurrentIndex(second_theirs)
    qtbot.keyClick(view, Qt.Key.Key_Space)  # the check box, from the keyboard
    assert dialog.merge_button.isEnabled()
    keys = [c.key for c in model.conflicts]
    assert dialog.choices() == {keys[0]: "mine", keys[1]: "theirs"}
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(model.index(0, THEIRS, conflicts)).center())
    assert dialog.choices()[keys[0]] == "theirs"  # changing one's mind is a click
    assert first_mine.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_take_all_buttons_choose_every_conflict(qtbot, copies):
    copies.edit(mine=set_budgets(copies, flight0=1_00, flight1=2_00, flight2=3_00),
                theirs=set_budgets(copies, flight0=4_00, flight1=5_00, flight2=6_00))
    dialog = MergeDialog(copies.preview())
    qtbot.addWidget(dialog)
    keys = [c.key for c in dialog.model.conflicts]
    assert len(keys) == 3 and not dialog.merge_button.isEnabled()
    click(qtbot, dialog.take_theirs)
    assert dialog.choices() == dict.fromkeys(keys, "theirs") and dialog.merge_button.isEnabled()
    click(qtbot, dialog.take_mine)
    assert dialog.choices() == dict.fromkeys(keys, "mine")


def test_without_conflicts_merge_is_enabled_and_take_all_is_not(qtbot, copies):
    copies.edit(theirs=set_budgets(copies, flight0=1_00))
    dialog = MergeDialog(copies.preview())
    qtbot.addWidget(dialog)
    assert dialog.merge_button.isEnabled() and dialog.choices() == {}
    assert not dialog.take_mine.isEnabled() and not dialog.take_theirs.isEnabled()


# -- applying -------------------------------------------------------------------------

def test_merging_updates_the_index_at_once_and_undo_restores_the_plan(
        qtbot, copies, editing, controller, monkeypatch, prompts: Prompts):
    flight0, flight1, _ = copies.sample.flight_ids
    added = []
    copies.edit(
        mine=set_budgets(copies, flight0=320_000_00),
        theirs=both(set_budgets(copies, flight0=350_000_00, flight1=90_000_00),
                    lambda plan: added.append(campaigns.create_campaign(
                        plan, "Double 11", "promotion").created_id)))
    editing.document.open(open_plan(copies.mine))
    before = editing.dump()
    changed = []
    editing.index.changed.connect(changed.append)
    shown = run_merge(qtbot, controller, monkeypatch, copies.theirs,
                      press_merge(qtbot, take_all="theirs"))
    assert len(shown) == 1
    assert editing.index.flights[flight0].budget_minor == 350_000_00
    assert editing.index.flights[flight1].budget_minor == 90_000_00
    assert added[0] in editing.index.campaigns and changed
    assert editing.document.undo_stack.count() == 1
    assert editing.document.undo_stack.undoText().startswith("Merge copy from")
    assert controller.last_result is not None and controller.last_result.backup.exists()
    editing.document.undo_stack.undo()
    assert editing.dump() == before
    assert editing.index.flights[flight0].budget_minor == 320_000_00
    assert added[0] not in editing.index.campaigns
    editing.document.undo_stack.redo()
    assert editing.index.flights[flight0].budget_minor == 350_000_00


def test_findings_the_merge_created_are_shown(qtbot, copies, editing, controller,
                                                    monkeypatch, prompts: Prompts):
    # 300k + 150k + 250k is 700k against a 1 M budget; theirs adds 400k to one flight.
    copies.edit(theirs=set_budgets(copies, flight2=650_000_00))
    editing.document.open(open_plan(copies.mine))
    run_merge(qtbot, controller, monkeypatch, copies.theirs, press_merge(qtbot))
    created = controller.last_result.created
    assert created, "raising a flight past the plan's budget creates a finding"
    (message,) = prompts.informed
    assert message.splitlines()[2] == "The merge created these findings:"
    assert created[0].message in message


def test_cancelling_the_dialog_changes_nothing(qtbot, copies, editing, controller, monkeypatch):
    copies.edit(theirs=set_budgets(copies, flight0=1_00))
    editing.document.open(open_plan(copies.mine))
    before = editing.dump()
    messages = []
    controller.message.connect(messages.append)
    shown = run_merge(qtbot, controller, monkeypatch, copies.theirs, None)
    assert len(shown) == 1 and editing.dump() == before
    assert editing.document.undo_stack.count() == 0
    assert messages[-1] == "Merge cancelled; nothing was changed"


def test_an_edit_during_the_preview_previews_again(qtbot, copies, editing, controller,
                                                   monkeypatch, prompts: Prompts):
    copies.edit(theirs=set_budgets(copies, flight0=1_00))
    editing.document.open(open_plan(copies.mine))
    messages, failures = [], []
    controller.message.connect(messages.append)
    editing.document.failed.connect(failures.append)
    shown: list[MergeDialog] = []

    def run_dialog(dialog: MergeDialog) -> bool:
        shown.append(dialog)
        return press_merge(qtbot)(dialog)

    monkeypatch.setattr(dialogs, "run_dialog", run_dialog)
    channel = copies.sample.channel_ids["Tmall"]
    with qtbot.waitSignal(controller.finished, timeout=10_000):
        controller.preview(copies.theirs)
        # The worker's result is queued behind this edit: the preview is stale.
        editing.document.push(ServiceCommand(editing.document, "Rename channel",
                                             channels.update_channel, channel, name="天猫"))
    comparing = [m for m in messages if m.startswith("Comparing")]
    assert comparing == ["Comparing with from-li.cplan…"] * 2
    assert len(shown) == 1 and not failures
    assert editing.index.flights[copies.sample.flight_ids[0]].budget_minor == 1_00
    assert editing.index.channels[channel].name == "天猫"


# -- refusals and nothing to do -------------------------------------------------------

def test_a_copy_of_another_plan_is_refused_and_both_files_stay_as_they_were(
        qtbot, copies, editing, controller, monkeypatch, prompts: Prompts, tmp_path):
    create_plan(tmp_path / "other.cplan").close()  # a plan id of its own
    other = build_sample_plan(tmp_path / "other.cplan").path
    editing.document.open(open_plan(copies.mine))
    mine_bytes, other_bytes = copies.mine.read_bytes(), other.read_bytes()
    before = editing.dump()
    shown = run_merge(qtbot, controller, monkeypatch, other, None)
    assert shown == []
    (message,) = prompts.informed
    assert "is a copy of another plan" in message and "other.cplan" in message
    assert copies.mine.read_bytes() == mine_bytes and other.read_bytes() == other_bytes
    assert editing.dump() == before and controller.merge_action.isEnabled()


def test_a_file_that_is_not_a_plan_is_refused(qtbot, copies, editing, controller, monkeypatch,
                                              prompts: Prompts, tmp_path):
    editing.document.open(open_plan(copies.mine))
    junk = tmp_path / "notes.cplan"
    junk.write_bytes(b"not a plan at all" * 100)
    run_merge(qtbot, controller, monkeypatch, junk, None)
    (message,) = prompts.informed
    assert message.startswith("cannot merge:")
    assert junk.read_bytes() == b"not a plan at all" * 100


def test_a_copy_with_nothing_new_says_so(qtbot, copies, editing, controller, monkeypatch,
                                         prompts: Prompts):
    copies.edit(mine=set_budgets(copies, flight0=1_00))
    editing.document.open(open_plan(copies.mine))
    before = editing.dump()
    shown = run_merge(qtbot, controller, monkeypatch, copies.theirs, None)
    assert shown == [] and editing.dump() == before
    assert prompts.informed == ["from-li.cplan has no change that this plan does not "
                                "already have."]


def test_the_action_is_off_for_a_read_only_plan_and_with_no_plan(qtbot, copies, window):
    with open_editing(copies.mine, read_only=True) as opened:
        controller = MergeController(opened.document, opened.index, window)
        assert not controller.merge_action.isEnabled()
        opened.document.close()
        assert not controller.merge_action.isEnabled()
        opened.document.open(open_plan(copies.mine))
        assert controller.merge_action.isEnabled()
    assert controller.merge_action.text() == "&Merge a Copy…"


def test_a_flight_added_in_the_copy_appears_in_the_index(qtbot, copies, editing, controller,
                                                         monkeypatch):
    day = dt.date(2026, 4, 1)
    made = []
    sample = copies.sample
    copies.edit(theirs=lambda plan: made.append(flights.add_flight(
        plan, campaigns.create_campaign(plan, "Double 11", "promotion").created_id,
        sample.channel_ids["WeChat"], day, day + dt.timedelta(days=6), 12_000_00).created_id))
    editing.document.open(open_plan(copies.mine))
    run_merge(qtbot, controller, monkeypatch, copies.theirs, press_merge(qtbot))
    assert editing.index.flights[made[0]].start == day


def test_model_has_no_children_under_rows(copies):
    copies.edit(theirs=set_budgets(copies, flight0=1_00))
    model = MergeModel(copies.preview())
    row = model.index(0, 0, model.index(0, 0))
    assert model.rowCount(row) == 0 and model.parent(row) == model.index(0, 0)
    assert model.parent(model.index(0, 0)) == QModelIndex()
