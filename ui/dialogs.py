"""Every modal prompt the app shows, behind a few module-level functions.

Modal dialogs run their own event loop and would hang an offscreen test or a
`--screenshot` run. Routing them through here gives one seam: tests replace
`ask`, `inform`, `show_error` and the file choosers with monkeypatch, and
`set_interactive(False)` turns messages into lines on stderr for unattended runs.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QWidget,
)

from ui.errors.error_dialog import ErrorDialog

# Marked here, translated where shown (the language may change after import).
PLAN_FILTER = QT_TRANSLATE_NOOP("Dialogs", "Campaign plans (*.cplan);;All files (*)")

_interactive = True


def set_interactive(interactive: bool) -> None:
    """Unattended runs (`--screenshot`) must never wait for a click."""
    global _interactive
    _interactive = interactive


def inform(parent: QWidget | None, title: str, message: str) -> None:
    """Tell the planner something went wrong, in the one line the core wrote."""
    if not _interactive:
        print(f"{title}: {message}", file=sys.stderr)
        return
    QMessageBox.warning(parent, title, message)


def ask(parent: QWidget | None, title: str, question: str) -> bool:
    """A yes/no question; unattended runs answer no."""
    if not _interactive:
        print(f"{title}: {question} — answered no (unattended)", file=sys.stderr)
        return False
    answer = QMessageBox.question(
        parent, title, question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, title: str, summary: str, details: str,
               log_path: Path | str) -> None:
    """An error nobody planned for: `summary` in one line, `details` (the traceback)
    behind "Show details" and "Copy details", and where the log keeps it."""
    if not _interactive:
        print(f"{title}: {summary} (details in {log_path})", file=sys.stderr)
        return
    ErrorDialog(parent, title, summary, details, log_path).exec()


def about(parent: QWidget | None, title: str, text: str) -> None:
    if _interactive:
        QMessageBox.about(parent, title, text)


def choose_open_path(parent: QWidget | None, title: str, folder: str,
                     file_filter: str = PLAN_FILTER) -> str | None:
    """A file to open (a plan unless `file_filter` says otherwise), or None when the
    planner cancels."""
    if not _interactive:
        return None
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, _filter(file_filter))
    return path or None


def choose_save_path(parent: QWidget | None, title: str, folder: str,
                     file_filter: str = PLAN_FILTER) -> str | None:
    """Where to write a new file (a plan unless `file_filter` says otherwise), or None
    when the planner cancels. `folder` may end in a suggested file name."""
    if not _interactive:
        return None
    path, _ = QFileDialog.getSaveFileName(parent, title, folder, _filter(file_filter))
    return path or None


def _filter(file_filter: str) -> str:
    """The plan filter in the current language; other filters come translated."""
    if file_filter == PLAN_FILTER:
        return QCoreApplication.translate("Dialogs", PLAN_FILTER)
    return file_filter


def run_dialog(dialog: QDialog) -> bool:
    """Show an editor modally; True when the planner pressed OK. Unattended runs never
    open one; tests replace this to fill the dialog and accept it."""
    if not _interactive:
        return False
    return dialog.exec() == QDialog.DialogCode.Accepted


def choose_date(parent: QWidget | None, title: str, label: str, value: dt.date,
                minimum: dt.date, maximum: dt.date) -> dt.date | None:
    """One date between `minimum` and `maximum`, or None when cancelled."""
    if not _interactive:
        return None
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDateRange(QDate(minimum.year, minimum.month, minimum.day),
                      QDate(maximum.year, maximum.month, maximum.day))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QFormLayout(dialog)
    layout.addRow(label, edit)
    layout.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return edit.date().toPython()
