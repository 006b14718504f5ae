"""File ▸ Open Recent: the plans opened last, refilled each time it opens."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMenu, QWidget

from ui import settings


class RecentMenu(QMenu):
    """Plans that no longer exist stay listed but greyed out, so a planner sees that a
    file moved rather than wondering where it went."""

    def __init__(self, title: str, open_path: Callable[[Path], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._open_path = open_path
        self.aboutToShow.connect(self.refill)
        self.refill()

    def refill(self) -> None:
        self.clear()
        files = settings.recent_files()
        for number, name in enumerate(files, start=1):
            path = Path(name)
            action = self.addAction(f"&{number} {path.name}")
            action.setToolTip(name)
            action.setStatusTip(name)
            action.setEnabled(path.exists())
            action.triggered.connect(lambda _checked=False, p=path: self._open_path(p))
        if files:
            self.addSeparator()
            self.addAction(self.tr("Clear Menu"), settings.clear_recent)
        self.setEnabled(bool(files))
