"""The one shape every undoable GUI edit has.

The first `redo()` (run by `QUndoStack.push`) calls a planner service and keeps
the id of the action it recorded; every later `undo()`/`redo()` asks the core to
revert or re-apply that action. Nothing is read back from widgets, and the same
reversal works from the CLI and in tests without a window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from planner.domain.changes import PlanChanges
from planner.errors import PlannerError
from planner.storage import history
from ui.i18n import error_message

if TYPE_CHECKING:
    from ui.document import PlanDocument


class ServiceCommand(QUndoCommand):
    """`ServiceCommand(document, "Rename channel", update_channel, channel_id, name=…)`.

    A refused edit (a validation error, a read-only plan, an undo that a later edit
    conflicts with) is reported through the document and the command made obsolete,
    so Qt drops it from the stack instead of leaving an entry that does nothing.
    """

    def __init__(self, document: PlanDocument, text: str, service: Callable[..., Any],
                 *args: Any, **kwargs: Any) -> None:
        super().__init__(text)
        self._document = document
        self._service, self._args, self._kwargs = service, args, kwargs
        self._action_id: str | None = None
        self._created: tuple[str, ...] = ()

    @property
    def action_id(self) -> str | None:
        """The core's id for this edit, once it has been done."""
        return self._action_id

    @property
    def created_ids(self) -> tuple[str, ...]:
        """Records the first run made (a pasted flight, a new campaign), to select them."""
        return self._created

    def redo(self) -> None:
        try:
            if self._action_id is None:
                done = self._document.run(self._service, *self._args, **self._kwargs)
                if done.changes == PlanChanges():
                    # Nothing was written, so the core kept no action to undo.
                    self.setObsolete(True)
                    return
                self._action_id = done.action_id
                self._created = done.created_ids or (
                    (done.created_id,) if done.created_id else ())
            else:
                self._document.run(history.redo, self._action_id)
        except PlannerError as exc:
            self._refuse(exc)

    def undo(self) -> None:
        if self._action_id is None:
            return
        try:
            self._document.run(history.undo, self._action_id)
        except PlannerError as exc:
            self._refuse(exc)

    def _refuse(self, exc: PlannerError) -> None:
        self.setObsolete(True)
        self._document.report(error_message(exc))
