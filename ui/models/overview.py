"""The plan's summary and health findings, computed once per change for every view.

The summary panel, the health dock, the status bar and the window title all
show parts of the same picture; computing it here once per edit keeps them in
agreement and reads the plan once, not once per view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal

from planner.domain.changes import PlanChanges
from planner.domain.entities import PlanSettings
from planner.services import health
from planner.services.frames import load
from planner.services.health import Finding
from planner.services.summary import summarise_frames
from planner.storage.plan_file import reader
from ui.document import PlanDocument
from ui.formatting import format_money
from ui.workers.recompute import Recompute


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


def compute(_worker: object, path: str, read_only: bool) -> Snapshot:
    """On a pool thread, with a connection of its own: a 5,000-flight plan takes
    about half a second to check, which the GUI thread must never wait for."""
    with reader(path) as plan:
        frames = load(plan)
    return Snapshot(path=path, read_only=read_only, settings=frames.settings,
                    summary=summarise_frames(frames),
                    findings=tuple(health.check_frames(frames)))


class PlanOverview(QObject):
    """Listens to the document; `updated` fires with a fresh `Snapshot` (or None
    when no plan is open).

    Edits coming faster than the check runs are coalesced by a `Recompute`: one
    computation at a time, and one more after it when anything changed meanwhile. A
    result that arrives after its plan was closed is dropped.
    """

    updated = Signal(object)
    idle = Signal()  # every change so far is in the snapshot

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._computer = Recompute(compute, "plan overview", self)
        self._computer.computed.connect(self._computed)
        self._computer.idle.connect(self.idle)
        self.snapshot: Snapshot | None = None
        document.opened.connect(self.refresh)
        document.changed.connect(self._on_changed)
        document.closed.connect(self._on_closed)

    @property
    def busy(self) -> bool:
        """A computation is running or queued: the snapshot may be behind the file."""
        return self._computer.busy

    def refresh(self) -> None:
        if not self._document.is_open:
            self._on_closed()
            return
        self._computer.request(str(self._document.plan.path), self._document.read_only)

    def wait(self, timeout_ms: int = 30_000) -> None:
        """Run events until the snapshot matches the file (start-up screenshots, tests)."""
        if not self.busy:
            return
        loop = QEventLoop()
        self.idle.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        try:
            loop.exec()
        finally:
            self.idle.disconnect(loop.quit)

    def _computed(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.updated.emit(snapshot)

    def _on_changed(self, changes: PlanChanges) -> None:
        # Every table feeds a total, a count or a health rule, so any change redraws.
        if changes != PlanChanges():
            self.refresh()

    def _on_closed(self) -> None:
        self._computer.forget()
        self.snapshot = None
        self.updated.emit(None)

    def shutdown(self) -> None:
        self._computer.shutdown()
