"""The base of every record form: inline messages, validity, committed fields.

A form is the widget both a dialog and the inspector show, so a record is edited
the same way wherever it is opened. On every keystroke it reads its widgets,
builds the record they describe and runs the core's own check on it
(`planner.domain.validate.check`): the message under a field is the core's
reason, so the GUI can never accept what the service would refuse, or the other
way round. A dialog enables OK from `validity_changed`; the inspector writes on
`committed` (a field was finished) when the form is valid.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner.domain import validate
from planner.errors import ValidationError
from ui.editors.widgets import ColourButton, parse_count, parse_money, select_data, set_date
from ui.i18n import translated
from ui.models.plan_index import PlanIndex
from ui.theme import PALETTE_EVENTS, colours


@dataclass
class Problems:
    """What is wrong with the input, by the core's field names ("flight.end").

    Errors block saving; warnings (a flight outside the plan horizon) are only
    shown. The first message for a field wins: it is the one to fix first.
    """

    errors: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)

    def error(self, name: str, message: str) -> None:
        self.errors.setdefault(name, message)

    def warn(self, name: str, message: str) -> None:
        self.warnings.setdefault(name, message)


class RecordForm(QWidget):
    """Subclasses build rows with `_row`, then implement `_fill`, `_read` and `_build`.

    `_read(problems)` returns the widgets' values (recording what cannot be parsed,
    with a stand-in value), `_build(values)` the entity those values make, and
    `_extra(values, problems)` any check the entity alone cannot make (references,
    soft warnings).
    """

    validity_changed = Signal(bool)
    committed = Signal()

    def __init__(self, index: PlanIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._index = index
        self._record: Any = None
        self._loading = False
        self._valid = False
        self._dirty: set[QWidget] = set()
        self._messages: dict[str, QLabel] = {}
        self._layout = QFormLayout(self)
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.general_message = MessageLabel()

    # -- for the dialog and the inspector -----------------------------------------------
    @property
    def record(self) -> Any:
        """The record being edited; None while making a new one."""
        return self._record

    @property
    def currency(self) -> str:
        settings = self._index.settings
        return settings.currency if settings is not None else "CNY"

    def is_valid(self) -> bool:
        return self._valid

    def message(self, name: str) -> QLabel:
        """The label showing messages for a core field name (tests read it)."""
        return self._messages.get(name, self.general_message)

    def values(self) -> dict[str, Any]:
        """The typed values, named as the services' keyword arguments."""
        return self._read(Problems())

    def load(self, record: Any, *, preset: dict[str, Any] | None = None,
             keep_dirty: bool = False) -> None:
        """Show `record` (None: a new one, from `preset`).

        With `keep_dirty`, fields the planner has typed in but not yet committed keep
        their text: a refresh after an edit elsewhere must not eat their typing.
        """
        skip = frozenset(self._dirty) if keep_dirty else frozenset()
        if not keep_dirty:
            self._dirty.clear()
        self._record = record
        with self.quiet():
            self._fill(record, preset or {}, skip)
        self.revalidate()

    def mark_clean(self) -> None:
        """The typed values were written: the next refresh may replace every field."""
        self._dirty.clear()

    def revalidate(self) -> bool:
        problems = Problems()
        values = self._read(problems)
        try:
            validate.check(self._build(values))
        except ValidationError as exc:
            problems.error(exc.field, translated(exc.reason))
        self._extra(values, problems)
        self._show(problems)
        valid = not problems.errors
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)
        return valid

    # -- for subclasses ------------------------------------------------------------------
    def _fill(self, record: Any, preset: dict[str, Any], skip: frozenset[QWidget]) -> None:
        raise NotImplementedError

    def _read(self, problems: Problems) -> dict[str, Any]:
        raise NotImplementedError

    def _build(self, values: dict[str, Any]) -> Any:
        raise NotImplementedError

    def _extra(self, values: dict[str, Any], problems: Problems) -> None:
        """Checks beyond the entity's own; none by default."""

    def _changed(self, widget: QWidget) -> None:
        """A field changed by the planner: keep dependent fields in step."""

    def _row(self, label: str, widget: QWidget, *names: str) -> QWidget:
        """A labelled field with its message line under it, for the core's `names`."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        message = MessageLabel()
        column.addWidget(message)
        for name in names:
            self._messages[name] = message
        self._layout.addRow(label, box)
        caption = self._layout.labelForField(box)
        if isinstance(caption, QLabel):
            caption.setBuddy(widget)  # a screen reader names the field, not its box
        self._watch(widget)
        return box

    def _finish(self) -> None:
        """The last row: messages about no particular field."""
        self._layout.addRow(self.general_message)

    def _money(self, edit: QLineEdit, name: str, problems: Problems, *,
               required: bool = False) -> int | None:
        """Typed money, or 0 in its place (with the message) when it cannot be read."""
        try:
            amount = parse_money(edit.text(), self.currency)
        except ValueError:
            problems.error(name, self.tr("Not an amount: type a number such as 12,500.00"))
            return 0
        if amount is None and required:
            problems.error(name, self.tr("Enter an amount (0 for none)"))
            return 0
        return amount

    def _count(self, edit: QLineEdit, name: str, problems: Problems) -> int | None:
        try:
            return parse_count(edit.text())
        except ValueError:
            problems.error(name, self.tr("Not a whole number"))
            return None

    def _entity(self, cls: type, values: dict[str, Any]) -> Any:
        """The record the values describe: the edited one changed, or a new one."""
        if self._record is not None:
            return dataclasses.replace(self._record, **values)
        return cls(id="", **values)

    @contextlib.contextmanager
    def quiet(self) -> Iterator[None]:
        """Set widgets from code without that counting as the planner's edit."""
        loading, self._loading = self._loading, True
        try:
            yield
        finally:
            self._loading = loading

    def _set(self, widget: QWidget, value: Any, skip: frozenset[QWidget]) -> None:
        if widget in skip:
            return
        if isinstance(widget, QLineEdit):
            widget.setText(value)
            widget.setModified(False)
        elif isinstance(widget, QComboBox):
            select_data(widget, value)
        elif isinstance(widget, QDateEdit):
            set_date(widget, value)
        elif isinstance(widget, QAbstractSpinBox):
            widget.setValue(value)  # type: ignore[attr-defined]
        elif isinstance(widget, ColourButton):
            widget.set_colour(value)

    def _watch(self, widget: QWidget) -> None:
        """Typing revalidates; finishing a field (or picking a choice) commits it."""
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(functools.partial(self._typed, widget))
            widget.editingFinished.connect(self._commit)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(functools.partial(self._picked, widget))
        elif isinstance(widget, QDateEdit):
            widget.dateChanged.connect(functools.partial(self._date_changed, widget))
            widget.editingFinished.connect(self._commit)
        elif isinstance(widget, QAbstractSpinBox):
            widget.valueChanged.connect(functools.partial(self._typed, widget))  # type: ignore[attr-defined]
            widget.editingFinished.connect(self._commit)
        elif isinstance(widget, ColourButton):
            widget.colour_changed.connect(functools.partial(self._picked, widget))

    # -- reacting ------------------------------------------------------------------------
    def _typed(self, widget: QWidget, *_value: object) -> None:
        if self._loading:
            return
        self._dirty.add(widget)
        self._changed(widget)
        self.revalidate()

    def _picked(self, widget: QWidget, *_value: object) -> None:
        if self._loading:
            return
        self._changed(widget)
        self.revalidate()
        self._commit()

    def _date_changed(self, widget: QWidget, *_value: object) -> None:
        if self._loading:
            return
        self._typed(widget)
        # A date picked in the calendar popup arrives while the field has no focus:
        # there will be no editingFinished, so it is committed now.
        if not widget.hasFocus():
            self._commit()

    def _commit(self) -> None:
        if not self._loading:
            self.committed.emit()

    def _show(self, problems: Problems) -> None:
        labels: dict[int, MessageLabel] = {
            id(label): label for label in [*self._messages.values(), self.general_message]}
        texts: dict[int, list[str]] = {key: [] for key in labels}
        warned: dict[int, list[str]] = {key: [] for key in labels}
        for name, text in problems.errors.items():
            texts[id(self.message(name))].append(text)
        for name, text in problems.warnings.items():
            warned[id(self.message(name))].append(text)
        for key, label in labels.items():
            shown = texts[key] or warned[key]
            label.setText("\n".join(dict.fromkeys(shown)))
            label.set_error(bool(texts[key]))
            label.setVisible(bool(shown))


class MessageLabel(QLabel):
    """A message under a field: an error or a warning, in the current scheme's text
    colour for it, and again in the new one when the planner switches light or dark."""

    def __init__(self, parent: QWidget | None = None, *, error: bool = True) -> None:
        super().__init__(parent)
        self._error = error
        self.setWordWrap(True)
        self.setVisible(False)
        self._restyle()

    @property
    def is_error(self) -> bool:
        return self._error

    def set_error(self, error: bool) -> None:
        self._error = error
        self._restyle()

    def _restyle(self) -> None:
        scheme = colours()
        colour = scheme.error_text if self._error else scheme.warning_text
        palette = self.palette()
        if palette.color(QPalette.ColorRole.WindowText) != colour:  # setting it is a change
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self.setPalette(palette)  # only this role: the rest still follows the scheme

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in PALETTE_EVENTS:
            self._restyle()
