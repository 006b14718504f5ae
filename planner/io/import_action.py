"""An import as a service: one undoable action, or a refusal that wrote nothing.

`import_file` answers with a report (problems, counts, the action's id), which is
what the CLI prints and the GUI preview lists. An undo command needs what every
mutating service gives instead: a `Done` with the action and what it touched, and
an error when nothing could be done. This wraps the one in the other, so the GUI
pushes an import like any other edit and it undoes in one step.
"""

from __future__ import annotations

from typing import Any

from planner.domain.changes import Done, PlanChanges
from planner.errors import PlannerError
from planner.io.imports import CheckedImport, write_import
from planner.io.problem_words import refusal
from planner.storage import history


class ImportRefused(PlannerError):
    """The file had problems when it was imported for real (it may have changed since
    it was previewed); its first problem is the message, nothing was written."""


def recorded(_plan: Any, done: Done) -> Done:
    """An import a worker already wrote on its own connection, as a service: pushing it
    announces what changed, and undo and redo then work on its action as on any other."""
    return done


def run_import(plan: Any, checked: CheckedImport) -> Done:
    """Write a checked import (`imports.check_import`, done in a worker) as one action.

    :returns: the action and what it touched; no action when every row was unchanged.
    :raises ImportRefused: the file had problems, or the plan changed since the check
        (none of it was written).
    """
    report = write_import(plan, checked)
    if report.problems:
        raise ImportRefused(refusal(report.problems))
    if report.action_id is None:
        return Done(None, PlanChanges())
    return Done(report.action_id, history.touched(plan, report.action_id))
