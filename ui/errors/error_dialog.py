"""The dialog for an error nobody planned for: one line up front, the traceback
one click away, and a button that puts it on the clipboard for a bug report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ErrorDialog(QDialog):
    """`summary` is one line; `details` (the traceback) stays folded away until
    the planner asks, since it means nothing to most of them."""

    def __init__(self, parent: QWidget | None, title: str, summary: str, details: str,
                 log_path: Path | str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._details = details

        heading = QLabel(f"<b>{title}</b>")
        self.summary = QLabel(summary)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        reassurance = QLabel(self.tr("Nothing finished is lost: every edit is saved in "
                                     "the plan as it is made."))
        self.log_label = QLabel(self.tr("The details are also in %1").replace("%1",
                                                                              str(log_path)))
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_label.setWordWrap(True)

        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details_view.setVisible(False)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.show_details_button = QPushButton(self.tr("Show details"))
        self.show_details_button.setCheckable(True)
        self.show_details_button.toggled.connect(self._toggle_details)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.show_details_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        for widget in (heading, self.summary, reassurance, self.log_label,
                       self.details_view, buttons):
            layout.addWidget(widget)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self._details)

    def _toggle_details(self, shown: bool) -> None:
        self.details_view.setVisible(shown)
        self.show_details_button.setText(self.tr("Hide details") if shown
                                         else self.tr("Show details"))
        self.adjustSize()
