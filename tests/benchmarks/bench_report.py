"""What the benchmarks share: a table of measures against their targets, printed as
Markdown so it pastes into a report, and the timing helpers behind the figures.

Not a benchmark itself; the benchmarks import it as `tests.benchmarks.bench_report`.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from typing import Any


@dataclasses.dataclass
class Row:
    measure: str
    value: str
    target: str = "—"
    ok: bool | None = None  # None: no target, informational

    @property
    def verdict(self) -> str:
        return "info" if self.ok is None else ("pass" if self.ok else "FAIL")


@dataclasses.dataclass
class Report:
    """The rows in the order measured; each benchmark adds its own `check`."""

    rows: list[Row] = dataclasses.field(default_factory=list)

    def info(self, measure: str, value: str) -> None:
        self.rows.append(Row(measure, value))

    def print(self) -> None:
        head = ("measure", "value", "target", "result")
        cells = [head, *((r.measure, r.value, r.target, r.verdict) for r in self.rows)]
        widths = [max(len(c[i]) for c in cells) for i in range(len(head))]

        def line(c: tuple[str, ...]) -> str:
            return "| " + " | ".join(v.ljust(w) for v, w in zip(c, widths, strict=True)) + " |"

        print(line(head))
        print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
        for c in cells[1:]:
            print(line(c))


def percentile(values: list[float], pct: float) -> float:
    """Nearest rank (no interpolation): a reported p95 is a real sample."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result
