"""An exception escaping a slot: logged in full, shown once, and the app goes on."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from planner import paths
from ui import dialogs
from ui.errors.crash import CrashHandler, install_crash_handler
from ui.errors.error_dialog import ErrorDialog


@dataclass
class ShownErrors:
    """What `dialogs.show_error` was asked to show, in order, and on which thread."""

    shown: list[dict[str, str]] = field(default_factory=list)
    on_gui_thread: list[bool] = field(default_factory=list)

    def show_error(self, _parent: object, title: str, summary: str, details: str,
                   log_path: Path | str) -> None:
        self.shown.append({"title": title, "summary": summary, "details": details,
                           "log_path": str(log_path)})
        self.on_gui_thread.append(threading.current_thread() is threading.main_thread())


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> ShownErrors:
    recorded = ShownErrors()
    monkeypatch.setattr(dialogs, "show_error", recorded.show_error)
    return recorded


@pytest.fixture
def opened_window(make_window, sample_plan):
    window = make_window()
    assert window.files.open_path(sample_plan.path)
    window.overview.wait()
    return window


@pytest.fixture
def crashes(opened_window) -> Iterator[CrashHandler]:
    before = sys.excepthook
    handler = install_crash_handler(opened_window)
    yield handler
    handler.uninstall()
    assert sys.excepthook is before


def divide_budget_by_zero_weeks() -> None:
    raise ZeroDivisionError("budget spread over 0 weeks\nsecond line the dialog leaves out")


def look_up_missing_channel() -> None:
    raise KeyError("channel-42")


def test_a_failing_slot_is_logged_shown_once_and_the_plan_stays_open(
        opened_window, crashes, errors, qtbot):
    button = QPushButton("Spread budget")
    qtbot.addWidget(button)
    button.show()
    button.clicked.connect(divide_budget_by_zero_weeks)

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the same failure again

    assert len(errors.shown) == 1
    shown = errors.shown[0]
    assert shown["title"] == "Something went wrong"
    assert shown["summary"] == "ZeroDivisionError: budget spread over 0 weeks"
    assert "Traceback (most recent call last)" in shown["details"]
    assert "in divide_budget_by_zero_weeks" in shown["details"]
    log = Path(shown["log_path"])
    assert log.parent == paths.log_dir() and log == crashes.log_path
    text = log.read_text(encoding="utf-8")
    assert text.count("in divide_budget_by_zero_weeks") == 2  # logged both times
    assert text.count("ZeroDivisionError: budget spread over 0 weeks") == 2

    # A different failure, from a timer this time, is shown in its turn.
    QTimer.singleShot(0, look_up_missing_channel)
    qtbot.waitUntil(lambda: len(errors.shown) == 2)
    assert errors.shown[1]["summary"] == "KeyError: 'channel-42'"
    assert "in look_up_missing_channel" in log.read_text(encoding="utf-8")

    assert opened_window.isVisible()
    assert opened_window.document.is_open and not opened_window.document.read_only
    assert opened_window.document.plan.plan_id
    assert opened_window.summary.channel_model.rowCount() == 3
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the event loop still runs slots
    assert "in divide_budget_by_zero_weeks" in log.read_text(encoding="utf-8")


def test_a_failure_on_another_thread_is_shown_on_the_gui_thread(crashes, errors, qtbot):
    worker = threading.Thread(target=look_up_missing_channel)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(errors.shown))

    assert errors.on_gui_thread == [True]
    assert "in look_up_missing_channel" in crashes.log_path.read_text(encoding="utf-8")


def test_the_dialog_hides_details_until_asked_and_copies_them(qtbot):
    details = "Traceback (most recent call last):\n  ...\nZeroDivisionError: weeks\n"
    dialog = ErrorDialog(None, "Something went wrong", "ZeroDivisionError: weeks", details,
                         "/logs/campaign-planner.log")
    qtbot.addWidget(dialog)
    dialog.show()

    assert not dialog.details_view.isVisible()
    assert "/logs/campaign-planner.log" in dialog.log_label.text()
    qtbot.mouseClick(dialog.show_details_button, Qt.MouseButton.LeftButton)
    assert dialog.details_view.isVisible()
    assert dialog.details_view.toPlainText() == details

    QApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == details
    assert dialog.isVisible()  # copying does not close it


def test_unattended_runs_print_the_error_instead_of_waiting(capsys):
    dialogs.set_interactive(False)
    try:
        dialogs.show_error(None, "Something went wrong", "KeyError: 'x'", "Traceback…",
                           "/logs/campaign-planner.log")
    finally:
        dialogs.set_interactive(True)
    assert capsys.readouterr().err.strip() == (
        "Something went wrong: KeyError: 'x' (details in /logs/campaign-planner.log)")


def test_the_log_folder_follows_the_home_override(home):
    assert paths.log_dir() == home / "logs"
    assert paths.log_dir().is_dir()
