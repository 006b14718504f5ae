"""Keeps an item view's selected rows and the shared `Selection` in step, both ways.

The tree and the flights table do the same dance: a click selects rows, which
becomes the shared selection (with the clicked row current); a selection made
elsewhere (the calendar, the inspector) selects and scrolls to its rows here.
Rows a filter or an edit hides leave the view's selection without clearing the
planner's: only a click changes what is selected. For that the sync must hear of
rows leaving before the view's selection model does, so it is the sync that gives
the view its model.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
)
from PySide6.QtWidgets import QAbstractItemView

from ui.models.row_order import runs
from ui.selection import Item, Selection

Flag = QItemSelectionModel.SelectionFlag


class SelectionSync(QObject):
    """Sets `proxy` on `view`. `item_of(source_index)` names a source row's item (or
    None); `index_of(item)` finds its source row (column 0), invalid when none."""

    def __init__(self, view: QAbstractItemView, proxy: QSortFilterProxyModel,
                 selection: Selection, owner: QObject,
                 item_of: Callable[[QModelIndex], Item | None],
                 index_of: Callable[[Item], QModelIndex]) -> None:
        super().__init__(owner)
        self._view, self._proxy, self._selection, self._owner = view, proxy, selection, owner
        self._item_of, self._index_of = item_of, index_of
        self._quiet = 0  # >0 while rows move under us or while we select rows ourselves
        for begin, end, after in (
                (proxy.rowsAboutToBeRemoved, proxy.rowsRemoved, False),
                (proxy.layoutAboutToBeChanged, proxy.layoutChanged, True),
                (proxy.modelAboutToBeReset, proxy.modelReset, True)):
            begin.connect(self._hush)
            end.connect(self._reselect if after else self._unhush)
        proxy.rowsInserted.connect(lambda *_args: self._show(scroll=False))
        view.setModel(proxy)  # after the connections above: see the module's docstring
        view.selectionModel().selectionChanged.connect(self._push)
        selection.changed.connect(self._pull)

    # -- view -> shared ------------------------------------------------------------------
    def _push(self, *_args: object) -> None:
        if self._quiet:
            return
        model = self._view.selectionModel()
        current = model.currentIndex().siblingAtColumn(0)
        rows = [i for i in model.selectedRows(0) if i != current]
        if model.isRowSelected(current.row(), current.parent()):
            rows.append(current)  # the clicked row is the current item
        items = (self._item_of(self._proxy.mapToSource(i)) for i in rows)
        self._selection.select((i for i in items if i is not None), self._owner)

    # -- shared -> view ------------------------------------------------------------------
    def _pull(self, source: object) -> None:
        if source is not self._owner:
            self._show(scroll=True)

    def _show(self, *, scroll: bool) -> None:
        shown = [self._proxy.mapFromSource(self._index_of(item))
                 for item in self._selection.items]
        shown = [i for i in shown if i.isValid()]
        chosen = QItemSelection()
        last_column = self._proxy.columnCount() - 1
        by_parent: dict[tuple[int, ...], tuple[QModelIndex, list[int]]] = {}
        for index in shown:
            parent = index.parent()
            by_parent.setdefault(_path(parent), (parent, []))[1].append(index.row())
        for parent, rows in by_parent.values():
            for first, last in runs(rows):
                chosen.select(self._proxy.index(first, 0, parent),
                              self._proxy.index(last, last_column, parent))
        model = self._view.selectionModel()
        self._quiet += 1
        try:
            model.select(chosen, Flag.ClearAndSelect | Flag.Rows)
            if shown:
                model.setCurrentIndex(shown[-1], Flag.NoUpdate)
        finally:
            self._quiet -= 1
        if scroll and shown:
            self._view.scrollTo(shown[-1])

    # -- rows moving -----------------------------------------------------------------------
    def _hush(self, *_args: object) -> None:
        self._quiet += 1

    def _unhush(self, *_args: object) -> None:
        self._quiet -= 1

    def _reselect(self, *_args: object) -> None:
        self._quiet -= 1
        self._show(scroll=False)


def _path(index: QModelIndex) -> tuple[int, ...]:
    """Rows from the root down to `index`: a hashable name for a parent row."""
    path: list[int] = []
    while index.isValid():
        path.append(index.row())
        index = index.parent()
    return tuple(reversed(path))
