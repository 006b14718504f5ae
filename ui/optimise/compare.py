"""Two scenarios side by side: spend per channel, then totals, and the difference.

Channels are matched by id (a scenario stores the ids and names it was made
with), so two runs over different channel sets still line up; a channel missing
from one side counts as nothing spent there.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.services.scenarios import Scenario


@dataclass(frozen=True)
class CompareRow:
    """`money`: the amounts are minor units (else plain numbers, e.g. brand points)."""

    label: str
    a: float | None
    b: float | None
    money: bool = True

    @property
    def difference(self) -> float | None:
        return None if self.a is None or self.b is None else self.b - self.a


def _spend(scenario: Scenario) -> dict[str, tuple[str, int]]:
    if not scenario.feasible:
        return {}
    return {row["channel_id"]: (row["name"], row["spend_minor"])
            for row in scenario.result["channels"]}


def compare(a: Scenario, b: Scenario, totals: dict[str, str]) -> list[CompareRow]:
    """Per channel (in `a`'s order, then `b`'s extra ones), then the totals named in
    `totals` ({"spend", "revenue", "brand", "value"} -> label)."""
    left, right = _spend(a), _spend(b)
    order = list(left) + [cid for cid in right if cid not in left]
    rows = [CompareRow((left.get(cid) or right[cid])[0], left.get(cid, ("", 0))[1],
                       right.get(cid, ("", 0))[1]) for cid in order]

    def total(s: Scenario, key: str) -> float | None:
        if not s.feasible:
            return None
        if key == "spend":
            return sum(row["spend_minor"] for row in s.result["channels"])
        return s.result[{"revenue": "revenue_minor", "brand": "brand_response",
                         "value": "objective_minor"}[key]]

    rows += [CompareRow(label, total(a, key), total(b, key), money=key != "brand")
             for key, label in totals.items()]
    return rows
