"""In Chinese, the main window, its menus and every dialog they open show no English.

The window is opened on the demo plan and every tab is visited, so each builds
its contents; then each menu verb that opens a dialog is triggered. Dialogs are
caught where the app shows them (`ui.dialogs`), read, and cancelled. A failure
lists every string still in English and where it was seen; the plan's own names
(its data) and a short list of proper nouns are not counted. The messages the
planner core writes are seen too: a merge's changes, an import's problems, an
import refused as an edit, and the optimiser's binding constraints and its
explanation of an impossible setup.
"""

from __future__ import annotations

import csv
import getpass
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from planner.io.import_action import run_import
from planner.io.imports import check_import
from planner.io.workbook import export_xlsx
from planner.services import channels
from planner.storage.plan_file import open_plan, reader
from tests.i18n.visible_text import Shown, report, untranslated, visible_strings
from tests.ui.test_export_import import flights_csv, spoil
from ui import dialogs
from ui.commands.base import ServiceCommand
from ui.main_window import APP_TITLE, MainWindow
from ui.models.plan_index import PlanIndex

WAIT_MS = 30_000
SOLVE_MS = 120_000
WORKBOOK = "demo export.xlsx"


class Seen:
    """Everything shown: the window's strings and each dialog's, as they were opened."""

    def __init__(self) -> None:
        self.found: list[Shown] = []
        self.dialogs: list[str] = []

    def add_widget(self, widget: QWidget) -> None:
        self.dialogs.append(type(widget).__name__)
        self.found.extend(visible_strings(widget))

    def run_dialog(self, dialog: QDialog) -> bool:
        self.add_widget(dialog)
        return False

    def message(self, kind: str) -> Callable[..., bool]:
        def shown(_parent: object, title: str, text: str, *_rest: object) -> bool:
            self.dialogs.append(kind)
            self.found.extend([Shown(f"{kind} title", title), Shown(f"{kind} text", text)])
            return False
        return shown


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> Seen:
    recorder = Seen()
    monkeypatch.setattr(dialogs, "run_dialog", recorder.run_dialog)
    for kind in ("about", "inform", "ask", "choose_date"):
        monkeypatch.setattr(dialogs, kind, recorder.message(kind))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)
    return recorder


def data_names(index: PlanIndex, *paths: Path) -> list[str]:
    """The plan's own words: names, notes, owners and colours of its records, and
    every text in its file written in Chinese (KPI names, scenario names…), which
    the demo plan gives in both languages."""
    names = [APP_TITLE, *(str(p) for p in paths), *(p.name for p in paths)]
    with reader(paths[0]) as plan:
        tables = [row[0] for row in plan.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for row in plan.db.execute(f'SELECT * FROM "{table}"'):
                names += [v for v in row if isinstance(v, str) and not v.isascii()]
    if index.settings is not None:
        names += [index.settings.name, index.settings.currency]
    for table in (index.channels, index.segments, index.campaigns, index.flights, index.events):
        for record in table.values():
            for field in ("name", "notes", "description", "owner", "grp", "colour"):
                value = getattr(record, field, None)
                if isinstance(value, str):
                    names.append(value)
    return names


def _visit_tabs(window: MainWindow, qtbot: QtBot) -> None:
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        tab = window.tabs.widget(i)
        qtbot.waitUntil(lambda tab=tab: not getattr(tab, "busy", False), timeout=WAIT_MS)


def _open_dialogs(window: MainWindow, seen: Seen, qtbot: QtBot, demo_path: Path,
                  theirs: Path) -> None:
    """Every dialog the menus lead to, each read and cancelled."""
    window.settings_action.trigger()
    window.new_flight_action.trigger()
    window.new_campaign_action.trigger()
    flight_id = next(iter(window.index.flights))
    window.selection.select_flights([flight_id], None)
    window.edits.edit_action.trigger()
    window.edits.bulk_action.trigger()
    window.edits.split_action.trigger()
    campaign_id = next(iter(window.index.campaigns))
    window.selection.select([("campaign", campaign_id)], None)
    window.edits.edit_action.trigger()
    window.printing.print_action.trigger()
    for action in window.menuBar().actions()[-1].menu().actions():  # Help
        if not action.isSeparator():
            before = set(QApplication.topLevelWidgets())
            action.trigger()
            for widget in set(QApplication.topLevelWidgets()) - before:
                if widget.isVisible():
                    seen.add_widget(widget)
                    widget.close()

    workbook = demo_path.with_name(WORKBOOK)
    with reader(demo_path) as plan:
        export_xlsx(plan, workbook)
    chosen = iter([str(workbook), str(theirs)])
    dialogs.choose_open_path = lambda *_args: next(chosen)  # restored by monkeypatch
    count = len(seen.dialogs)
    window.transfer.import_actions["flights"].trigger()
    qtbot.waitUntil(lambda: len(seen.dialogs) > count, timeout=WAIT_MS)
    count = len(seen.dialogs)
    window.merging.merge_action.trigger()
    qtbot.waitUntil(lambda: len(seen.dialogs) > count, timeout=WAIT_MS)


@pytest.fixture
def theirs(demo_path: Path, tmp_path: Path) -> Path:
    """A copy of the demo plan with one change, for File ▸ Merge a Copy."""
    copy = tmp_path / "copy.cplan"
    shutil.copy(demo_path, copy)
    with open_plan(copy) as plan:
        channel = next(iter(plan.db.execute("SELECT id FROM channels")))[0]
        channels.update_channel(plan, channel, name="抖音 · 改名")
    return copy


def test_nothing_in_the_chinese_window_or_its_dialogs_is_left_in_english(
        chinese, make_window, demo_path, theirs, seen, monkeypatch, qtbot):
    assert chinese.ours, "resources/i18n/campaign_planner_zh_CN.qm did not load"
    assert chinese.qt, "Qt's own qtbase_zh_CN.qm did not load"
    monkeypatch.setattr(dialogs, "choose_open_path", dialogs.choose_open_path)
    window = make_window()
    window.files.start(demo_path)
    window.overview.wait()
    _visit_tabs(window, qtbot)
    seen.found.extend(visible_strings(window))
    _open_dialogs(window, seen, qtbot, demo_path, theirs)

    expected = {"PlanSettingsDialog", "FlightDialog", "CampaignDialog", "BulkEditDialog",
                "CalendarPrintDialog", "AboutDialog", "ShortcutsDialog", "ImportPreviewDialog",
                "MergeDialog"}
    assert expected <= set(seen.dialogs), f"not opened: {expected - set(seen.dialogs)}"
    names = data_names(window.index, demo_path, theirs, demo_path.with_name(WORKBOOK))
    names.append(getpass.getuser())  # a merge names the copy by its author
    missing = untranslated(seen.found, names)
    if missing:
        pytest.fail(report(missing), pytrace=False)


def _run_optimiser(window: MainWindow, qtbot: QtBot, budget: str | None = None) -> None:
    tab = window.optimise
    window.tabs.setCurrentWidget(tab)
    if budget is not None:
        tab.editor.budget_edit.setText(budget)
    count = tab.results.binding_list.count() + len(tab.results.explanation.text())
    tab.run_button.click()
    qtbot.waitUntil(lambda: not tab.runner.busy and count != (
        tab.results.binding_list.count() + len(tab.results.explanation.text())),
        timeout=SOLVE_MS)


def test_the_planners_own_messages_are_shown_in_chinese(
        chinese, make_window, demo_path, seen, monkeypatch, qtbot, tmp_path):
    """Import problems (preview and a refused import), the optimiser's binding
    constraints and its explanation of an impossible budget."""
    window = make_window()
    window.files.start(demo_path)
    window.overview.wait()
    bad = flights_csv(demo_path, tmp_path / "flights.csv")
    spoil(bad)
    monkeypatch.setattr(dialogs, "choose_open_path", lambda *_args: str(bad))
    count = len(seen.dialogs)
    window.transfer.import_actions["flights"].trigger()
    qtbot.waitUntil(lambda: len(seen.dialogs) > count, timeout=WAIT_MS)
    assert seen.dialogs[-1] == "ImportPreviewDialog"
    problems = [s for s in seen.found if "cell" in s.where and "QTableView" in s.where]
    assert len(problems) >= 3 * 5, "the preview lists the spoilt rows"

    with reader(demo_path) as plan:
        checked = check_import(plan, bad, "flights")
    window.document.push(ServiceCommand(window.document, "Import flights", run_import, checked))
    assert seen.dialogs[-1] == "inform", "a refused import is reported"

    _run_optimiser(window, qtbot)
    assert window.optimise.results.binding_list.count() > 0
    seen.found.extend(visible_strings(window.optimise))
    _run_optimiser(window, qtbot, budget="1,000")  # below what committed flights hold
    explanation = window.optimise.results.explanation.text()
    assert explanation.count("•") >= 1, explanation
    seen.found.extend(visible_strings(window.optimise))

    with bad.open(encoding="utf-8-sig", newline="") as f:  # the file's own words: data
        cells = [cell for line in csv.reader(f) for cell in line]
    names = [*data_names(window.index, demo_path, bad), *cells]
    missing = untranslated(seen.found, names)
    if missing:
        pytest.fail(report(missing), pytrace=False)
