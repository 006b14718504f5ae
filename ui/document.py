"""The open plan as the GUI sees it: one `Plan`, one undo stack, change signals.

Views never call services or hold the connection themselves: they ask the
document to `run` a service and redraw from `changed(PlanChanges)`, as Anki's
screens redraw from the `OpChanges` an operation returns. Undo and redo live in
the core (`planner.storage.history`); the `QUndoStack` here only keeps the
order of the commands pushed in this session and makes the menu text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.domain.changes import Done, PlanChanges
from planner.storage.plan_file import Plan


class NoPlanOpen(RuntimeError):
    """A programming error: something ran a service with no plan open."""


class PlanDocument(QObject):
    """Owns the open `Plan` (closing it releases the file's write lock)."""

    changed = Signal(object)  # PlanChanges
    opened = Signal(str)  # path
    closed = Signal()
    failed = Signal(str)  # a one-line message from an edit that was refused

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plan: Plan | None = None
        self.undo_stack = QUndoStack(self)

    # -- state ----------------------------------------------------------------------
    @property
    def plan(self) -> Plan:
        if self._plan is None:
            raise NoPlanOpen("no plan is open")
        return self._plan

    @property
    def is_open(self) -> bool:
        return self._plan is not None

    @property
    def path(self) -> Path | None:
        return self._plan.path if self._plan is not None else None

    @property
    def read_only(self) -> bool:
        return self._plan is not None and self._plan.read_only

    # -- lifecycle ------------------------------------------------------------------
    def open(self, plan: Plan) -> None:
        """Take over an already opened plan, closing the previous one.

        Opening is never an undoable step, so the undo stack starts empty.
        """
        if self._plan is not None:
            self.close()
        self._plan = plan
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.opened.emit(str(plan.path))

    def close(self) -> None:
        if self._plan is None:
            return
        plan, self._plan = self._plan, None
        self.undo_stack.clear()
        try:
            plan.close()
        finally:
            self.closed.emit()

    # -- running services -----------------------------------------------------------
    def run(self, service: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Call `service(plan, *args, **kwargs)`; when it returns a `Done`, broadcast
        what it touched. Errors propagate: the caller knows how to word them."""
        result = service(self.plan, *args, **kwargs)
        if isinstance(result, Done) and result.changes != PlanChanges():
            self.changed.emit(result.changes)
        return result

    def push(self, command: QUndoCommand) -> None:
        """Do an edit through the undo stack (its first `redo` runs the service)."""
        self.undo_stack.push(command)

    def report(self, message: str) -> None:
        """An edit was refused (read-only plan, undo conflict): let the window say so."""
        self.failed.emit(message)
