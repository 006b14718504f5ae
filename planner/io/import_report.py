"""What an import found and did: every problem located, and the counts.

A report is the one answer every import gives (CLI, GUI preview, tests): a list of
:class:`Problem` naming file, sheet, row, column, the value and why, so a planner
can fix the whole file in one pass instead of one error per attempt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One reason the file cannot be imported; row and column are as a spreadsheet
    shows them (row 1 is the header, columns by header name), or None for the file."""

    file: str
    reason: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: Any = None

    def describe(self) -> str:
        """File, sheet, row, column, the value (clipped) and why, in one line."""
        from planner.io.problem_words import described  # its words name these fields

        return described(self)


@dataclass
class ImportReport:
    """The outcome of :func:`planner.io.imports.import_file`.

    :ivar added: records to add (or added), per table name.
    :ivar updated: existing records to change (or changed), per table name.
    :ivar action_id: the undoable action, when something was written.
    """

    file: str
    kind: str
    dry_run: bool = False
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0
    action_id: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def problem(self, reason: str, **where: Any) -> None:
        self.problems.append(Problem(self.file, reason, **where))

    def count(self, table: str, *, new: bool) -> None:
        target = self.added if new else self.updated
        target[table] = target.get(table, 0) + 1

    def summary(self) -> str:
        """One line: what was (or would be) done, or how many problems stop it."""
        if self.problems:
            return (f"{self.file}: {len(self.problems)} problem(s); nothing was imported")
        verb = "would add" if self.dry_run else "added"
        parts = [f"{n} {t}" for t, n in self.added.items() if n]
        text = f"{self.file}: {verb} {', '.join(parts) or 'nothing'}"
        changed = [f"{n} {t}" for t, n in self.updated.items() if n]
        if changed:
            text += f"; {'would update' if self.dry_run else 'updated'} {', '.join(changed)}"
        if self.unchanged:
            text += f"; {self.unchanged} unchanged"
        return text
