"""The status bar's permanent line: "Planned ¥X of ¥Y · Brand 41 % (35–45 %) · N findings".

The three numbers a planner checks after every edit, visible whichever tab or
dock is showing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget

from ui.formatting import format_percent
from ui.models.overview import PlanOverview, Snapshot
from ui.models.vocabulary import SEVERITY_LABELS, label


def status_text(snapshot: Snapshot) -> str:
    totals, summary = snapshot.summary["totals"], snapshot.summary
    planned = snapshot.money(totals["planned_minor"])
    budget = snapshot.money(totals["budget_minor"])
    share = snapshot.brand_share
    brand = "—" if share is None else format_percent(share, spaced=True)
    count = len(snapshot.findings)
    findings = QCoreApplication.translate("PlanStatus", "1 finding") if count == 1 else \
        QCoreApplication.translate("PlanStatus", "{0} findings").format(count)
    return QCoreApplication.translate(
        "PlanStatus", "Planned {planned} of {budget} · Brand {brand} ({range}) · {findings}"
    ).format(planned=planned, budget=budget, brand=brand,
             range=summary["brand_share_range"], findings=findings)


class PlanStatus(QLabel):
    """Clicking it (the findings count is the part planners act on) opens the list."""

    clicked = Signal()

    def __init__(self, overview: PlanOverview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setContentsMargins(6, 0, 6, 0)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        overview.updated.connect(self.show_snapshot)
        self.show_snapshot(overview.snapshot)

    def show_snapshot(self, snapshot: Snapshot | None) -> None:
        if snapshot is None:
            self.setText("")
            self.setToolTip("")
            return
        self.setText(status_text(snapshot))
        counts: dict[str, int] = {}
        for finding in snapshot.findings:
            counts[finding.severity] = counts.get(finding.severity, 0) + 1
        self.setToolTip(", ".join(self.tr("{count} × {severity}").format(
            count=n, severity=label(SEVERITY_LABELS, severity)) for severity, n in counts.items())
                        or self.tr("No findings"))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.text():
            self.clicked.emit()
        super().mouseReleaseEvent(event)
