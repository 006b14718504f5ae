"""Errors a planner can act on.

Every exception here is a *user* error: its message is one line that names what
was wrong and where, so the CLI can print it and exit 1 and the GUI can show it
in a dialog, without a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


class PlannerError(Exception):
    """Base of all errors whose message is meant for the planner."""


class PlanFileError(PlannerError):
    """A plan file that cannot be opened as it is; it has not been touched."""


class MissingPlanFile(PlanFileError):
    pass


class NotAPlanFile(PlanFileError):
    pass


class ForeignPlanFile(PlanFileError):
    pass


class NewerPlanFile(PlanFileError):
    pass


class CorruptPlanFile(PlanFileError):
    pass


class PlanExists(PlanFileError):
    pass


@dataclass(frozen=True)
class LockHolder:
    """Who holds a plan open for writing: enough for a planner to go and ask."""

    pid: int
    host: str
    user: str
    since: str

    def describe(self) -> str:
        return f"{self.user} on {self.host} (process {self.pid}) since {self.since}"


class PlanLocked(PlanFileError):
    def __init__(self, path: str, holder: LockHolder) -> None:
        super().__init__(
            f"{path} is open for writing by {holder.describe()}; open it read-only instead"
        )
        self.path = path
        self.holder = holder


class ReadOnlyPlan(PlannerError):
    pass


class ValidationError(PlannerError):
    """A value a planner typed or imported that the plan cannot take."""

    def __init__(self, field: str, value: object, reason: str) -> None:
        super().__init__(f"{field}: {reason} (got {value!r})")
        self.field = field
        self.value = value
        self.reason = reason


class NotFound(PlannerError):
    pass


class UndoConflict(PlannerError):
    pass
