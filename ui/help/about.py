"""Help ▸ About: what this is, and the versions a support person asks for first.

The versions sit in a table and a Copy button puts them on the clipboard as
plain text, so a bug report carries them without anyone retyping.
"""

from __future__ import annotations

import platform
import sqlite3
import sys
from importlib import metadata

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.storage.schema import SCHEMA_VERSION

DISTRIBUTION = "omnichannel-campaign-planner"


def _installed(name: str) -> str:
    """From the package's metadata, so nothing heavy is imported to ask."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "—"


def versions() -> list[tuple[str, str]]:
    """(component, version) pairs, the app first."""
    return [
        ("Omnichannel Campaign Planner", _installed(DISTRIBUTION)),
        ("Python", f"{platform.python_version()} ({sys.platform})"),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("OR-Tools", _installed("ortools")),
        ("pandas", _installed("pandas")),
        ("matplotlib", _installed("matplotlib")),
        ("SQLite", sqlite3.sqlite_version),
    ]


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Omnichannel Campaign Planner"))
        self.setObjectName("about_dialog")
        title = QLabel(f"<h3>{self.tr('Omnichannel Campaign Planner')}</h3>")
        blurb = QLabel(self.tr("Plan cross-channel marketing campaigns offline, keep each "
                               "plan in one file, and split the budget between brand and "
                               "promotion."))
        blurb.setWordWrap(True)
        self.rows = [*versions(), (self.tr("Plan file format"), str(SCHEMA_VERSION))]
        self.table = QTableWidget(len(self.rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Version")])
        self.table.setAccessibleName(self.tr("Versions"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, (name, version) in enumerate(self.rows):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(version))
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr("Copy the versions for a bug report"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(460, 420)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def text(self) -> str:
        return "\n".join(f"{name}: {version}" for name, version in self.rows)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
