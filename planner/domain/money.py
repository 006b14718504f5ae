"""Money as integer minor units (fen, cents): totals add up to the last unit.

Floats never hold money in the plan; they appear only where a ratio or a solver
value is turned back into money, and `to_minor` rounds those half-up once.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# ISO 4217 minor-unit exponents for the currencies planners here use; others default to 2.
_EXPONENTS = {"JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "ISK": 0, "KWD": 3, "BHD": 3, "JOD": 3}
_SYMBOLS = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "HKD": "HK$", "KRW": "₩"}


def exponent(currency: str) -> int:
    return _EXPONENTS.get(currency.upper(), 2)


def currency_symbol(currency: str) -> str | None:
    """The sign written before amounts, or None for currencies shown by their code."""
    return _SYMBOLS.get(currency.upper())


def to_minor(amount: str | int | float | Decimal, currency: str = "CNY") -> int:
    """Major units (as typed: "1,234.5") to integer minor units, rounding half-up.

    :raises ValueError: when `amount` is not a number.
    """
    text = str(amount).replace(",", "").replace("_", "").strip()
    try:
        major = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"not an amount of money: {amount!r}") from None
    if not major.is_finite():
        raise ValueError(f"not an amount of money: {amount!r}")
    scaled = major.scaleb(exponent(currency)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(scaled)


def to_major(minor: int, currency: str = "CNY") -> Decimal:
    return Decimal(minor).scaleb(-exponent(currency))


def format_money(minor: int, currency: str = "CNY", *, symbol: bool = True) -> str:
    """Grouped major units with the currency's own number of decimals."""
    digits = exponent(currency)
    text = f"{to_major(minor, currency):,.{digits}f}"
    if not symbol:
        return text
    sign = currency_symbol(currency)
    if sign is None:
        return f"{text} {currency.upper()}"
    return f"-{sign}{text[1:]}" if text.startswith("-") else f"{sign}{text}"
