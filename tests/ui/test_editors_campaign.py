"""The campaign dialog: the brand share follows the objective, invalid input keeps
OK disabled, and OK's values become one undoable command."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.domain.entities import Campaign
from planner.storage import rows
from tests.ui.editing import Editing
from ui.editors.campaign_edits import edit_campaign_command, new_campaign_command
from ui.editors.dialogs import CampaignDialog


def _dialog(qtbot: QtBot, editing: Editing, **kwargs) -> CampaignDialog:
    dialog = CampaignDialog(editing.index, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_nameless_campaign_cannot_be_saved(qtbot, editing):
    dialog = _dialog(qtbot, editing)
    message = dialog.form.message("campaign.name")
    assert not dialog.ok_button.isEnabled()
    assert message.isVisible() and "must not be empty" in message.text()

    qtbot.keyClicks(dialog.form.name, "Double 11")

    assert dialog.ok_button.isEnabled()
    assert not message.isVisible()


def test_the_brand_share_is_typed_only_for_a_mixed_campaign(qtbot, editing):
    dialog = _dialog(qtbot, editing)
    form = dialog.form
    qtbot.keyClicks(form.name, "Members day")
    assert not form.brand_share.isEnabled() and form.brand_share.value() == 0

    qtbot.keyClick(form.objective, Qt.Key.Key_Down)  # promotion -> mixed
    assert form.objective.currentData() == "mixed"
    assert form.brand_share.isEnabled() and form.brand_share.value() == 50

    form.brand_share.setFocus()
    form.brand_share.selectAll()
    qtbot.keyClicks(form.brand_share, "100")
    message = form.message("campaign.brand_share")
    assert not dialog.ok_button.isEnabled()
    assert message.isVisible() and "between 0 % and 100 %" in message.text()

    qtbot.keyClick(form.objective, Qt.Key.Key_Up)  # back to promotion: the share follows
    assert form.brand_share.value() == 0
    assert dialog.ok_button.isEnabled()


def test_a_new_campaign_is_written_as_typed_and_undone_to_the_same_file(qtbot, editing):
    before = editing.dump()
    dialog = _dialog(qtbot, editing)
    form = dialog.form
    qtbot.keyClicks(form.name, "Double 11")
    qtbot.keyClicks(form.owner, "Li Na")
    qtbot.keyClicks(form.tags, "festival, q4 ,festival,")
    form.colour.pick("#E15759")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == CampaignDialog.DialogCode.Accepted

    editing.document.push(new_campaign_command(editing.document, dialog.values()))

    made = next(c for c in editing.index.campaigns.values() if c.name == "Double 11")
    stored = rows.get(editing.document.plan.db, Campaign, made.id)
    assert (stored.objective, stored.brand_share_bp, stored.status) == ("promotion", 0, "draft")
    assert (stored.owner, stored.colour, stored.tags) == ("Li Na", "#e15759", ("festival", "q4"))
    editing.document.undo_stack.undo()
    assert editing.dump() == before


def test_an_edit_changes_only_what_was_typed(qtbot, editing):
    campaign = next(c for c in editing.index.campaigns.values() if c.name == "Brand story")
    dialog = _dialog(qtbot, editing, campaign_id=campaign.id)
    assert edit_campaign_command(editing.document, campaign.id, dialog.values()) is None
    before = editing.dump()

    qtbot.keyClick(dialog.form.status, Qt.Key.Key_Down)  # draft -> approved
    editing.document.push(edit_campaign_command(editing.document, campaign.id,
                                                dialog.values()))

    assert editing.index.campaigns[campaign.id].status == "approved"
    assert editing.index.campaigns[campaign.id].brand_share_bp == 10000
    editing.document.undo_stack.undo()
    assert editing.dump() == before
