"""File ▸ Import ▸ Ad platform report… on generated platform exports: the preview shows
the reader's summary and every unmatched row where it is, the unit chooser and
"leave unmatched rows out" re-check the file, the matching rules dialog saves the
rules as one undo step and the preview re-checks, and the import is one undo step."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from planner.domain.money import format_money
from planner.io.platforms.rules import MatchRule, load_rules, set_match_rules
from planner.storage.plan_file import open_plan
from tests.plan_dump import dump
from tests.planner import platform_files as pf
from tests.ui.editing import Editing, open_editing
from ui import dialogs
from ui.transfer import TransferController
from ui.transfer.match_rules import CHANNEL, KIND, PATTERN, MatchRulesDialog
from ui.transfer.platform_preview import PlatformPreviewDialog

WAIT_MS = 20_000


@dataclass
class Planned:
    path: Path
    ids: dict[str, str]


@pytest.fixture
def planned(plan_path: Path) -> Planned:
    """The platform tests' small plan, with one rule: 信息流 campaigns are Douyin."""
    with open_plan(plan_path) as plan:
        ids = pf.small_plan(plan)
        set_match_rules(plan, [MatchRule("contains", "信息流", ids["feed"])])
    return Planned(plan_path, ids)


@pytest.fixture
def editing(planned: Planned) -> Iterator[Editing]:
    with open_editing(planned.path) as opened:
        yield opened


@dataclass
class Modal:
    """Stands in for `dialogs.run_dialog`: shows each dialog (not modally: a nested event
    loop would wait for a person) and hands it to the test's handler for its type,
    which drives it and says whether it was accepted."""

    handlers: dict[type, Callable[[QDialog], bool]] = field(default_factory=dict)
    shown: list[QDialog] = field(default_factory=list)

    def run(self, dialog: QDialog) -> bool:
        self.shown.append(dialog)
        dialog.show()
        try:
            return self.handlers[type(dialog)](dialog)
        finally:
            dialog.hide()


@pytest.fixture
def modal(monkeypatch: pytest.MonkeyPatch) -> Modal:
    recorded = Modal()
    monkeypatch.setattr(dialogs, "run_dialog", recorded.run)
    return recorded


def start_import(monkeypatch: pytest.MonkeyPatch, controller: TransferController,
                 source: Path) -> None:
    monkeypatch.setattr(dialogs, "choose_open_path", lambda *_args: str(source))
    controller.import_actions["platform"].trigger()


def rechecked(qtbot: QtBot, dialog: PlatformPreviewDialog, change: Callable[[], object]
              ) -> None:
    """Make `change` and wait for the re-check it asks for to reach the dialog."""
    before = dialog.checked
    change()
    assert dialog.checking and not dialog.import_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.checked is not before and not dialog.checking,
                    timeout=WAIT_MS)


def problem_cells(dialog: PlatformPreviewDialog) -> list[list[str]]:
    model = dialog.problems_view.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_the_import_menu_offers_ad_platform_reports(editing, window):
    controller = TransferController(editing.document, editing.index, window)
    texts = [a.text() for a in controller.import_menu.actions()]
    assert texts[-1] == "Ad &platform report…"
    assert controller.import_actions["platform"].isEnabled()


def test_preview_shows_the_summary_and_every_unmatched_row(qtbot, editing, window, modal,
                                                          monkeypatch, tmp_path):
    source, total = pf.ocean_engine(tmp_path / "巨量引擎.csv")
    seen: dict[str, object] = {}

    def preview(dialog: QDialog) -> bool:
        assert isinstance(dialog, PlatformPreviewDialog)
        text = dialog.summary.text()
        seen["summary"] = text
        seen["problems"] = problem_cells(dialog)
        seen["import_enabled"] = dialog.import_button.isEnabled()
        rechecked(qtbot, dialog, lambda: qtbot.mouseClick(dialog.skip_box,
                                                          Qt.MouseButton.LeftButton))
        seen["skipped_notes"] = [dialog.warnings.item(r).text()
                                 for r in range(dialog.warnings.count())]
        seen["skipped_enabled"] = dialog.import_button.isEnabled()
        return False  # cancelled: nothing is imported

    modal.handlers[PlatformPreviewDialog] = preview
    before = editing.dump()
    controller = TransferController(editing.document, editing.index, window)
    start_import(monkeypatch, controller, source)
    qtbot.waitUntil(lambda: "skipped_enabled" in seen, timeout=WAIT_MS)
    summary = str(seen["summary"])
    assert summary.startswith("巨量引擎.csv\nformat: 巨量引擎 Ocean Engine (ocean_engine)")
    assert "消耗(元): 元 (CNY)" in summary
    assert "rows: 14 read, 7 actuals matched, 7 unmatched" in summary
    assert f"spend: {format_money(total, 'CNY')} in the file" in summary
    unmatched = [p for p in seen["problems"] if "no matching rule" in p[4]]
    assert [int(p[1]) for p in unmatched] == list(range(6, 20, 2))  # every 抖音搜索 row
    assert all("抖音搜索-品牌词" in p[4] for p in unmatched)
    assert seen["import_enabled"] is False
    assert sum("left out" in note for note in seen["skipped_notes"]) == 7
    assert seen["skipped_enabled"] is True
    assert editing.dump() == before and editing.document.undo_stack.count() == 0


def test_rules_saved_from_the_preview_are_one_undo_step_and_the_import_another(
        qtbot, editing, planned, window, modal, monkeypatch, tmp_path):
    source, total = pf.ocean_engine(tmp_path / "o.csv")
    seen: dict[str, object] = {}

    def rules(dialog: QDialog) -> bool:
        assert isinstance(dialog, MatchRulesDialog)
        assert dialog.table.rowCount() == 1  # the plan's stored rule
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        dialog.table.item(1, PATTERN).setText("抖音搜索")
        kind = dialog.table.cellWidget(1, KIND)
        kind.setCurrentIndex(kind.findData("contains"))
        channel = dialog.table.cellWidget(1, CHANNEL)
        channel.setCurrentIndex(channel.findData(planned.ids["search"]))
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    def preview(dialog: QDialog) -> bool:
        assert isinstance(dialog, PlatformPreviewDialog)
        assert not dialog.import_button.isEnabled()
        rechecked(qtbot, dialog, lambda: qtbot.mouseClick(dialog.rules_button,
                                                          Qt.MouseButton.LeftButton))
        seen["problems"] = problem_cells(dialog)
        seen["summary"] = dialog.summary.text()
        seen["undo"] = editing.document.undo_stack.undoText()
        assert dialog.import_button.isEnabled()
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    modal.handlers.update({PlatformPreviewDialog: preview, MatchRulesDialog: rules})
    stack = editing.document.undo_stack
    controller = TransferController(editing.document, editing.index, window)
    before = editing.dump()
    with qtbot.waitSignal(controller.message, timeout=WAIT_MS) as message:
        start_import(monkeypatch, controller, source)
    assert message.args == ["Imported o.csv"]
    assert seen["problems"] == [] and seen["undo"] == "Set matching rules"
    assert "rows: 14 read, 14 actuals matched, 0 unmatched" in str(seen["summary"])
    plan = editing.document.plan
    assert [r.pattern for r in load_rules(plan)] == ["信息流", "抖音搜索"]
    spend = plan.db.execute("SELECT COUNT(*), SUM(spend_minor) FROM actuals").fetchone()
    assert spend == (14, total)
    assert [stack.text(i) for i in range(stack.count())] == ["Set matching rules",
                                                            "Import platform actuals"]
    stack.undo()
    assert plan.db.execute("SELECT COUNT(*) FROM actuals").fetchone() == (0,)
    with_rules = dump(plan.db.conn)
    stack.undo()
    assert editing.dump() == before and with_rules != before
    stack.redo()
    stack.redo()
    assert plan.db.execute("SELECT SUM(spend_minor) FROM actuals").fetchone() == (total,)


def test_a_refused_rule_keeps_the_rules_dialog_open_with_the_reason(qtbot, editing, window):
    dialog = MatchRulesDialog(editing.document, editing.index, window)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    kind = dialog.table.cellWidget(1, KIND)
    kind.setCurrentIndex(kind.findData("regex"))
    dialog.table.item(1, PATTERN).setText("(")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and not dialog.saved
    assert "match rule 2.pattern" in dialog.error_label.text()
    assert "not a regular expression" in dialog.error_label.text()
    assert editing.document.undo_stack.count() == 0


def test_rules_can_be_reordered_and_removed(qtbot, editing, planned, window):
    dialog = MatchRulesDialog(editing.document, editing.index, window)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.table.item(1, PATTERN).setText("搜索")
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    assert [r.pattern for r in dialog.rules()] == ["搜索", "信息流"]
    assert dialog.table.currentRow() == 0
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert [r.pattern for r in dialog.rules()] == ["信息流"]
    assert dialog.rules()[0].channel_id == planned.ids["feed"]


def test_a_file_without_a_unit_is_imported_once_the_unit_is_chosen(
        qtbot, editing, planned, window, modal, monkeypatch, tmp_path):
    source = tmp_path / "baidu.csv"
    source.write_text("百度营销 报告\n日期,推广计划,消费,展现,点击\n"
                      "2026-06-01,抖音信息流 A,12.34,1,1\n", encoding="gb18030")
    seen: dict[str, object] = {}

    def preview(dialog: QDialog) -> bool:
        assert isinstance(dialog, PlatformPreviewDialog)
        seen["before"] = problem_cells(dialog)
        rechecked(qtbot, dialog, lambda: dialog.unit_combo.setCurrentIndex(
            dialog.unit_combo.findData("元")))
        seen["summary"] = dialog.summary.text()
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    modal.handlers[PlatformPreviewDialog] = preview
    controller = TransferController(editing.document, editing.index, window)
    with qtbot.waitSignal(controller.message, timeout=WAIT_MS):
        start_import(monkeypatch, controller, source)
    (_sheet, row, column, _value, reason), = seen["before"]
    assert (row, column) == ("2", "消费") and "does not say its unit" in reason
    assert "消费: 元 (CNY)" in str(seen["summary"])
    got = editing.document.plan.db.execute(
        "SELECT channel_id, spend_minor FROM actuals").fetchall()
    assert got == [(planned.ids["feed"], 1234)]
    assert editing.document.undo_stack.count() == 1
