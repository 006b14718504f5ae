"""Row bookkeeping the item models share: runs of rows for one signal each, and
where a row goes in a list the model keeps sorted itself."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any


def runs(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Rows as sorted (first, last) runs of consecutive rows: one signal per run."""
    out: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if out and out[-1][1] == row - 1:
            out[-1] = (out[-1][0], row)
        else:
            out.append((row, row))
    return out


def insertion_point(ids: list[str], key: Any, key_of: Callable[[str], Any], *,
                    descending: bool = False) -> int:
    """Where a row with `key` goes among `ids`, sorted by `key_of` (keys unique)."""
    low, high = 0, len(ids)
    while low < high:
        middle = (low + high) // 2
        other = key_of(ids[middle])
        if (other > key) if descending else (other < key):
            low = middle + 1
        else:
            high = middle
    return low
