"""Wheel scrolling that glides instead of jumping a few rows at a time, and
Ctrl+wheel zoom one step per notch."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEasingCurve, QObject, QPoint, QPropertyAnimation, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QScrollBar

DURATION_MS = 160
WHEEL_STEP = 0.5  # px scrolled per 1/8 degree of wheel turn
NOTCH = 120  # angle delta of one wheel notch


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


class Wheel(QObject):
    """A scroll area's wheel: Ctrl zooms about the pointer, one step per notch
    (touchpads send small deltas that add up to one); Shift scrolls sideways;
    otherwise it scrolls down and up. Both scroll bars glide."""

    def __init__(self, area: QAbstractScrollArea,
                 zoom: Callable[[int, QPoint], None]) -> None:
        super().__init__(area)
        self.x = SmoothScroller(area.horizontalScrollBar(), self)
        self.y = SmoothScroller(area.verticalScrollBar(), self)
        self._zoom = zoom  # (+1 in or -1 out, anchor in viewport coordinates)
        self._zoom_delta = 0

    def stop(self) -> None:
        self.x.stop()
        self.y.stop()

    def handle(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._zoom_delta += delta.y()
            anchor = event.position().toPoint()
            while abs(self._zoom_delta) >= NOTCH:
                step = 1 if self._zoom_delta > 0 else -1
                self._zoom_delta -= step * NOTCH
                self._zoom(step, anchor)
        else:
            horizontal = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            dx = delta.x() or (delta.y() if horizontal else 0)
            dy = 0 if horizontal else delta.y()
            if dx:
                self.x.scroll_by(round(-dx * WHEEL_STEP))
            if dy:
                self.y.scroll_by(round(-dy * WHEEL_STEP))
        event.accept()
