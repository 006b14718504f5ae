"""File ▸ Export and File ▸ Import with a preview, driven through the controller's menus
on real plan files; the file choosers and the preview's modal run are the seams."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QWidget

from planner.io.csv_export import export_csv
from planner.io.imports import check_import
from planner.services import plan_settings
from planner.storage import rows
from planner.storage.plan_file import create_plan, open_plan
from tests.plan_dump import dump
from tests.ui.conftest import Prompts
from tests.ui.editing import Editing, open_editing
from ui import dialogs
from ui.transfer import TransferController
from ui.transfer.preview import ImportPreviewDialog
from ui.workers.runner import Worker, WorkerPool

WAIT_MS = 20_000


def controller_for(editing: Editing, window: QWidget, **kwargs: object) -> TransferController:
    return TransferController(editing.document, editing.index, window, **kwargs)


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Answer the save dialog with `path`; returns the filters it was offered."""
    offered: list[str] = []

    def choose(_parent: object, _title: str, _folder: str, file_filter: str) -> str:
        offered.append(file_filter)
        return str(path)

    monkeypatch.setattr(dialogs, "choose_save_path", choose)
    return offered


def open_from(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(dialogs, "choose_open_path", lambda *_args: str(path))


class Previews:
    """Stands in for the modal run of the preview: records it, answers `accept`."""

    def __init__(self, accept: bool) -> None:
        self.accept = accept
        self.shown: list[ImportPreviewDialog] = []
        self.import_enabled: list[bool] = []
        self.problems: list[list[str]] = []
        self.counts: list[dict[str, str]] = []

    def run(self, dialog: QDialog) -> bool:
        assert isinstance(dialog, ImportPreviewDialog)
        self.shown.append(dialog)
        self.import_enabled.append(dialog.import_button.isEnabled())
        if dialog.problems_view is not None:
            model = dialog.problems_view.model()
            self.problems = [[model.index(r, c).data() for c in range(model.columnCount())]
                             for r in range(model.rowCount())]
        if dialog.counts_view is not None:
            table = dialog.counts_view
            self.counts = {table.item(r, 0).text(): table.item(r, 1).text()
                           for r in range(table.rowCount())}
        return self.accept


@pytest.fixture
def previews(monkeypatch: pytest.MonkeyPatch) -> Previews:
    recorded = Previews(accept=True)
    monkeypatch.setattr(dialogs, "run_dialog", recorded.run)
    return recorded


def menu_texts(controller: TransferController) -> tuple[list[str], list[str]]:
    return ([a.text() for a in controller.export_menu.actions()],
            [a.text() for a in controller.import_menu.actions()])


# -- menus -------------------------------------------------------------------------------

def test_the_menus_offer_every_format_and_kind(editing, window):
    exports, imports = menu_texts(controller_for(editing, window))
    assert exports == ["Excel &workbook…", "&CSV of flights…", "iCalendar by &flight…",
                       "iCalendar by c&ampaign…", "&PDF calendar…", "P&NG budget charts…"]
    assert imports == ["&Flights and campaigns…", "&Actuals…", "Channel &history…",
                       "Ad &platform report…"]


def test_a_read_only_plan_exports_but_never_imports(sample_plan, window):
    with open_editing(sample_plan.path, read_only=True) as editing:
        controller = controller_for(editing, window)
        assert all(a.isEnabled() for a in controller.export_menu.actions())
        assert not any(a.isEnabled() for a in controller.import_menu.actions())
        editing.document.close()
        assert not any(a.isEnabled() for a in controller.export_menu.actions())


# -- export ------------------------------------------------------------------------------

def test_excel_export_runs_in_a_worker_and_opens_with_openpyxl(qtbot, editing, window,
                                                               monkeypatch, tmp_path):
    import openpyxl

    offered = save_to(monkeypatch, tmp_path / "for finance")  # no suffix typed
    controller = controller_for(editing, window)
    with qtbot.waitSignal(controller.message, timeout=WAIT_MS) as message:
        controller.export_actions["xlsx"].trigger()
        assert controller.busy and controller.progress is not None
        assert not controller.export_actions["csv"].isEnabled()  # one transfer at a time
    written = tmp_path / "for finance.xlsx"
    assert message.args == [f"Exported {written}"]
    assert offered == ["Excel workbooks (*.xlsx)"]
    book = openpyxl.load_workbook(written)
    assert {"Summary", "Flights", "Budget"} <= set(book.sheetnames)
    assert book["Flights"].max_row == 1 + 3
    assert not controller.busy and controller.progress is None
    assert controller.export_actions["csv"].isEnabled()


@pytest.mark.parametrize(("key", "check"), [
    ("csv", lambda data: data.startswith(b"\xef\xbb\xbf") and data.count(b"\n") == 1 + 3),
    ("ics-flight", lambda data: data.count(b"BEGIN:VEVENT") == 3),
    ("ics-campaign", lambda data: data.count(b"BEGIN:VEVENT") == 2),
    ("pdf", lambda data: data.startswith(b"%PDF")),
    ("png", lambda data: data.startswith(b"\x89PNG")),
])
def test_every_format_is_written(qtbot, editing, window, monkeypatch, tmp_path, key, check):
    target = tmp_path / "out"
    save_to(monkeypatch, target)
    controller = controller_for(editing, window)
    with qtbot.waitSignal(controller.message, timeout=WAIT_MS):
        controller.export(key)
    written = next(tmp_path.glob("out.*"))
    assert check(written.read_bytes())
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_failed_export_is_told_in_one_line(qtbot, editing, window, prompts: Prompts,
                                             monkeypatch, tmp_path):
    save_to(monkeypatch, tmp_path / "no such folder" / "plan.xlsx")
    controller = controller_for(editing, window)
    controller.export("xlsx")
    qtbot.waitUntil(lambda: bool(prompts.informed), timeout=WAIT_MS)
    assert len(prompts.informed) == 1 and "\n" not in prompts.informed[0]
    assert "does not exist" in prompts.informed[0]
    assert not controller.busy


def test_cancel_leaves_the_target_as_it_was(qtbot, editing, window, monkeypatch, tmp_path):
    pool = WorkerPool()
    gate = threading.Event()
    # The pool runs one worker at a time: hold it so Cancel lands before the export runs.
    blocker = pool.start(Worker(lambda _worker: gate.wait(WAIT_MS / 1000)))
    target = tmp_path / "plan.csv"
    target.write_text("the colleague's copy")
    save_to(monkeypatch, target)
    controller = controller_for(editing, window, workers=pool)
    controller.export("csv")
    assert controller.progress is not None
    with qtbot.waitSignal(controller.message, timeout=WAIT_MS) as message:
        controller.progress.cancel_button.click()
        gate.set()
    assert message.args == ["Cancelled"]
    assert target.read_text() == "the colleague's copy"
    assert list(tmp_path.glob(".plan.*.csv")) == []  # no partial export left behind
    assert blocker.cancelled is False and pool.shutdown()


# -- import ------------------------------------------------------------------------------

def flights_csv(plan_path: Path, target: Path) -> Path:
    with open_plan(plan_path, read_only=True) as plan:
        return export_csv(plan, target)


def spoil(path: Path) -> None:
    """Row 2 ends before it starts, row 3's budget is not a number, row 4's start is
    not a date."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    header = table[0]
    at = {name: header.index(name) for name in ("Start", "End", "Budget")}
    table[1][at["End"]] = "2020-01-01"
    table[2][at["Budget"]] = "lots"
    table[3][at["Start"]] = "someday"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(table)


def test_preview_of_a_bad_file_lists_every_problem_and_refuses_import(
        qtbot, editing, window, previews, monkeypatch, tmp_path):
    source = flights_csv(editing.document.plan.path, tmp_path / "flights.csv")
    spoil(source)
    open_from(monkeypatch, source)
    before = editing.dump()
    controller = controller_for(editing, window)
    controller.import_actions["flights"].trigger()
    qtbot.waitUntil(lambda: bool(previews.shown), timeout=WAIT_MS)
    assert previews.import_enabled == [False]
    located = {(row, column) for _sheet, row, column, _value, _reason in previews.problems}
    assert {("2", "End"), ("3", "Budget"), ("4", "Start")} <= located
    assert any(value == "lots" for *_, value, _reason in previews.problems)
    # Accepted anyway (the stub answers yes): still nothing is written.
    assert editing.dump() == before
    assert editing.document.undo_stack.count() == 0
    assert not controller.busy


def test_a_good_import_is_one_undo_step(qtbot, editing, window, previews, monkeypatch,
                                        tmp_path):
    source = flights_csv(editing.document.plan.path, tmp_path / "flights.csv")
    empty_path = tmp_path / "empty.cplan"
    with open_plan(editing.document.plan.path, read_only=True) as sample:
        create_plan(empty_path, rows.read_settings(sample.db)).close()
    open_from(monkeypatch, source)
    with open_editing(empty_path) as empty:
        before = empty.dump()
        controller = controller_for(empty, window)
        with qtbot.waitSignal(controller.message, timeout=WAIT_MS) as message:
            controller.import_("flights")
        assert message.args == ["Imported flights.csv"]
        assert previews.import_enabled == [True]
        assert previews.counts == {"Channels": "3", "Campaigns": "2", "Flights": "3"}
        assert len(empty.index.flights) == 3 and len(empty.index.campaigns) == 2
        stack = empty.document.undo_stack
        assert stack.count() == 1 and stack.undoText() == "Import flights"
        stack.undo()
        assert dump(empty.document.plan.db.conn) == before
        assert empty.index.flights == {}
        stack.redo()
        assert len(empty.index.flights) == 3


def test_declining_the_preview_imports_nothing(qtbot, editing, window, previews, monkeypatch,
                                               tmp_path):
    previews.accept = False
    source = flights_csv(editing.document.plan.path, tmp_path / "flights.csv")
    open_from(monkeypatch, source)
    before = editing.dump()
    controller = controller_for(editing, window)
    controller.import_("flights")
    qtbot.waitUntil(lambda: bool(previews.shown), timeout=WAIT_MS)
    assert previews.import_enabled == [True]
    assert editing.dump() == before and editing.document.undo_stack.count() == 0


def test_an_import_refused_on_the_real_run_is_reported_and_leaves_no_step(
        qtbot, editing, window, tmp_path):
    """The plan changed between the check and the import: the rows were checked against
    another plan, so the core refuses, the document says why, the command leaves the stack."""
    source = flights_csv(editing.document.plan.path, tmp_path / "flights.csv")
    checked = check_import(editing.document.plan, source, "flights")
    assert checked.report.ok
    editing.document.run(plan_settings.update_settings, name="Renamed meanwhile")
    failures: list[str] = []
    editing.document.failed.connect(failures.append)
    before = editing.dump()
    controller = controller_for(editing, window)
    controller.import_now(checked)
    qtbot.waitUntil(lambda: not controller.busy, timeout=WAIT_MS)
    assert len(failures) == 1 and "changed after the file was checked" in failures[0]
    assert "nothing was imported" in failures[0]
    assert editing.dump() == before and editing.document.undo_stack.count() == 0
