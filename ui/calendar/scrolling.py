"""Wheel scrolling that glides instead of jumping a few rows at a time."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QObject, QPropertyAnimation
from PySide6.QtWidgets import QScrollBar

DURATION_MS = 160


class SmoothScroller(QObject):
    """Animates one scroll bar towards a target that further wheel turns push on."""

    def __init__(self, bar: QScrollBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bar = bar
        self._target = bar.value()
        self._animation = QPropertyAnimation(bar, b"value", self)
        self._animation.setDuration(DURATION_MS)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)

    def scroll_by(self, pixels: int) -> None:
        running = self._animation.state() == QPropertyAnimation.State.Running
        start = self._target if running else self._bar.value()
        self._target = max(self._bar.minimum(), min(self._bar.maximum(), start + pixels))
        self._animation.stop()
        self._animation.setStartValue(self._bar.value())
        self._animation.setEndValue(self._target)
        self._animation.start()

    def stop(self) -> None:
        """Before a jump (zoom, scroll to a date): a running glide would undo it."""
        self._animation.stop()
