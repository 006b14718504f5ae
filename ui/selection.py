"""What the planner has selected, shared by the calendar, tree, table and inspector.

One object holds it so that selecting a bar selects its tree row and shows it
in the inspector, whichever view the click came from. Items are (kind, id)
pairs, kind "flight" or "campaign"; the last item is the current one. Views pass
themselves as `source` and ignore the echo of their own change.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from planner.domain.changes import PlanChanges
from ui.models.plan_index import PlanIndex

Item = tuple[str, str]
KINDS = ("flight", "campaign")


class Selection(QObject):
    """`changed(source)` after the items changed; `source` is who changed them."""

    changed = Signal(object)

    def __init__(self, index: PlanIndex, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._index = index
        self._items: tuple[Item, ...] = ()
        index.reset.connect(lambda: self.select((), None))
        index.changed.connect(self._prune)

    @property
    def items(self) -> tuple[Item, ...]:
        return self._items

    @property
    def flight_ids(self) -> list[str]:
        return [i for kind, i in self._items if kind == "flight"]

    @property
    def campaign_ids(self) -> list[str]:
        return [i for kind, i in self._items if kind == "campaign"]

    @property
    def current(self) -> Item | None:
        return self._items[-1] if self._items else None

    def select(self, items: Iterable[Item], source: object = None) -> None:
        chosen = tuple(dict.fromkeys(items))
        for kind, _ in chosen:
            if kind not in KINDS:
                raise ValueError(f"unknown selection kind {kind!r}")
        if chosen != self._items:
            self._items = chosen
            self.changed.emit(source)

    def select_flights(self, flight_ids: Iterable[str], source: object = None) -> None:
        self.select((("flight", i) for i in flight_ids), source)

    def clear(self, source: object = None) -> None:
        self.select((), source)

    def _prune(self, changes: PlanChanges) -> None:
        """Deleted records leave the selection (an undone paste, a deleted flight)."""
        if not (changes.flights or changes.campaigns):
            return
        tables = {"flight": self._index.flights, "campaign": self._index.campaigns}
        kept = tuple(item for item in self._items if item[1] in tables[item[0]])
        if kept != self._items:
            self.select(kept, None)
