"""Platform cells to numbers: units stated, marks and full-width digits understood.

Exports write amounts as "1,234.56", "¥1,234.56", "１２３４．５６", "1234元" or "--"
(not applicable). Every amount is read in a :class:`Unit` the file states (a header
like "消耗(元)", "花费(分)", "Amount spent (CNY)", a currency column) or the planner
gives; a cell's own mark (¥, ￥, 元) must agree with it. Nothing here guesses a unit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from planner.domain.money import exponent

NOT_APPLICABLE = {"--", "-", "—", "n/a", "na", "nan", "null", "none", "/"}
MAX_MINOR = 10 ** 15
_GROUPING = re.compile(r"[,\s_']")
_YUAN_MARKS = re.compile(r"^[¥]|元$|^rmb|^cny|cny$|rmb$")
_UNIT_IN_HEADER = re.compile(r"[(\[]\s*([^()\[\]]+?)\s*[)\]]\s*$|[:：]\s*(\S+)$")
_UNIT_PREFIX = re.compile(r"^(?:单位|unit|currency|币种|货币)\s*[:：]\s*", re.IGNORECASE)
_CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")
_SCIENTIFIC = re.compile(r"^\d(?:\.\d+)?e\+?\d+$", re.IGNORECASE)
_ID_TEXT = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_-]*$")
MAX_EXACT_DIGITS = 15  # Excel keeps 15 significant digits of a number


class CellError(ValueError):
    """The cell cannot be read; the message says why in a planner's words."""


@dataclass(frozen=True)
class Unit:
    """An amount's unit: `currency` and how many of its major units one unit is."""

    label: str
    currency: str
    major: Decimal

    def describe(self) -> str:
        return self.label if self.label == self.currency else f"{self.label} ({self.currency})"


_CNY_UNITS = {"元": Decimal(1), "人民币": Decimal(1), "rmb": Decimal(1), "¥": Decimal(1),
              "分": Decimal("0.01"), "厘": Decimal("0.001"), "万元": Decimal(10000),
              "万": Decimal(10000), "千元": Decimal(1000)}
_CNY_LABELS = {"人民币": "元", "rmb": "元", "¥": "元", "万": "万元"}


def unit_named(name: str) -> Unit | None:
    """"元", "分", "厘", "万元" (renminbi) or an ISO currency code; None otherwise."""
    key = _UNIT_PREFIX.sub("", normalise(name))
    folded = key.casefold()
    if folded in _CNY_UNITS:
        label = _CNY_LABELS.get(folded, folded)
        return Unit(label, "CNY", _CNY_UNITS[folded])
    if _CURRENCY_CODE.match(key.upper()) and key.isascii() and key.isalpha():
        code = key.upper()
        return Unit(code, code, Decimal(1))
    return None


def unit_in_header(header: str) -> Unit | None:
    """The unit a header states in brackets: "消耗(元)", "Amount spent (CNY)"."""
    found = _UNIT_IN_HEADER.search(normalise(header).strip())
    if not found:
        return None
    return unit_named(found.group(1) or found.group(2))


def normalise(value: Any) -> str:
    """Full-width digits, brackets and signs to ASCII (NFKC), spaces trimmed."""
    text = str(value)
    return text.strip() if text.isascii() else unicodedata.normalize("NFKC", text).strip()


def is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        text = value.strip()
        # no n/a word is longer than 4 characters: a longer cell is never one
        return not text or (len(text) <= 4 and normalise(text).casefold() in NOT_APPLICABLE)
    return False


def decimal(value: Any) -> Decimal:
    """A number as written: grouping, full-width digits and trailing % allowed."""
    if isinstance(value, bool):
        raise CellError("is not a number")
    if isinstance(value, float):
        value = repr(value)
    text = _GROUPING.sub("", normalise(value))
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise CellError("is not a number") from None
    if not number.is_finite() or abs(number.adjusted()) > 20:
        raise CellError("is not a usable number")
    return number


def amount(value: Any, unit: Unit, currency: str) -> tuple[int, bool]:
    """An amount in `unit` to minor units of `currency`, and whether it was rounded
    (厘 and over-precise exports: half up, once, per cell).

    :raises CellError: not a number, negative, a mark contradicting the unit, or a
        currency other than the plan's.
    """
    if unit.currency != currency:
        raise CellError(f"is in {unit.currency}, but the plan is in {currency}; "
                        "convert the file first")
    plain = plain_amounts((value,), unit, currency)
    if plain:
        return plain[value]
    text = normalise(value) if isinstance(value, str) else value
    if isinstance(text, str):
        folded = text.casefold().replace(" ", "")
        marked = _YUAN_MARKS.search(folded)
        if marked:
            if unit.currency != "CNY" or unit.major != 1:
                raise CellError(f"is marked in 元 but the column is in {unit.describe()}")
            text = _YUAN_MARKS.sub("", folded)
    number = decimal(text) * unit.major
    if number < 0:
        raise CellError("must not be negative")
    scaled = number.scaleb(exponent(currency))
    minor = scaled.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if minor > MAX_MINOR:
        raise CellError("is too large for an amount of money")
    return int(minor), minor != scaled


def plain_amounts(cells: Iterable[Any], unit: Unit, currency: str
                  ) -> dict[Any, tuple[int, bool]]:
    """The common cells among `cells` ("1,234.56" or a workbook's 1234.56) read as
    :func:`amount` reads them (minor units, rounded half up, and whether rounded),
    exactly in integers and many at once; any other cell (marks, signs, exponents,
    full-width digits, more than 20 characters) is left for :func:`amount`, as is
    every cell when the unit is not in the plan's currency."""
    if unit.currency != currency:
        return {}
    numerator, denominator = unit.major.as_integer_ratio()
    numerator *= 10 ** exponent(currency)
    below = [denominator * 10 ** places for places in range(21)]
    # A float within `exact` whose scaled value rounds back to it has a repr of at most
    # the unit's decimals (no two such decimals share a float below 2**53), so that
    # integer is its amount, unrounded, without writing the float out.
    exact = 2 ** 53 / numerator if denominator == 1 else -1.0
    out = {}
    for value in cells:
        kind = value.__class__
        if kind is str and value.isascii():
            text = value.strip().replace(",", "")
        elif kind is float:
            if 0.0 <= value < exact:
                minor = round(value * numerator)
                if minor / numerator == value and minor <= MAX_MINOR:
                    out[value] = (minor, False)
                    continue
            text = repr(value)
        else:
            continue
        whole, _, fraction = text.partition(".")
        digits = whole + fraction
        if len(text) > 20 or not digits.isdigit():  # isdigit: ASCII digits here
            continue
        minor, remainder = divmod(numerator * int(digits), below[len(fraction)])
        minor += 2 * remainder >= below[len(fraction)]
        if minor <= MAX_MINOR:
            out[value] = (minor, remainder != 0)
    return out


def plain_counts(cells: Iterable[Any]) -> dict[Any, int]:
    """The cells among `cells` that are plainly whole numbers ("12,000", 12000.0), as
    :func:`count` and :func:`conversions` read them; the others are left for those."""
    out = {}
    for value in cells:
        kind = value.__class__
        if kind is str and value.isascii():
            text = value.strip().replace(",", "")
            if text.isdigit() and len(text) <= 20:
                out[value] = int(text)
        elif kind is float and value.is_integer() and 0 <= value < MAX_MINOR:
            out[value] = int(value)
    return out


def count(value: Any) -> int:
    plain = plain_counts((value,))
    if plain:
        return plain[value]
    number = decimal(value)
    if number != number.to_integral_value():
        raise CellError("must be a whole number")
    if number < 0:
        raise CellError("must not be negative")
    return int(number)


def conversions(value: Any) -> int:
    """Conversions may be fractional (Google's data-driven attribution): rounded half up."""
    plain = plain_counts((value,))
    if plain:
        return plain[value]
    number = decimal(value)
    if number < 0:
        raise CellError("must not be negative")
    return int(number.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def platform_id(value: Any) -> str | None:
    """An id as text, or None when Excel turned it into a rounded number (1.71234E+15,
    or a number cell of 16+ digits: Excel keeps 15, the rest became zeros).

    :raises CellError: not an id at all.
    """
    if isinstance(value, bool):
        raise CellError("is not an id")
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError("is not an id")
        value = int(value)
    if isinstance(value, int):
        return str(value) if len(str(abs(value))) <= MAX_EXACT_DIGITS else None
    text = normalise(value).strip("'\"= \t")
    if _SCIENTIFIC.match(text):
        return None
    if not _ID_TEXT.match(text.replace(" ", "")):
        raise CellError("is not an id")
    return text.replace(" ", "")
