"""Shopping festivals as dated windows with phases and booking deadlines.

A festival is planned as a window, not a day: 618 and Double 11 open with a
deposit presale weeks ahead, and the platform slots that carry a campaign must
be booked well before the first phase.  The festival list lives in
``resources/festivals.json`` so that a planner can adjust the layout for a year
without touching code; this module only knows how to turn an anchor rule into
a date and offsets into phases.

Lunar anchors come from the Chinese lunisolar tables of the ``holidays``
package (the same tables its China calendar uses), which cover 1901-2100.
Those tables list the new year, Dragon Boat, Mid-Autumn and Double Ninth days
only, so other lunar dates (Qixi, lunar 7/7) cannot be anchored.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from planner.errors import PlannerError

RULES = ("fixed", "lunar_new_year", "nth_weekday", "lunar")

# Lunar (month, day) -> method of holidays' lunisolar helper that tabulates it.
_LUNAR_METHODS = {
    (1, 1): "lunar_new_year_date",
    (5, 5): "dragon_boat_date",
    (8, 15): "mid_autumn_date",
    (9, 9): "double_ninth_date",
}


class FestivalDataError(PlannerError, ValueError):
    """The festival data is malformed.

    The message names the festival and the field so that whoever edits
    ``festivals.json`` can find the mistake without reading this module.
    """

    def __init__(self, festival: str, field: str, problem: str) -> None:
        self.festival = festival
        self.field = field
        super().__init__(f"festival {festival!r}, field {field!r}: {problem}")


@dataclass(frozen=True)
class FestivalPhase:
    """One phase of a festival (presale, first wave, peak...), both ends inclusive."""

    key: str
    name_en: str
    name_zh: str
    start: date
    end: date


@dataclass(frozen=True)
class FestivalWindow:
    """A festival in one year: its anchor day, its phases and the slot-booking deadline.

    ``year`` is the year the anchor falls in; phases may start in the year before
    (the Spring Festival's New Year goods festival often begins in December).
    """

    key: str
    year: int
    name_en: str
    name_zh: str
    anchor: date
    phases: tuple[FestivalPhase, ...]
    booking_deadline: date

    @property
    def start(self) -> date:
        """First day of the first phase."""
        return self.phases[0].start

    @property
    def end(self) -> date:
        """Last day of any phase (phases may overlap, so not simply the last one's end)."""
        return max(phase.end for phase in self.phases)


# --------------------------------------------------------------------------- loading


def load_festival_rules(path: Path | None = None) -> list[dict]:
    """Read and validate the festival rules.

    :param path: a JSON file; by default the ``festivals.json`` shipped in the
        ``resources`` package, found the same way in a checkout, a wheel or a
        frozen bundle.
    :returns: the list of festival rules, validated.
    :raises FestivalDataError: when the file is not valid JSON or a festival is malformed.
    """
    if path is None:
        from planner.resources import resource_path

        path = resource_path("festivals.json")
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise FestivalDataError("*", "(file)", f"{path} is not valid JSON: {exc}") from None
    rules = document.get("festivals") if isinstance(document, dict) else document
    if not isinstance(rules, list):
        raise FestivalDataError("*", "festivals", "expected a list of festivals")
    _validate_rules(rules)
    return rules


def _validate_rules(rules: list[dict]) -> None:
    seen: set[str] = set()
    for index, rule in enumerate(rules):
        label = f"#{index}"
        if not isinstance(rule, dict):
            raise FestivalDataError(label, "(festival)", "expected an object")
        key = rule.get("key")
        if not isinstance(key, str) or not key.strip():
            raise FestivalDataError(label, "key", "missing or empty")
        if key in seen:
            raise FestivalDataError(key, "key", "duplicated")
        seen.add(key)
        _check_name(key, "name", rule.get("name"))
        _check_anchor(key, rule.get("anchor"))
        _check_phases(key, rule.get("phases"))
        lead = rule.get("booking_lead_days")
        if not _is_int(lead) or lead < 1:
            raise FestivalDataError(
                key, "booking_lead_days", "expected a whole number of days >= 1"
            )
        if "source" in rule and not isinstance(rule["source"], str):
            raise FestivalDataError(key, "source", "expected text")


def _is_int(value: Any) -> bool:
    # JSON true/false load as bool, which is an int subclass; they are not day counts.
    return isinstance(value, int) and not isinstance(value, bool)


def _check_name(key: str, field: str, name: Any) -> None:
    if not isinstance(name, dict):
        raise FestivalDataError(key, field, 'expected {"en": ..., "zh": ...}')
    for language in ("en", "zh"):
        text = name.get(language)
        if not isinstance(text, str) or not text.strip():
            raise FestivalDataError(key, f"{field}.{language}", "missing or empty")


def _check_int(key: str, field: str, value: Any, low: int, high: int) -> None:
    if not _is_int(value) or not low <= value <= high:
        raise FestivalDataError(key, field, f"expected a whole number {low}..{high}, got {value!r}")


def _check_anchor(key: str, anchor: Any) -> None:
    if not isinstance(anchor, dict):
        raise FestivalDataError(key, "anchor", "missing; expected an object with a 'rule'")
    rule = anchor.get("rule")
    if rule not in RULES:
        raise FestivalDataError(
            key, "anchor.rule", f"unknown rule {rule!r}; expected one of {', '.join(RULES)}"
        )
    if rule == "fixed":
        _check_int(key, "anchor.month", anchor.get("month"), 1, 12)
        # Day must exist in every year: Feb 29 would vanish three years out of four.
        last = calendar.monthrange(2001, anchor["month"])[1]
        _check_int(key, "anchor.day", anchor.get("day"), 1, last)
    elif rule == "nth_weekday":
        _check_int(key, "anchor.month", anchor.get("month"), 1, 12)
        _check_int(key, "anchor.weekday", anchor.get("weekday"), 0, 6)
        # A fifth weekday does not exist in every month, so n stays within +-4.
        n = anchor.get("n")
        if not _is_int(n) or n == 0 or not -4 <= n <= 4:
            raise FestivalDataError(key, "anchor.n", f"expected 1..4 or -1..-4, got {n!r}")
        if not _is_int(anchor.get("offset_days", 0)):
            raise FestivalDataError(key, "anchor.offset_days", "expected a whole number of days")
    elif rule == "lunar":
        pair = (anchor.get("month"), anchor.get("day"))
        if pair not in _LUNAR_METHODS:
            known = ", ".join(f"{m}/{d}" for m, d in _LUNAR_METHODS)
            raise FestivalDataError(
                key, "anchor.month/day", f"lunar date {pair} is not supported; known: {known}"
            )


def _check_phases(key: str, phases: Any) -> None:
    if not isinstance(phases, list) or not phases:
        raise FestivalDataError(key, "phases", "expected a non-empty list")
    seen: set[str] = set()
    previous_start: int | None = None
    for index, phase in enumerate(phases):
        where = f"phases[{index}]"
        if not isinstance(phase, dict):
            raise FestivalDataError(key, where, "expected an object")
        phase_key = phase.get("key")
        if not isinstance(phase_key, str) or not phase_key.strip():
            raise FestivalDataError(key, f"{where}.key", "missing or empty")
        if phase_key in seen:
            raise FestivalDataError(key, f"{where}.key", f"duplicated phase {phase_key!r}")
        seen.add(phase_key)
        _check_name(key, f"{where}.name", phase.get("name"))
        start, end = phase.get("start"), phase.get("end")
        for field, value in (("start", start), ("end", end)):
            if not _is_int(value):
                raise FestivalDataError(key, f"{where}.{field}", "expected a day offset")
        if end < start:
            raise FestivalDataError(key, f"{where}.end", f"ends ({end}) before it starts ({start})")
        if previous_start is not None and start < previous_start:
            raise FestivalDataError(
                key, f"{where}.start", "phases must be listed in order of their start"
            )
        previous_start = start


# --------------------------------------------------------------------------- anchors


def _lunar_date(month: int, day: int, year: int) -> date | None:
    """The Gregorian date of a lunar day in ``year``, or None outside the tables.

    The lunisolar helper is internal to ``holidays``; its return value changed
    from a date to ``(date, estimated)`` across releases, so both are accepted.
    """
    from holidays.calendars.chinese import _ChineseLunisolar

    result = getattr(_ChineseLunisolar(), _LUNAR_METHODS[(month, day)])(year)
    found = result[0] if isinstance(result, tuple) else result
    return found if isinstance(found, date) else None


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    days = calendar.monthrange(year, month)[1]
    matches = [d for d in range(1, days + 1) if date(year, month, d).weekday() == weekday]
    return date(year, month, matches[n - 1 if n > 0 else n])


def anchor_date(anchor: dict, year: int) -> date | None:
    """The anchor day of a festival in ``year``; None when a lunar date is out of range."""
    rule = anchor["rule"]
    if rule == "fixed":
        return date(year, anchor["month"], anchor["day"])
    if rule == "nth_weekday":
        found = _nth_weekday(year, anchor["month"], anchor["weekday"], anchor["n"])
        return found + timedelta(days=anchor.get("offset_days", 0))
    if rule == "lunar_new_year":
        return _lunar_date(1, 1, year)
    return _lunar_date(anchor["month"], anchor["day"], year)


# --------------------------------------------------------------------------- windows


def _window(rule: dict, year: int) -> FestivalWindow | None:
    anchor = anchor_date(rule["anchor"], year)
    if anchor is None:
        return None
    phases = tuple(
        FestivalPhase(
            key=phase["key"],
            name_en=phase["name"]["en"],
            name_zh=phase["name"]["zh"],
            start=anchor + timedelta(days=phase["start"]),
            end=anchor + timedelta(days=phase["end"]),
        )
        for phase in rule["phases"]
    )
    return FestivalWindow(
        key=rule["key"],
        year=year,
        name_en=rule["name"]["en"],
        name_zh=rule["name"]["zh"],
        anchor=anchor,
        phases=phases,
        booking_deadline=phases[0].start - timedelta(days=rule["booking_lead_days"]),
    )


def festival_windows(years: Iterable[int], rules: list[dict] | None = None) -> list[FestivalWindow]:
    """Every festival's window in each of ``years``, sorted by start.

    :param rules: festival rules as loaded by :func:`load_festival_rules`; by
        default the shipped list.  Rules passed in are validated too, since
        they may come from a plan file rather than the shipped data.
    :returns: windows sorted by first day, then anchor and key.  A festival with
        a lunar anchor is left out of years the lunar tables do not cover
        (outside 1901-2100) rather than given a guessed date.
    :raises FestivalDataError: when a rule is malformed.
    """
    if rules is None:
        rules = load_festival_rules()
    else:
        _validate_rules(rules)
    windows = [
        window
        for year in sorted(set(years))
        for rule in rules
        if (window := _window(rule, year)) is not None
    ]
    return sorted(windows, key=lambda w: (w.start, w.anchor, w.key))


# --------------------------------------------------------------------------- holidays


def public_holidays(
    years: Iterable[int], country: str = "CN", language: str = "zh_CN"
) -> list[tuple[date, str]]:
    """Statutory public holidays (and official make-up days off) for ``country``.

    Public holidays matter to the plan because delivery slows and audiences
    travel; China's calendar also lists the swapped working days.

    :param language: a locale such as ``"zh_CN"`` or ``"en_US"``; when the
        ``holidays`` package has no translation for it, the country's default
        language is used instead.
    :returns: ``(date, name)`` pairs sorted by date.
    """
    import holidays

    probe = holidays.country_holidays(country)
    supported = tuple(getattr(probe, "supported_languages", ()) or ())
    chosen = language if language in supported else getattr(probe, "default_language", None)
    table = holidays.country_holidays(country, years=sorted(set(years)), language=chosen)
    return sorted(table.items())
