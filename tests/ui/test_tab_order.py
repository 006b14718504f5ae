"""Keyboard order in the editors and the optimiser's constraints: the first field has
the focus when a dialog opens, and Tab walks the fields top to bottom, then the
buttons, then back to the top; a table never swallows Tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabBar, QTableView, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import SamplePlan
from tests.ui.editing import Editing
from ui.editors.bulk_edit import BulkEditDialog
from ui.editors.dialogs import CampaignDialog, FlightDialog
from ui.editors.plan_settings_dialog import PlanSettingsDialog
from ui.optimise.constraints import ConstraintEditor


def opened(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return QApplication.focusWidget()


def tab_through(qtbot: QtBot, count: int) -> list[QWidget]:
    """The widgets Tab visits, each once: a date edit's Tab first walks its own
    year, month and day, as Qt's date fields do everywhere."""
    seen: list[QWidget] = []
    for _ in range(count):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if not seen or seen[-1] is not focused:
            seen.append(focused)
    return seen


def test_the_flight_dialog_starts_at_the_campaign_and_goes_down(qtbot: QtBot,
                                                               editing: Editing):
    dialog = FlightDialog(editing.index)
    form = dialog.form
    assert opened(qtbot, dialog) is form.campaign
    cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
    assert not dialog.ok_button.isEnabled()  # a new flight lacks its campaign: OK is skipped
    assert tab_through(qtbot, 14) == [form.channel, form.name, form.start, form.end,
                                      form.budget, form.pattern, form.unit_kind, form.notes,
                                      cancel, form.campaign]


def test_fields_that_appear_take_their_place_in_the_order(qtbot: QtBot, editing: Editing,
                                                          sample_plan: SamplePlan):
    dialog = FlightDialog(editing.index, flight_id=sample_plan.flight_ids[0])
    form = dialog.form
    assert opened(qtbot, dialog) is form.campaign
    form.pattern.setCurrentIndex(form.pattern.findData("pulsing"))
    form.unit_kind.setCurrentIndex(1)
    form.budget.setFocus()
    assert tab_through(qtbot, 9) == [form.pattern, form.on_days, form.off_days,
                                     form.base_share, form.unit_kind, form.units,
                                     form.unit_cost, form.notes, dialog.ok_button]


def test_the_campaign_dialog_skips_what_is_disabled(qtbot: QtBot, editing: Editing):
    dialog = CampaignDialog(editing.index)
    form = dialog.form
    assert opened(qtbot, dialog) is form.name
    assert not form.brand_share.isEnabled()  # a promotion is 0 % brand
    cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
    assert tab_through(qtbot, 9) == [form.objective, form.segment, form.status, form.owner,
                                     form.colour, form.tags, form.notes, cancel, form.name]


def test_bulk_edit_goes_from_dates_to_status(qtbot: QtBot, editing: Editing,
                                             sample_plan: SamplePlan):
    dialog = BulkEditDialog(editing.index, sample_plan.flight_ids)
    assert opened(qtbot, dialog) is dialog.shift_days
    cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
    assert tab_through(qtbot, 5) == [dialog.scale_percent, dialog.channel, dialog.status,
                                     cancel, dialog.shift_days]


def test_plan_settings_open_on_the_plan_name_not_the_tab_bar(qtbot: QtBot, editing: Editing):
    dialog = PlanSettingsDialog(editing.document, editing.index)
    form = dialog.general
    assert opened(qtbot, dialog) is form.name
    cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
    visited = tab_through(qtbot, 22)
    assert visited[:13] == [form.currency_code, form.horizon_start, form.horizon_end,
                            form.calendar_kind, form.total_budget, form.brand_share_min,
                            form.brand_share_target, form.brand_share_max, form.backup_keep,
                            dialog.ok_button, cancel, dialog.tabs.tabBar(), form.name]


def test_the_constraints_go_down_the_form_and_through_the_tables(qtbot: QtBot,
                                                                 editing: Editing):
    editor = ConstraintEditor(editing.index, editing.selection)
    editor.resize(700, 700)
    opened(qtbot, editor)
    editor.budget_edit.setFocus()
    assert not editor.target_edit.isEnabled() and not editor.roas_box.isEnabled()
    visited = tab_through(qtbot, 15)
    assert visited[:8] == [editor.spend_combo, editor.share_min, editor.share_max,
                           editor.objective_combo, editor.brand_value_box, editor.grain_combo,
                           editor.today_edit, editor.tolerance_combo]
    assert isinstance(visited[8], QTabBar) and isinstance(visited[9], QTableView)
    assert visited[10] is editor.budget_edit  # Tab leaves the table: no trap
