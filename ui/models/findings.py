"""Plan health findings as a list model: worst first, each with its severity's icon.

Findings carry the ids of the records they concern (`ID_ROLE`), so a later
inspector or calendar can select them from here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from planner.services.health import Finding
from ui.i18n import translated
from ui.models.vocabulary import RULE_LABELS, SEVERITY_LABELS, label
from ui.theme import colours

Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 2

_SEVERITY_ICONS = {
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}


def severity_icon(severity: str) -> QIcon:
    pixmap = _SEVERITY_ICONS.get(severity, QStyle.StandardPixmap.SP_MessageBoxInformation)
    return QApplication.style().standardIcon(pixmap)


class FindingsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []
        self._icons: dict[str, QIcon] = {}

    def set_findings(self, findings: list[Finding] | tuple[Finding, ...]) -> None:
        self.beginResetModel()
        self._findings = list(findings)
        self.endResetModel()

    def finding(self, row: int) -> Finding:
        return self._findings[row]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for f in self._findings:
            out[f.severity] = out.get(f.severity, 0) + 1
        return out

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._findings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        f = self._findings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return translated(f.message)
        if role == Qt.ItemDataRole.DecorationRole:
            if f.severity not in self._icons:
                self._icons[f.severity] = severity_icon(f.severity)
            return self._icons[f.severity]
        if role == Qt.ItemDataRole.ForegroundRole and f.severity == "error":
            return QBrush(colours().bad)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{label(SEVERITY_LABELS, f.severity)} · {label(RULE_LABELS, f.rule)}" \
                f"\n{translated(f.message)}"
        if role == ID_ROLE:
            return list(f.object_ids)
        if role == SEVERITY_ROLE:
            return f.severity
        return None
