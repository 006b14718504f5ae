"""Words for the core's vocabularies, in the planner's language.

The plan stores fixed keys ("draft", "short_video"); every editor shows them
through these functions so one translation covers every combo box.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def objectives() -> dict[str, str]:
    return {"brand": _tr("Brand"), "promotion": _tr("Promotion"), "mixed": _tr("Mixed")}


def statuses() -> dict[str, str]:
    return {"draft": _tr("Draft"), "approved": _tr("Approved"), "live": _tr("Live"),
            "done": _tr("Done")}


def tiers() -> dict[str, str]:
    return {"high": _tr("High value"), "potential": _tr("Potential"), "low": _tr("Low value")}


def event_kinds() -> dict[str, str]:
    return {"festival": _tr("Festival"), "holiday": _tr("Holiday"),
            "blackout": _tr("Blackout"), "custom": _tr("Custom")}


def channel_kinds() -> dict[str, str]:
    return {
        "web_shop": _tr("Web shop"), "app": _tr("App"), "social": _tr("Social"),
        "short_video": _tr("Short video"), "live_stream": _tr("Live stream"),
        "search": _tr("Search"), "kol": _tr("KOL"), "crm": _tr("CRM"),
        "offline": _tr("Offline"), "display": _tr("Display"), "other": _tr("Other"),
    }


def calendar_kinds() -> dict[str, str]:
    return {"iso": _tr("Calendar (ISO weeks)"), "fiscal": _tr("Fiscal year"),
            "broadcast": _tr("Broadcast"), "retail_445": _tr("Retail 4-4-5")}


def flights_selected(count: int) -> str:
    """"1 flight selected" / "3 flights selected", without relying on plural forms
    that only a loaded translation would provide."""
    return _tr("1 flight selected") if count == 1 else _tr("{0} flights selected").format(count)
