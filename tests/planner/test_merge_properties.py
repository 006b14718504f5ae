"""Property: two copies of one plan get random sequences of real service calls; the
merge is checked against a three-way comparison of the plan's records (ancestor, mine,
theirs), field by field, independent of the change log the merge reads."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.merge import apply_merge, choose_all, merge_preview
from planner.merge.classify import unit_of
from planner.storage.plan_file import create_plan, open_plan, save_copy
from tests.planner.test_merge_support import OPS, copies, do, integrity_ok, records, seed

CALLS = st.lists(st.tuples(st.integers(0, OPS - 1), st.integers(0, 999), st.integers(0, 999)),
                 max_size=12)


def _expected(base: dict, mine: dict, theirs: dict, skip: set) -> tuple[dict, set, set]:
    """Mine winning every conflict: (records, field conflicts, edit/delete conflicts)."""
    out: dict = {}
    fields: set = set()
    rows: set = set()
    for table in base:
        out[table] = {}
        for rid in base[table].keys() | mine[table].keys() | theirs[table].keys():
            o, a, b = (d[table].get(rid) for d in (base, mine, theirs))
            if (table, rid) in skip:
                continue
            if o in (a, b) or a == b:
                row = b if a == o else a
            elif a is None or b is None:
                rows.add((table, rid))
                row = a
            else:
                row = dict(a)
                for unit in dict.fromkeys(unit_of(table, f) for f in a):
                    ua, ub, uo = ([r[f] for f in unit] for r in (a, b, o))
                    if ua == uo:
                        row.update(zip(unit, ub, strict=True))
                    elif ub != uo and ua != ub:
                        fields.add((table, rid, unit))
            if row is not None:
                out[table][rid] = row
    return out, fields, rows


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(mine_calls=CALLS, theirs_calls=CALLS)
def test_merge_takes_every_one_sided_change_and_conflicts_exactly(mine_calls, theirs_calls):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        mine = create_plan(folder / "mine.cplan")
        seed(mine)
        theirs = copies(mine, folder)
        base = records(mine.db.conn)
        for plan, calls in ((mine, mine_calls), (theirs, theirs_calls)):
            for op, x, y in calls:
                do(plan, op, x, y)
        mine_now, theirs_now = records(mine.db.conn), records(theirs.db.conn)
        theirs.close()
        save_copy(mine, folder / "mine2.cplan")  # for the other direction
        shutil.copyfile(theirs.path, folder / "theirs2.cplan")

        preview = merge_preview(mine, theirs.path)
        apply_merge(mine, preview, choose_all(preview, "mine"))
        grouped = {row for c in preview.conflicts if c.kind == "deleted_parent" for row in c.rows}
        expected, fields, rows = _expected(base, mine_now, theirs_now, grouped)
        merged = records(mine.db.conn)
        for table, found in merged.items():
            assert {k: v for k, v in found.items() if (table, k) not in grouped} == \
                expected[table], table
        assert {(c.rows[0][0], c.rows[0][1], c.fields) for c in preview.conflicts
                if c.kind == "field"} == fields
        assert {c.rows[0] for c in preview.conflicts if c.kind == "edit_delete"} == rows - grouped
        assert integrity_ok(mine.db.conn)

        again = merge_preview(mine, theirs.path)  # idempotent
        assert again.nothing_to_do and apply_merge(mine, again, {}).action_id is None
        assert records(mine.db.conn) == merged
        mine.close()

        with open_plan(folder / "theirs2.cplan") as other:  # the other way round
            back = merge_preview(other, folder / "mine2.cplan")
            apply_merge(other, back, choose_all(back, "theirs"))
            assert records(other.db.conn) == merged
