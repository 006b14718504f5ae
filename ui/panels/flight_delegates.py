"""Cell editors for the flights table: channels from a list, dates from a calendar.

A planner picks a channel by name (the model stores its id) and a date from a
calendar popup, so neither can be mistyped; money and text keep the plain line
edit, whose text the model parses and refuses when it is not an amount.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.formatting import date_pattern
from ui.models.flight_cells import Column
from ui.models.plan_index import PlanIndex

Index = QModelIndex | QPersistentModelIndex
EDIT = Qt.ItemDataRole.EditRole


class FlightCellDelegate(QStyledItemDelegate):
    def __init__(self, index: PlanIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._index = index

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        column = index.column()
        if column == Column.CHANNEL:
            combo = QComboBox(parent)
            for channel in self._index.channels.values():  # in lane order
                combo.addItem(channel.name, channel.id)
            return combo
        if column in (Column.START, Column.END):
            editor = QDateEdit(parent)
            editor.setCalendarPopup(True)
            editor.setDisplayFormat(date_pattern())
            return editor
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(EDIT))))
        elif isinstance(editor, QDateEdit):
            editor.setDate(index.data(EDIT))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), EDIT)
        elif isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), EDIT)
        else:
            super().setModelData(editor, model, index)
