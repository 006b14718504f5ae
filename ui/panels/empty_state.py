"""What the centre shows with no plan: a way forward, or that one is being prepared.

A blank window on first start (while the demo is built) looks frozen; a line of
text and a moving bar say it is not.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


class EmptyState(QWidget):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        font = self.message.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.message.setFont(font)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the demo build reports no steps
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(280)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self._buttons: list[QToolButton] = []
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
            self._buttons.append(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.show_idle()

    def show_idle(self) -> None:
        self.message.setText(self.tr("No plan is open. Create a new plan or open one."))
        self.progress.hide()
        for button in self._buttons:
            button.show()

    def show_busy(self, text: str) -> None:
        self.message.setText(text)
        self.progress.show()
        for button in self._buttons:
            button.hide()
