"""Property tests: malformed CSV and xlsx never crash an import, every problem is
located, and a refused import leaves the plan file byte for byte as it was."""

from __future__ import annotations

import datetime as dt
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.io.columns import ACTUAL_COLUMNS, CSV_COLUMNS
from planner.io.imports import import_file
from planner.services import campaigns, channels
from tests.planner.io_support import Snapshot, write_rows

HEADERS = sorted({c.en for c in CSV_COLUMNS + ACTUAL_COLUMNS}
                 | {c.zh for c in CSV_COLUMNS + ACTUAL_COLUMNS})
CELLS = st.one_of(
    st.none(), st.text(max_size=20), st.sampled_from(["天猫", "618", "web_shop", "", "TRUE"]),
    st.integers(min_value=-10**30, max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1900, 1, 1)).map(str),
    st.dates(min_value=dt.date(2025, 12, 1), max_value=dt.date(2027, 1, 31)),
    st.sampled_from(["2026-02-30", "2026-13-01", "1e999", "NaN", "{", "[1]", "{\"pattern\":1}",
                     "3f2b0c1e-0000-4000-8000-000000000001", "=cmd|'/C calc'!A0", "'-1"]),
)
TABLES = st.tuples(
    st.lists(st.one_of(st.sampled_from(HEADERS), st.text(max_size=8)), max_size=10),
    st.lists(st.lists(CELLS, max_size=10), max_size=8),
)
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def _seed(plan):
    if plan.db.execute("SELECT COUNT(*) FROM channels").fetchone()[0] == 0:
        channels.create_channel(plan, "天猫", "web_shop")
        campaigns.create_campaign(plan, "618", "promotion")


def _check(plan, path, kind):
    snapshot = Snapshot(plan)
    report = import_file(plan, path, kind)
    for problem in report.problems:
        assert problem.file == path.name and problem.reason
        assert problem.describe()
        if problem.value not in (None, ""):
            assert problem.row is not None and problem.column is not None
    if report.problems:
        assert report.action_id is None and snapshot.unchanged()


def _csv_bytes(header, rows, encoding):
    buffer = io.StringIO()
    for line in [header, *rows]:
        buffer.write(",".join("" if c is None else str(c).replace(",", ";") for c in line))
        buffer.write("\r\n")
    return buffer.getvalue().encode(encoding, errors="replace")


@SETTINGS
@given(table=TABLES, kind=st.sampled_from(["flights", "actuals", "history"]),
       encoding=st.sampled_from(["utf-8-sig", "utf-8", "gb18030", "utf-16", "latin-1"]))
def test_malformed_csv(plan, tmp_path, table, kind, encoding):
    _seed(plan)
    path = tmp_path / "in.csv"
    path.write_bytes(_csv_bytes(*table, encoding))
    _check(plan, path, kind)


@SETTINGS
@given(table=TABLES, kind=st.sampled_from(["flights", "actuals"]))
def test_malformed_xlsx(plan, tmp_path, table, kind):
    _seed(plan)
    header, rows = table
    cells = [[c if not isinstance(c, float) or (c == c and abs(c) < 1e300) else str(c)
              for c in row] for row in [header, *rows]]
    cells = [[str(c) if isinstance(c, int) and abs(c) > 2**53 else c for c in row]
             for row in cells]
    cells = [[c if not isinstance(c, str) else "".join(ch for ch in c if ch >= " ")
              for c in row] for row in cells]
    path = write_rows(tmp_path / "in.xlsx", cells)
    _check(plan, path, kind)


@SETTINGS
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]),
       kind=st.sampled_from(["flights", "actuals", "history"]))
def test_random_bytes(plan, tmp_path, data, suffix, kind):
    _seed(plan)
    path = tmp_path / f"in{suffix}"
    path.write_bytes(data)
    _check(plan, path, kind)


@SETTINGS
@given(first=st.binary(min_size=1, max_size=200), second=st.text(min_size=1, max_size=50))
def test_mixed_encodings(plan, tmp_path, first, second):
    _seed(plan)
    path = tmp_path / "mixed.csv"
    path.write_bytes("Campaign,Channel,Start\r\n".encode("utf-8-sig") + first
                     + second.encode("gb18030", errors="replace"))
    _check(plan, path, "flights")
