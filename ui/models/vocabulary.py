"""Words the planner sees for the core's stored codes (statuses, objectives,
phasing patterns), translated where they are shown, never stored translated."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "vocabulary"

STATUS_LABELS = {
    "draft": QT_TRANSLATE_NOOP("vocabulary", "Draft"),
    "approved": QT_TRANSLATE_NOOP("vocabulary", "Approved"),
    "live": QT_TRANSLATE_NOOP("vocabulary", "Live"),
    "done": QT_TRANSLATE_NOOP("vocabulary", "Done"),
}
OBJECTIVE_LABELS = {
    "brand": QT_TRANSLATE_NOOP("vocabulary", "Brand"),
    "promotion": QT_TRANSLATE_NOOP("vocabulary", "Promotion"),
    "mixed": QT_TRANSLATE_NOOP("vocabulary", "Mixed"),
}
PATTERN_LABELS = {
    "even": QT_TRANSLATE_NOOP("vocabulary", "Even"),
    "front": QT_TRANSLATE_NOOP("vocabulary", "Front-loaded"),
    "back": QT_TRANSLATE_NOOP("vocabulary", "Back-loaded"),
    "continuous": QT_TRANSLATE_NOOP("vocabulary", "Continuous"),
    "flighting": QT_TRANSLATE_NOOP("vocabulary", "Flighting"),
    "pulsing": QT_TRANSLATE_NOOP("vocabulary", "Pulsing"),
    "custom": QT_TRANSLATE_NOOP("vocabulary", "Custom"),
}


def label(labels: dict[str, str], code: str) -> str:
    """The translated word for `code`; an unknown code is shown as stored."""
    text = labels.get(code)
    return QCoreApplication.translate(_CONTEXT, text) if text is not None else code
