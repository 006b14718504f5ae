"""Words for the core's vocabularies, in the planner's language.

The plan stores fixed keys ("draft", "short_video"); every editor shows them
through these functions so one translation covers every combo box. The tables
hold the English words marked for translation; each call translates them into
the language loaded now.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.models import vocabulary
from ui.models.vocabulary import OBJECTIVE_LABELS, STATUS_LABELS

_TIERS = {
    "high": QT_TRANSLATE_NOOP("Labels", "High value"),
    "potential": QT_TRANSLATE_NOOP("Labels", "Potential"),
    "low": QT_TRANSLATE_NOOP("Labels", "Low value"),
}
_EVENT_KINDS = {
    "festival": QT_TRANSLATE_NOOP("Labels", "Festival"),
    "holiday": QT_TRANSLATE_NOOP("Labels", "Holiday"),
    "blackout": QT_TRANSLATE_NOOP("Labels", "Blackout"),
    "custom": QT_TRANSLATE_NOOP("Labels", "Custom"),
}
_CHANNEL_KINDS = {
    "web_shop": QT_TRANSLATE_NOOP("Labels", "Web shop"),
    "app": QT_TRANSLATE_NOOP("Labels", "App"),
    "social": QT_TRANSLATE_NOOP("Labels", "Social"),
    "short_video": QT_TRANSLATE_NOOP("Labels", "Short video"),
    "live_stream": QT_TRANSLATE_NOOP("Labels", "Live stream"),
    "search": QT_TRANSLATE_NOOP("Labels", "Search"),
    "kol": QT_TRANSLATE_NOOP("Labels", "KOL"),
    "crm": QT_TRANSLATE_NOOP("Labels", "CRM"),
    "offline": QT_TRANSLATE_NOOP("Labels", "Offline"),
    "display": QT_TRANSLATE_NOOP("Labels", "Display"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}
_CALENDAR_KINDS = {
    "iso": QT_TRANSLATE_NOOP("Labels", "Calendar (ISO weeks)"),
    "fiscal": QT_TRANSLATE_NOOP("Labels", "Fiscal year"),
    "broadcast": QT_TRANSLATE_NOOP("Labels", "Broadcast"),
    "retail_445": QT_TRANSLATE_NOOP("Labels", "Retail 4-4-5"),
}

# The unit kind's code and what one unit is: "cpm (1,000 impressions)".
_UNIT_KINDS = {
    "cpm": QT_TRANSLATE_NOOP("Labels", "cpm (1,000 impressions)"),
    "cpc": QT_TRANSLATE_NOOP("Labels", "cpc (click)"),
    "cpa": QT_TRANSLATE_NOOP("Labels", "cpa (acquisition)"),
    "live_session": QT_TRANSLATE_NOOP("Labels", "live_session (live-stream session)"),
    "kol_post_top": QT_TRANSLATE_NOOP("Labels", "kol_post_top (post by a top-tier KOL)"),
    "kol_post_mid": QT_TRANSLATE_NOOP("Labels", "kol_post_mid (post by a mid-tier KOL)"),
    "kol_post_micro": QT_TRANSLATE_NOOP("Labels", "kol_post_micro (post by a micro KOL)"),
    "push": QT_TRANSLATE_NOOP("Labels", "push (push or message send)"),
    "day": QT_TRANSLATE_NOOP("Labels", "day (day of placement)"),
}


def _words(table: dict[str, str]) -> dict[str, str]:
    return {key: QCoreApplication.translate("Labels", text) for key, text in table.items()}


def objectives() -> dict[str, str]:
    """The same words the calendar, tree and tables show (`ui.models.vocabulary`)."""
    return {code: vocabulary.label(OBJECTIVE_LABELS, code) for code in OBJECTIVE_LABELS}


def statuses() -> dict[str, str]:
    return {code: vocabulary.label(STATUS_LABELS, code) for code in STATUS_LABELS}


def tiers() -> dict[str, str]:
    return _words(_TIERS)


def event_kinds() -> dict[str, str]:
    return _words(_EVENT_KINDS)


def channel_kinds() -> dict[str, str]:
    return _words(_CHANNEL_KINDS)


def calendar_kinds() -> dict[str, str]:
    return _words(_CALENDAR_KINDS)


def unit_kinds() -> dict[str, str]:
    """Each media unit kind with what one unit is."""
    return _words(_UNIT_KINDS)


def flights_selected(count: int) -> str:
    """"1 flight selected" / "3 flights selected", without relying on plural forms
    that only a loaded translation would provide."""
    if count == 1:
        return QCoreApplication.translate("Labels", "1 flight selected")
    return QCoreApplication.translate("Labels", "{0} flights selected").format(count)
