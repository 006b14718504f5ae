"""The first-run banner: the three things to try first, once, until dismissed.

A newcomer opening the demo plan sees a busy window; one line at its top names
where to start (move a flight, optimise, export to Excel) with buttons for the
last two. It never blocks anything, and once dismissed it stays gone: the choice
is kept in `QSettings` under `DISMISSED_KEY`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtGui import QAction, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.models.plan_index import PlanIndex
from ui.theme import PALETTE_EVENTS, colours

DISMISSED_KEY = "hints/first_run_dismissed"
ACCENT_WIDTH = 4  # px: the coloured edge that marks the banner as a hint


def dismissed() -> bool:
    value = QSettings().value(DISMISSED_KEY, False)
    return value if isinstance(value, bool) else str(value).lower() == "true"


class FirstRunBanner(QFrame):
    """Shown while a plan is open, until "Got it" is pressed (then never again)."""

    def __init__(self, index: PlanIndex, show_optimise: Callable[[], None],
                 export_excel: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._index = index
        self.setAccessibleName(self.tr("Getting started"))
        self.message = QLabel(self.tr(
            "New here? Drag a flight on the Calendar to move it (Ctrl+Z undoes it), let the "
            "Optimise tab find a better split of the budget, and export the plan to Excel "
            "from the File ▸ Export menu."))
        self.message.setWordWrap(True)
        self.optimise_button = QPushButton(self.tr("Open the Optimise tab"))
        self.optimise_button.clicked.connect(show_optimise)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(export_excel.trigger)
        self._export = export_excel
        export_excel.changed.connect(self._follow_export)
        self.dismiss_button = QPushButton(self.tr("Got it"))
        self.dismiss_button.setToolTip(self.tr("Hide this hint for good"))
        self.dismiss_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.setContentsMargins(ACCENT_WIDTH + 10, 6, 8, 6)
        row.addWidget(self.message, 1)
        for button in (self.optimise_button, self.export_button, self.dismiss_button):
            row.addWidget(button)
        index.reset.connect(self.refresh)
        self._follow_export()
        self.refresh()

    def refresh(self) -> None:
        self.setVisible(self._index.is_open and not dismissed())

    def dismiss(self) -> None:
        QSettings().setValue(DISMISSED_KEY, True)
        self.hide()

    def _follow_export(self) -> None:
        self.export_button.setEnabled(self._export.isEnabled())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in PALETTE_EVENTS:
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        scheme = colours()
        painter = QPainter(self)
        painter.fillRect(self.rect(), scheme.hint_surface)
        painter.fillRect(0, 0, ACCENT_WIDTH, self.height(), scheme.info)
        painter.fillRect(0, self.height() - 1, self.width(), 1, scheme.grid_strong)


def with_banner(banner: QWidget, body: QWidget) -> QWidget:
    """`body` with `banner` above it, as one central widget."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(banner)
    layout.addWidget(body, 1)
    return column
