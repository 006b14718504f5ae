"""Help ▸ Keyboard Shortcuts: every menu command with its keys, grouped by menu.

Read from the menu bar each time it is shown, never from a list of its own, so
it cannot drift from what the menus do. A search box narrows it by command or key.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

NATIVE = QKeySequence.SequenceFormat.NativeText
# A translation's own mnemonic after the words, as Chinese menus write it: "新建(&N)…".
_MNEMONIC = re.compile(r"\(&[^&\s]\)")


def plain(text: str) -> str:
    """Menu text without its mnemonic ampersands or trailing ellipsis."""
    text = _MNEMONIC.sub("", text)
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.removesuffix("…").removesuffix("...").strip()


@dataclass(frozen=True)
class Entry:
    menu: str  # "View ▸ Zoom To"
    action: QAction

    @property
    def text(self) -> str:
        return plain(self.action.text())

    @property
    def keys(self) -> str:
        return ", ".join(k.toString(NATIVE) for k in self.action.shortcuts())


def menu_entries(bar: QMenuBar) -> Iterator[Entry]:
    """Every command in the menu bar, submenus walked, separators and submenu
    titles left out, in menu order."""

    def walk(menu: QMenu, path: str) -> Iterator[Entry]:
        for action in menu.actions():
            if action.isSeparator():
                continue
            sub = action.menu()
            if sub is not None:
                yield from walk(sub, f"{path} ▸ {plain(action.text())}")
            else:
                yield Entry(path, action)

    for top in bar.actions():
        if top.menu() is not None:
            yield from walk(top.menu(), plain(top.text()))


class ShortcutsDialog(QDialog):
    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.setObjectName("shortcuts_dialog")
        self._bar = bar
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search commands or keys"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Shortcut")])
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._filter)
        self.resize(520, 600)
        self.refresh()

    def refresh(self) -> None:
        """Read the menus again (they may have changed since the last look)."""
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for entry in menu_entries(self._bar):
            group = groups.get(entry.menu)
            if group is None:
                group = QTreeWidgetItem(self.tree, [entry.menu])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[entry.menu] = group
            QTreeWidgetItem(group, [entry.text, entry.keys])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self._filter(self.search.text())

    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            shown = 0
            for j in range(group.childCount()):
                item = group.child(j)
                hit = not wanted or any(wanted in item.text(c).casefold() for c in (0, 1)) \
                    or wanted in group.text(0).casefold()
                item.setHidden(not hit)
                shown += hit
            group.setHidden(shown == 0)

    def visible_rows(self) -> list[tuple[str, str, str]]:
        """(menu, command, keys) of the rows shown now."""
        rows = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group.isHidden():
                continue
            rows += [(group.text(0), group.child(j).text(0), group.child(j).text(1))
                     for j in range(group.childCount()) if not group.child(j).isHidden()]
        return rows
