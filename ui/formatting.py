"""Numbers, money and dates as the interface language writes them.

Everything goes through `QLocale()`, the default locale `ui.i18n.apply` set, so
a view never picks separators or date orders itself. Money keeps the currency's
own number of decimals (`planner.domain.money.exponent`) and its symbol; the
date pattern is a translatable string, so each language chooses its own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from planner.domain.money import currency_symbol, exponent, to_major


def locale() -> QLocale:
    """The interface locale; the bare "C" locale (no language set up, as in scripts and
    tests) writes English, whose digits it shares but whose grouping it lacks."""
    current = QLocale()
    if current.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return current


def format_number(value: float, decimals: int = 0) -> str:
    """Grouped digits (1,234,567 or the locale's way)."""
    return locale().toString(float(value), "f", decimals)


def format_money(minor: int, currency: str = "CNY", *, symbol: bool = True) -> str:
    """Minor units as grouped major units with the currency's decimals and symbol."""
    text = format_number(float(to_major(int(minor), currency)), exponent(currency))
    if not symbol:
        return text
    sign = currency_symbol(currency)
    if sign is None:
        return f"{text} {currency.upper()}"
    minus = locale().negativeSign()
    return f"{minus}{sign}{text[len(minus):]}" if text.startswith(minus) else f"{sign}{text}"


def date_pattern() -> str:
    """The language's numeric date pattern (ISO order in English), for date edits too."""
    return QCoreApplication.translate("formatting", "yyyy-MM-dd", "date format")


def format_date(day: dt.date) -> str:
    """A day in the language's numeric date pattern."""
    return locale().toString(QDate(day.year, day.month, day.day), date_pattern())


def format_span(start: dt.date, end: dt.date) -> str:
    return f"{format_date(start)} – {format_date(end)}"


def format_moment(moment: dt.datetime, *, seconds: bool = False) -> str:
    """A day and a time of day (ISO order in English), as backups and runs are stamped."""
    pattern = (QCoreApplication.translate("formatting", "yyyy-MM-dd HH:mm:ss", "date and time")
               if seconds else
               QCoreApplication.translate("formatting", "yyyy-MM-dd HH:mm", "date and time"))
    return locale().toString(QDateTime(QDate(moment.year, moment.month, moment.day),
                                       QTime(moment.hour, moment.minute, moment.second)),
                             pattern)


def format_percent(fraction: float, decimals: int = 0, *, spaced: bool = False,
                   signed: bool = False) -> str:
    """A share (0.35) as a percentage ("35%", "35 %" where a view spaces it, "+35%"
    for a change)."""
    here = locale()
    plus = here.positiveSign() if signed and fraction >= 0 else ""
    return f"{plus}{format_number(fraction * 100, decimals)}{' ' if spaced else ''}" \
        f"{here.percent()}"


def format_figure(value: float, digits: int = 3, *, grouped: bool = False) -> str:
    """A number to `digits` significant digits, as Python's "g" writes it (0.0123,
    1.23e+05; 1,234 when `grouped`) with the locale's separators and minus sign."""
    here = locale()
    text = f"{value:{',' if grouped else ''}.{digits}g}".translate(
        {ord(","): here.groupSeparator(), ord("."): here.decimalPoint()})
    return here.negativeSign() + text[1:] if text.startswith("-") else text


def axis_numbers(decimals: int = 0) -> Any:
    """A matplotlib tick formatter writing grouped numbers the interface's way."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _position: format_number(value, decimals))
