"""A list of channels, segments or events with Add, Edit, Duplicate and Delete.

Every button is one command pushed at once on the document's undo stack, so
the main window's Undo reverses it even while the settings dialog is open.
Add and Edit open their form in a window-modal dialog (`editor`) that writes
only on OK.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.changes import PlanChanges
from ui.commands.base import ServiceCommand
from ui.document import PlanDocument
from ui.editors.dialogs import FormDialog
from ui.editors.edits import changed_fields, edit_command
from ui.editors.form import RecordForm
from ui.models.plan_index import PlanIndex

ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Catalogue:
    """One kind of record the tab lists, its form, its services and its words."""

    table: str  # the PlanChanges field and PlanIndex dict holding the records
    describe: Callable[[Any], str]
    form: Callable[[PlanIndex], RecordForm]
    create: Callable[..., Any]
    update: Callable[..., Any]
    duplicate: Callable[..., Any]
    delete: Callable[..., Any]
    add_text: str
    edit_text: str
    duplicate_text: str
    delete_text: str


class CatalogueTab(QWidget):
    def __init__(self, document: PlanDocument, index: PlanIndex, catalogue: Catalogue,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document, self._index, self._catalogue = document, index, catalogue
        self.editor: FormDialog | None = None
        self.list = QListWidget()
        self.list.itemDoubleClicked.connect(lambda _item: self.edit())
        self.list.currentItemChanged.connect(lambda *_args: self._enable())
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.duplicate_button.clicked.connect(self.duplicate)
        self.delete_button.clicked.connect(self.delete)
        self._buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.duplicate_button,
                       self.delete_button):
            self._buttons.addWidget(button)
        self._buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(self._buttons)
        index.changed.connect(self._refresh)
        index.reset.connect(self.reload)
        self.reload()

    def add_button_widget(self, button: QPushButton) -> None:
        """An extra action for this list (the events tab's festival calendar)."""
        self._buttons.insertWidget(self._buttons.count() - 1, button)

    @property
    def records(self) -> dict[str, Any]:
        return getattr(self._index, self._catalogue.table)

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def select(self, record_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == record_id:
                self.list.setCurrentRow(row)

    # -- the buttons -----------------------------------------------------------------------
    def add(self) -> None:
        self._open(None, self._catalogue.add_text)

    def edit(self) -> None:
        record_id = self.current_id()
        if record_id is not None:
            self._open(self.records[record_id], self._catalogue.edit_text)

    def duplicate(self) -> None:
        record_id = self.current_id()
        if record_id is not None:
            self._document.push(ServiceCommand(self._document, self._catalogue.duplicate_text,
                                               self._catalogue.duplicate, record_id))

    def delete(self) -> None:
        record_id = self.current_id()
        if record_id is not None:
            self._document.push(ServiceCommand(self._document, self._catalogue.delete_text,
                                               self._catalogue.delete, record_id))

    def _open(self, record: Any, title: str) -> None:
        form = self._catalogue.form(self._index)
        dialog = FormDialog(form, title, self)
        form.load(record)
        dialog.accepted.connect(lambda: self._save(record, dialog.values()))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.editor = dialog
        dialog.open()

    def _save(self, record: Any, values: dict[str, Any]) -> None:
        catalogue = self._catalogue
        if record is None:
            command = ServiceCommand(self._document, catalogue.add_text, catalogue.create,
                                     **values)
        else:
            command = edit_command(self._document, catalogue.edit_text, catalogue.update,
                                   record.id, changed_fields(record, values))
        if command is not None:
            self._document.push(command)

    def _closed(self, dialog: FormDialog) -> None:
        if self.editor is dialog:
            self.editor = None
        dialog.deleteLater()

    # -- keeping in step -------------------------------------------------------------------
    def _refresh(self, changes: PlanChanges) -> None:
        if getattr(changes, self._catalogue.table):
            self.reload()

    def reload(self) -> None:
        chosen = self.current_id()
        self.list.clear()
        for record_id, record in self.records.items():
            item = QListWidgetItem(self._catalogue.describe(record))
            item.setData(ID_ROLE, record_id)
            self.list.addItem(item)
        if chosen is not None:
            self.select(chosen)
        self._enable()

    def _enable(self) -> None:
        writable = self._index.is_open and not self._document.read_only
        chosen = self.current_id() is not None
        self.add_button.setEnabled(writable)
        for button in (self.edit_button, self.duplicate_button, self.delete_button):
            button.setEnabled(writable and chosen)
