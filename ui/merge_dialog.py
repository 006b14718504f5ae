"""File ▸ Merge a Copy…: the preview as a three-column list, a side chosen per conflict.

The list shows exactly what `apply_merge` will write: the conflicts first (each with
"here" and "in the copy" values; clicking a value chooses it), then the changes
taken without a choice, grouped by where they were made. Nothing is merged until
every conflict has a side, since for money a silent winner is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from planner.merge import Conflict, MergeItem, MergePreview
from ui.i18n import translated

Index = QModelIndex | QPersistentModelIndex

FIELD, MINE, THEIRS = range(3)
SIDE_OF_COLUMN = {MINE: "mine", THEIRS: "theirs"}
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # a conflict row's key, for tests and tools


@dataclass(frozen=True)
class _Group:
    title: str
    rows: tuple[Conflict, ...] | tuple[MergeItem, ...]


class MergeModel(QAbstractItemModel):
    """Groups (conflicts, only here, only in the copy, alike) with their rows beneath.

    A child's internal id is its group's number plus one; a group's is 0.
    """

    choices_changed = Signal()

    def __init__(self, preview: MergePreview, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._preview = preview
        self._choices: dict[str, str] = {}
        user = preview.theirs_user
        groups = (
            (self.tr("Conflicts: choose a side (%n)", "", len(preview.conflicts)),
             preview.conflicts),
            (self.tr("Changed only in %1's copy: taken (%n)", "", len(preview.side("theirs")))
             .replace("%1", user), preview.side("theirs")),
            (self.tr("Changed only here: kept (%n)", "", len(preview.side("mine"))),
             preview.side("mine")),
            (self.tr("Changed alike in both (%n)", "", len(preview.side("same"))),
             preview.side("same")),
        )
        self._groups = [_Group(title, rows) for title, rows in groups if rows]
        self._headers = (self.tr("Change"), self.tr("Here (mine)"),
                         self.tr("In %1's copy (theirs)").replace("%1", user))
        self._words = {"mine": self.tr("changed here, kept"),
                       "theirs": self.tr("changed there, taken"),
                       "same": self.tr("same change")}
        self._bold = QFont()
        self._bold.setBold(True)

    # -- choices ----------------------------------------------------------------------
    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        return self._preview.conflicts

    def choices(self) -> dict[str, str]:
        """Conflict key -> "mine" | "theirs", as `apply_merge` takes them."""
        return dict(self._choices)

    def complete(self) -> bool:
        return len(self._choices) == len(self._preview.conflicts)

    def choose(self, key: str, side: str) -> None:
        if side not in ("mine", "theirs") or self._choices.get(key) == side:
            return
        self._choices[key] = side
        row = next(i for i, c in enumerate(self._preview.conflicts) if c.key == key)
        parent = self.index(0, 0)
        self.dataChanged.emit(self.index(row, MINE, parent), self.index(row, THEIRS, parent))
        self.choices_changed.emit()

    def choose_all(self, side: str) -> None:
        if not self._preview.conflicts:
            return
        self._choices = {c.key: side for c in self._preview.conflicts}
        parent = self.index(0, 0)
        last = len(self._preview.conflicts) - 1
        self.dataChanged.emit(self.index(0, MINE, parent), self.index(last, THEIRS, parent))
        self.choices_changed.emit()

    def conflict_at(self, index: Index) -> Conflict | None:
        row = self._row(index)
        return row if isinstance(row, Conflict) else None

    def _row(self, index: Index) -> Conflict | MergeItem | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1].rows[index.row()]

    # -- tree structure ---------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()].rows)
        return 0

    def columnCount(self, _parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != FIELD and self.conflict_at(index) is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    # -- cells ------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(index, role)
        row = self._row(index)
        if isinstance(row, Conflict):
            return self._conflict_data(row, index.column(), role)
        assert row is not None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._item_cell(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return translated(row.text)
        return None

    def _group_data(self, index: Index, role: int) -> Any:
        if index.column() != FIELD:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._groups[index.row()].title
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        return None

    def _conflict_data(self, conflict: Conflict, column: int, role: int) -> Any:
        chosen = self._choices.get(conflict.key)
        side = SIDE_OF_COLUMN.get(column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == FIELD:
                return translated(conflict.subject) if conflict.kind != "field" \
                    else self.tr("%1: %2").replace("%1", translated(conflict.subject)).replace(
                        "%2", translated(conflict.field_label))
            return translated(conflict.mine if side == "mine" else conflict.theirs)
        if role == Qt.ItemDataRole.CheckStateRole and side is not None:
            return Qt.CheckState.Checked if chosen == side else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and side is not None and chosen == side:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return translated(conflict.text)
        if role == KEY_ROLE:
            return conflict.key
        return None

    def _item_cell(self, item: MergeItem, column: int) -> str:
        if column == FIELD:
            return translated(item.text)
        side = SIDE_OF_COLUMN[column]
        return self._words[item.side] if item.side in (side, "same") else ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Checking a value chooses its side; unchecking does nothing (a conflict keeps
        one side once chosen: pick the other value to change it)."""
        conflict = self.conflict_at(index)
        side = SIDE_OF_COLUMN.get(index.column())
        if role != Qt.ItemDataRole.CheckStateRole or conflict is None or side is None:
            return False
        if Qt.CheckState(value) != Qt.CheckState.Checked:
            return False
        self.choose(conflict.key, side)
        return True


class MergeDialog(QDialog):
    """The merge preview; `choices()` once accepted. "Merge" waits for every conflict."""

    def __init__(self, preview: MergePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge a copy"))
        self.resize(900, 560)
        self.preview = preview
        self.model = MergeModel(preview, self)
        self.summary = QLabel(self._summary())
        self.summary.setWordWrap(True)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QTreeView.SelectionBehavior.SelectItems)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MINE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(THEIRS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(MINE, 220)
        header.resizeSection(THEIRS, 220)
        self.view.expandAll()
        self.view.clicked.connect(self._clicked)

        self.take_mine = QPushButton(self.tr("Take all &mine"))
        self.take_theirs = QPushButton(self.tr("Take all &theirs"))
        self.take_mine.clicked.connect(lambda: self.model.choose_all("mine"))
        self.take_theirs.clicked.connect(lambda: self.model.choose_all("theirs"))
        self.progress = QLabel()
        choosing = QHBoxLayout()
        choosing.addWidget(self.take_mine)
        choosing.addWidget(self.take_theirs)
        choosing.addStretch(1)
        choosing.addWidget(self.progress)
        for button in (self.take_mine, self.take_theirs):
            button.setEnabled(bool(preview.conflicts))
            button.setAutoDefault(False)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(self.tr("&Merge"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(choosing)
        layout.addWidget(self.buttons)
        self.model.choices_changed.connect(self._update)
        self._update()

    def choices(self) -> dict[str, str]:
        """Conflict key -> "mine" | "theirs", for `apply_merge`."""
        return self.model.choices()

    def _summary(self) -> str:
        p = self.preview
        text = self.tr("Merging %1 (%2's copy) into %3: %4 change(s) to take, %5 conflict(s).")
        for mark, value in (("%1", p.theirs_path.name), ("%2", p.theirs_user),
                            ("%3", p.mine_path.name), ("%4", str(len(p.side("theirs")))),
                            ("%5", str(len(p.conflicts)))):
            text = text.replace(mark, value)
        return text

    def _clicked(self, index: QModelIndex) -> None:
        """Clicking a conflict's value (not only its box) chooses it."""
        conflict = self.model.conflict_at(index)
        side = SIDE_OF_COLUMN.get(index.column())
        if conflict is not None and side is not None:
            self.model.choose(conflict.key, side)

    def _update(self) -> None:
        total = len(self.preview.conflicts)
        chosen = len(self.model.choices())
        self.merge_button.setEnabled(self.model.complete())
        self.progress.setText(self.tr("%1 of %2 conflicts chosen")
                              .replace("%1", str(chosen)).replace("%2", str(total))
                              if total else "")
