"""An open plan as the editors see it (document, index, selection), without a main
window, so editor tests drive only the widgets they are about."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from planner.storage.plan_file import open_plan
from tests.plan_dump import dump
from ui.document import PlanDocument
from ui.models.plan_index import PlanIndex
from ui.selection import Selection


@dataclass
class Editing:
    document: PlanDocument
    index: PlanIndex
    selection: Selection

    def dump(self) -> dict:
        return dump(self.document.plan.db.conn)


@contextlib.contextmanager
def open_editing(path: Path, *, read_only: bool = False) -> Iterator[Editing]:
    document = PlanDocument()
    index = PlanIndex(document)
    selection = Selection(index)
    document.open(open_plan(path, read_only=read_only))
    try:
        yield Editing(document, index, selection)
    finally:
        document.close()
