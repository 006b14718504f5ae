"""Plan health: every rule's findings, worst first, in a dock beside the plan.

The plan is checked after every edit (the overview recomputes), so this list is
always the plan as it is on disk now.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QListView, QStackedLayout, QWidget

from ui.models.findings import FindingsModel
from ui.models.overview import PlanOverview, Snapshot


class HealthPanel(QWidget):
    def __init__(self, overview: PlanOverview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.view = QListView()
        self.view.setAccessibleName(self.tr("Plan health findings"))
        self.view.setModel(self.model)
        # Messages wrap to the dock's width instead of scrolling sideways.
        self.view.setWordWrap(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.view.setAlternatingRowColors(True)
        self.view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.view.setSpacing(2)
        self.empty = QLabel(self.tr("No plan open"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.empty)
        overview.updated.connect(self.show_snapshot)
        self.show_snapshot(overview.snapshot)

    def sizeHint(self) -> QSize:
        return QSize(340, 400)  # wide enough for a finding in two or three lines

    def show_snapshot(self, snapshot: Snapshot | None) -> None:
        findings = () if snapshot is None else snapshot.findings
        self.model.set_findings(findings)
        if snapshot is None:
            self.empty.setText(self.tr("No plan open"))
        else:
            self.empty.setText(self.tr("No findings: the plan passes every check."))
        self._stack.setCurrentWidget(self.view if findings else self.empty)
