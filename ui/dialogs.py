"""Every modal prompt the app shows, behind a few module-level functions.

Modal dialogs run their own event loop and would hang an offscreen test or a
`--screenshot` run. Routing them through here gives one seam: tests replace
`ask`, `inform` and the file choosers with monkeypatch, and `set_interactive(False)`
turns messages into lines on stderr for unattended runs.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

PLAN_FILTER = "Campaign plans (*.cplan);;All files (*)"

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


def about(parent: QWidget | None, title: str, text: str) -> None:
    if _interactive:
        QMessageBox.about(parent, title, text)


def choose_open_path(parent: QWidget | None, title: str, folder: str) -> str | None:
    """A plan file to open, or None when the planner cancels."""
    if not _interactive:
        return None
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, PLAN_FILTER)
    return path or None


def choose_save_path(parent: QWidget | None, title: str, folder: str) -> str | None:
    """Where to create a new plan file, or None when the planner cancels."""
    if not _interactive:
        return None
    path, _ = QFileDialog.getSaveFileName(parent, title, folder, PLAN_FILTER)
    return path or None
