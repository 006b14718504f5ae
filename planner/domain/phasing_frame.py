"""Phasing for a whole plan at once: every flight's days in one long frame.

Roll-ups over tens of thousands of flights cannot afford a Python call per day.
Even flights, the bulk of a plan, are split with numpy; the other patterns go
through `phase_days` one flight at a time, so every amount is exactly what the
single-flight path gives. pandas and numpy are imported inside the function so
the domain imports without them.
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING

from planner.domain.phasing import EVEN_PATTERNS, Phasing, PhasingError, phase_days

if TYPE_CHECKING:
    import pandas


def _frame_phasing(value: object, cache: dict[str, Phasing | None]) -> Phasing | None:
    # None means even; returning None lets the caller keep those rows on the vectorised path.
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        if value not in cache:
            try:
                parsed = json.loads(value) if value.strip() else None
            except json.JSONDecodeError:
                raise PhasingError(f"phasing must be JSON, got {value!r}") from None
            cache[value] = Phasing.from_dict(parsed)
        return cache[value]
    if isinstance(value, Phasing):
        return value
    return Phasing.from_dict(value)  # type: ignore[arg-type]


def phase_frame(flights: pandas.DataFrame) -> pandas.DataFrame:
    """Daily amounts for many flights at once, for roll-ups over a whole plan.

    Even flights, the bulk of a plan, are split with numpy: floor division plus one cent to
    each of the first ``remainder`` days is exactly :func:`phase_days` for equal weights.
    Other patterns loop. pandas is imported here so the domain imports without it.

    :param flights: columns ``id, start, end, budget_minor, phasing``.
    :returns: long frame ``flight_id, day, amount_minor`` in input order, days ascending.
    :raises PhasingError: prefixed with the offending flight's id.
    """
    import numpy as np
    import pandas as pd

    missing = [c for c in ("id", "start", "end", "budget_minor", "phasing") if c not in flights]
    if missing:
        raise PhasingError(f"flights is missing column(s) {', '.join(missing)}")
    ids = flights["id"].to_numpy()

    def fail(index: int, message: str) -> PhasingError:
        return PhasingError(f"flight {ids[index]!r}: {message}")

    starts = pd.to_datetime(flights["start"]).to_numpy().astype("datetime64[D]")
    ends = pd.to_datetime(flights["end"]).to_numpy().astype("datetime64[D]")
    budget_col = flights["budget_minor"]
    if budget_col.dtype.kind not in "iuO":
        raise PhasingError(f"budget_minor must be integer minor units, got {budget_col.dtype}")
    budgets = budget_col.to_numpy().astype(np.int64)
    days = (ends - starts).astype(np.int64) + 1
    for mask, message in (
        (np.isnat(starts), "start is missing"),
        (np.isnat(ends), "end is missing"),
        (days < 1, "end must not be before start"),
        (budgets < 0, "budget_minor must be >= 0"),
    ):
        bad = np.flatnonzero(mask)
        if bad.size:
            raise fail(int(bad[0]), message)

    offsets = np.zeros(len(days) + 1, dtype=np.int64)
    np.cumsum(days, out=offsets[1:])
    owner = np.repeat(np.arange(len(days)), days)
    position = np.arange(offsets[-1], dtype=np.int64) - offsets[:-1][owner]
    share, extra = np.divmod(budgets, days)
    amounts = share[owner] + (position < extra[owner])

    cache: dict[str, Phasing | None] = {}
    for index, value in enumerate(flights["phasing"].tolist()):
        try:
            phasing = _frame_phasing(value, cache)
            if phasing is None or phasing.pattern in EVEN_PATTERNS:
                continue
            amounts[offsets[index] : offsets[index + 1]] = phase_days(
                int(budgets[index]), starts[index].item(), ends[index].item(), phasing
            )
        except PhasingError as exc:
            raise fail(index, str(exc)) from exc

    return pd.DataFrame(
        {
            "flight_id": ids[owner],
            "day": (starts[owner] + position.astype("timedelta64[D]")).astype("datetime64[ns]"),
            "amount_minor": amounts.astype(np.int64),
        }
    )
