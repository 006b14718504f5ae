"""The plan's summary and health findings, computed once per change for every view.

The summary panel, the health dock, the status bar and the window title all
show parts of the same picture; computing it here once per edit keeps them in
agreement and reads the plan once, not once per view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from planner.domain.changes import PlanChanges
from planner.domain.entities import PlanSettings
from planner.domain.money import format_money
from planner.services import health
from planner.services.frames import load
from planner.services.health import Finding
from planner.services.summary import summarise_frames
from ui.document import PlanDocument


@dataclass(frozen=True)
class Snapshot:
    """Plain values, safe to keep after the plan is closed."""

    path: str
    read_only: bool
    settings: PlanSettings
    summary: dict[str, Any]
    findings: tuple[Finding, ...]

    @property
    def currency(self) -> str:
        return self.settings.currency

    def money(self, minor: int) -> str:
        return format_money(int(minor), self.settings.currency)

    @property
    def brand_share(self) -> float | None:
        return self.summary["brand_share"]

    @property
    def brand_in_range(self) -> bool:
        share = self.brand_share
        if share is None:
            return True
        s = self.settings
        return s.brand_share_min_bp <= share * 10000 <= s.brand_share_max_bp


class PlanOverview(QObject):
    """Listens to the document; `updated` fires with a fresh `Snapshot` (or None
    when no plan is open)."""

    updated = Signal(object)

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.snapshot: Snapshot | None = None
        document.opened.connect(self.refresh)
        document.changed.connect(self._on_changed)
        document.closed.connect(self._on_closed)

    def refresh(self) -> None:
        if not self._document.is_open:
            self._on_closed()
            return
        plan = self._document.plan
        frames = load(plan)
        self.snapshot = Snapshot(
            path=str(plan.path),
            read_only=plan.read_only,
            settings=frames.settings,
            summary=summarise_frames(frames),
            findings=tuple(health.check_frames(frames)),
        )
        self.updated.emit(self.snapshot)

    def _on_changed(self, changes: PlanChanges) -> None:
        # Every table feeds a total, a count or a health rule, so any change redraws.
        if changes != PlanChanges():
            self.refresh()

    def _on_closed(self) -> None:
        self.snapshot = None
        self.updated.emit(None)
