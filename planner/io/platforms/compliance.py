"""Personal data stays out of the plan file: found by header and by content.

The plan holds aggregated planning data only. A column whose header names personal
data (e-mail, phone, ID card, a customer's or contact's name, an address) or whose
cells look like it (e-mail addresses, phone numbers, Chinese mobile numbers
1[3-9]xxxxxxxxx, 18-digit ID-card numbers whose check digit is right) is dropped
when the import does not need it, with a warning naming it; when the import would
write from it (the campaign or account, which go into each actual's key), the file
is refused, naming the column. Content is sampled evenly over the rows for dropped
columns, and read in full for the columns that are written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from planner.io.platforms.values import normalise

SAMPLE_ROWS = 2_000
_HEADER_WORDS = ("email", "e-mail", "邮箱", "邮件", "phone", "mobile", "手机", "电话",
                 "联系方式", "身份证", "id card", "id number", "证件", "customer name",
                 "客户姓名", "客户名称", "客户", "姓名", "联系人", "收货人", "买家", "buyer",
                 "contact", "address", "地址", "full name", "first name", "last name", "昵称",
                 "微信", "wechat", "qq号", "openid", "user id", "用户id")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CN_MOBILE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)")
_PHONE = re.compile(r"(?<![\w])\+\d[\d -]{7,16}\d(?!\d)|(?<!\d)0\d{2,3}-\d{7,8}(?!\d)")
_ID_CARD = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def _valid_id_card(number: str) -> bool:
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17].upper()


def personal_kind(value: Any) -> str | None:
    """What personal data a cell holds ("e-mail address", …), or None."""
    if value is None or isinstance(value, int | float):
        return None
    text = normalise(value)
    if _EMAIL.search(text):
        return "e-mail addresses"
    if any(_valid_id_card(m.group()) for m in _ID_CARD.finditer(text)):
        return "ID-card numbers"
    if _CN_MOBILE.search(text) or _PHONE.search(text):
        return "phone numbers"
    return None


def header_kind(header: Any) -> str | None:
    name = normalise(header).casefold() if header is not None else ""
    word = next((w for w in _HEADER_WORDS if w in name), None)
    return f"personal data (its header says {word!r})" if word else None


def column_kind(header: Any, values: Iterable[Any]) -> str | None:
    """Why a column holds personal data (by header, then by content), or None."""
    reason = header_kind(header)
    if reason:
        return reason
    for value in values:
        kind = personal_kind(value)
        if kind:
            return kind
    return None


def sample(rows: list[list[Any]], index: int) -> Iterable[Any]:
    """Up to SAMPLE_ROWS cells of a column, spread over the whole file."""
    step = max(1, len(rows) // SAMPLE_ROWS)
    return (row[index] for row in rows[::step] if index < len(row))
