"""What a merge preview holds: every change, every conflict, and the writes behind them.

The preview is plain frozen data: the CLI prints it, the GUI lists it, and
`apply_merge` writes exactly the operations it carries, nothing it works out anew.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from planner.domain.changes import Done
from planner.merge.sides import ActionRow
from planner.services.health import Finding

SIDES = ("mine", "theirs")


@dataclass(frozen=True)
class RowOp:
    """One write to this copy: insert a whole row, set some fields, or delete."""

    table: str
    row_id: str
    op: str  # "insert" | "update" | "delete"
    values: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class MergeItem:
    """A change that is not a conflict.

    :param side: "mine" (made only here: already in this copy), "theirs" (made only in
        the other copy: `ops` bring it in) or "same" (both made it alike).
    """

    side: str
    table: str
    row_id: str
    what: str  # "added" | "deleted" | "edited"
    fields: tuple[str, ...]
    text: str
    ops: tuple[RowOp, ...] = ()


@dataclass(frozen=True)
class Conflict:
    """Both copies changed one thing differently: the planner picks a side.

    :param kind: "field" (a field, or a field group such as a flight's dates, set to
        different values), "edit_delete" (edited on one side, deleted on the other) or
        "deleted_parent" (a campaign, channel… deleted on one side while the other added
        or changed records under it).
    :param key: stable name of the conflict, the key of `choices`.
    :param rows: the records concerned, (table, row id), the first being the subject.
    """

    key: str
    kind: str
    rows: tuple[tuple[str, str], ...]
    fields: tuple[str, ...]
    subject: str
    field_label: str
    mine: str
    theirs: str
    text: str
    if_mine: tuple[RowOp, ...]
    if_theirs: tuple[RowOp, ...]

    def ops(self, choice: str) -> tuple[RowOp, ...]:
        return self.if_mine if choice == "mine" else self.if_theirs


@dataclass(frozen=True)
class MergePreview:
    """Everything merging `theirs_path` into `mine_path` would do."""

    mine_path: Path
    theirs_path: Path
    plan_id: str
    theirs_user: str
    mine_head: str | None  # the latest action in this copy when previewed
    shared_actions: int
    items: tuple[MergeItem, ...]
    conflicts: tuple[Conflict, ...]
    theirs_actions: tuple[ActionRow, ...]

    def side(self, name: str) -> tuple[MergeItem, ...]:
        return tuple(item for item in self.items if item.side == name)

    @property
    def nothing_to_do(self) -> bool:
        """No change to take, no conflict to choose: applying writes no record."""
        return not self.conflicts and not any(item.ops for item in self.items)

    def as_json(self) -> dict[str, object]:
        """For `--json` and tests: the preview in plain values, without the writes."""
        def plain(obj: MergeItem | Conflict) -> dict[str, object]:
            data = asdict(obj)
            for name in ("ops", "if_mine", "if_theirs"):
                data.pop(name, None)
            return data

        return {
            "mine": str(self.mine_path), "theirs": str(self.theirs_path),
            "plan_id": self.plan_id, "theirs_user": self.theirs_user,
            "shared_actions": self.shared_actions,
            "new_actions_in_theirs": len(self.theirs_actions),
            "changes": [plain(item) for item in self.items],
            "conflicts": [plain(c) for c in self.conflicts],
        }


@dataclass(frozen=True)
class MergeDone(Done):
    """A merge's `Done` (its action undoes the whole merge), with the plan re-checked:
    `findings` lists the findings the merge created first; `created` holds just those."""

    findings: tuple[Finding, ...] = ()
    created: tuple[Finding, ...] = ()
    backup: Path | None = None
