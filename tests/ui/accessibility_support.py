"""What counts as a named input, for the accessibility tests: walk a widget tree and
list every focusable input a screen reader would announce without a name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

INPUTS = (QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView, QAbstractButton,
          QTextEdit, QPlainTextEdit, QAbstractSlider, QGraphicsView)


def _owner(widget: QWidget) -> QWidget:
    """A line edit inside a spin box or combo box is named through its owner."""
    parent = widget.parentWidget()
    if isinstance(widget, QLineEdit) and isinstance(parent, QAbstractSpinBox | QComboBox):
        return parent
    return widget


def unnamed_inputs(root: QWidget) -> list[str]:
    """Descriptions of focusable inputs under `root` with no accessible name, no label
    buddy and (buttons) no text of their own."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel)
               if label.buddy() is not None}
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INPUTS) or isinstance(widget, QTabBar):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if isinstance(widget.parentWidget(), QAbstractScrollArea | QTabBar) \
                and not isinstance(widget, QAbstractButton):
            continue  # a scroll area's own viewport or scroll bars
        widget = _owner(widget)
        if widget.accessibleName() or id(widget) in buddies:
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue
        missing.append(f"{type(widget).__name__} {widget.objectName()!r} in "
                       f"{type(widget.parentWidget()).__name__} "
                       f"{widget.parentWidget().objectName()!r}"
                       f" tooltip={widget.toolTip()!r} placeholder="
                       f"{getattr(widget, 'placeholderText', lambda: '')()!r}")
    return missing
