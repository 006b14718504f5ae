"""Preview a merge: open the other copy read-only, compare both histories since their
common ancestor, and list every change and conflict. Nothing is written to either file.
"""

from __future__ import annotations

import os
from pathlib import Path

from planner.errors import PlanFileError
from planner.merge.classify import Classifier, foreign_keys
from planner.merge.describe import Words
from planner.merge.model import MergePreview
from planner.merge.sides import action_rows, effective_actions, read_side
from planner.storage.plan_file import Plan, open_plan
from planner.storage.schema import SCHEMA_VERSION


class MergeRefused(PlanFileError):
    """The other file cannot be merged into this plan; neither file was touched."""


def _open_theirs(mine: Plan, theirs_path: Path) -> Plan:
    if theirs_path.exists() and theirs_path.resolve() == mine.path.resolve():
        raise MergeRefused(f"{theirs_path} is the plan itself; choose another copy to merge")
    try:
        theirs = open_plan(theirs_path, read_only=True)
    except PlanFileError as exc:
        raise MergeRefused(f"cannot merge: {exc}") from None
    plan_id = theirs.plan_id
    version = theirs.db.execute("PRAGMA user_version").fetchone()[0]
    if plan_id != mine.plan_id:
        theirs.close()
        raise MergeRefused(
            f"{theirs_path} is a copy of another plan (plan id {plan_id[:8]}…, this "
            f"plan's is {mine.plan_id[:8]}…); only copies of one plan can be merged")
    if version != SCHEMA_VERSION:  # open_plan refuses newer and older read-only opens
        theirs.close()
        raise MergeRefused(f"{theirs_path} is in plan format {version}; open it once to upgrade")
    return theirs


def merge_preview(mine: Plan, theirs_path: str | os.PathLike[str]) -> MergePreview:
    """What merging the copy at `theirs_path` into `mine` would do.

    :raises MergeRefused: the file is missing, damaged, newer, not a plan, or a copy
        of another plan; both files are left untouched.
    """
    theirs_path = Path(theirs_path)
    theirs = _open_theirs(mine, theirs_path)
    try:
        own, other = effective_actions(mine), effective_actions(theirs)
        mine_side = read_side(mine, own, other)
        theirs_side = read_side(theirs, other, own)
        imported = action_rows(theirs, theirs_side.new_actions)
        user = imported[-1].user if imported else theirs_path.stem
        words = Words.load(mine, theirs, [*mine_side.effects.values(),
                                          *theirs_side.effects.values()], user)
        classifier = Classifier(mine, mine_side.effects, theirs_side.effects, words)
        classifier.run(foreign_keys(mine))
    finally:
        theirs.close()
    head = mine.db.execute("SELECT id FROM actions ORDER BY seq DESC LIMIT 1").fetchone()
    return MergePreview(
        mine_path=mine.path, theirs_path=theirs_path, plan_id=mine.plan_id, theirs_user=user,
        mine_head=head[0] if head else None, shared_actions=mine_side.shared,
        items=tuple(classifier.items), conflicts=tuple(classifier.conflicts),
        theirs_actions=imported)
