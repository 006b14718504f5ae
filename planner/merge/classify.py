"""Sort two copies' net effects into changes taken as they are and conflicts to choose.

The unit of a conflict is a field, except where fields only make sense together: a
flight's start, end and phasing are its "dates" (one copy moving a flight and the
other shortening it is one conflict, never a span that ends before it starts).
References are followed where one copy deleted a record the other still uses: the
deleted record and the records using it become one conflict, since keeping one
without the other would break the plan.

Every outcome is stated as whole records (the ancestor's values plus one copy's
changes), and the writes are the difference from this copy's current rows, so
merging A into B or B into A with the same winners gives the same plan.
"""

from __future__ import annotations

from planner.merge.describe import Words
from planner.merge.model import Conflict, MergeItem, RowOp
from planner.merge.net import Key, RowEffect
from planner.storage.plan_file import Plan
from planner.storage.schema import USER_TABLES, primary_key

GROUPS: dict[str, tuple[tuple[str, ...], ...]] = {
    "flights": (("start", "end", "phasing"),),
    "events": (("start", "end", "booking_deadline"),),
    "placeholders": (("start", "end"),),
    "actuals": (("start", "end"),),
    "history": (("start", "end"),),
}

Row = dict[str, object]
Reference = tuple[str, str, bool]  # (field, parent table, nullable)


def unit_of(table: str, field: str) -> tuple[str, ...]:
    """The fields that merge as one with `field`."""
    for group in GROUPS.get(table, ()):
        if field in group:
            return group
    return (field,)


def foreign_keys(plan: Plan) -> dict[str, list[Reference]]:
    """Each planner table's references to other planner tables, read from the schema."""
    found: dict[str, list[Reference]] = {}
    for table in USER_TABLES:
        notnull = {r[1]: bool(r[3]) for r in plan.db.execute(f'PRAGMA table_info("{table}")')}
        for r in plan.db.execute(f'PRAGMA foreign_key_list("{table}")'):
            if r[2] in USER_TABLES:
                found.setdefault(table, []).append((r[3], r[2], not notnull[r[3]]))
    return found


def ops_between(table: str, row_id: str, current: Row | None, wanted: Row | None
                ) -> tuple[RowOp, ...]:
    """The write that turns this copy's row `current` into `wanted`."""
    if current is None and wanted is None:
        return ()
    if current is None:
        return (RowOp(table, row_id, "insert", dict(wanted)),)  # type: ignore[arg-type]
    if wanted is None:
        return (RowOp(table, row_id, "delete"),)
    diff = {f: v for f, v in wanted.items() if current.get(f) != v}
    return (RowOp(table, row_id, "update", diff),) if diff else ()


class Classifier:
    """Compares this copy's (`mine`) and the other copy's (`theirs`) net effects."""

    def __init__(self, plan: Plan, mine: dict[Key, RowEffect], theirs: dict[Key, RowEffect],
                 words: Words) -> None:
        self.plan, self.words = plan, words
        self.effects = {"mine": mine, "theirs": theirs}
        self._rows: dict[Key, Row | None] = {}
        self.items: list[MergeItem] = []
        self.conflicts: list[Conflict] = []

    # -- records as each copy has them ------------------------------------------------
    def current(self, key: Key) -> Row | None:
        """This copy's row now."""
        if key not in self._rows:
            table, row_id = key
            cursor = self.plan.db.execute(
                f'SELECT * FROM "{table}" WHERE "{primary_key(table)}" = ?', [row_id])
            row = cursor.fetchone()
            self._rows[key] = None if row is None else dict(
                zip([d[0] for d in cursor.description], row, strict=True))
        return self._rows[key]

    def ancestor(self, key: Key) -> Row | None:
        m, t = self.effects["mine"].get(key), self.effects["theirs"].get(key)
        if (m is not None and not m.existed) or (t is not None and not t.existed):
            return None
        return {**(self.current(key) or {}), **(m.before if m else {})}

    def version(self, side: str, key: Key) -> Row | None:
        if side == "mine":
            return self.current(key)
        effect = self.effects["theirs"].get(key)
        return self.ancestor(key) if effect is None else effect.version(self.ancestor(key))

    # -- classification ---------------------------------------------------------------
    def run(self, references: dict[str, list[Reference]]) -> None:
        absorbed = self._deleted_parents(references)
        mine, theirs = self.effects["mine"], self.effects["theirs"]
        for key in sorted((mine.keys() | theirs.keys()) - absorbed):
            m, t = mine.get(key), theirs.get(key)
            if t is None:
                self._item("mine", m, m.changed)  # type: ignore[arg-type]
            elif m is None:
                self._item("theirs", t, t.changed, self._theirs_ops(t))
            elif not m.exists and not t.exists:
                self._item("same", t, ())
            elif not m.exists or not t.exists:
                self._edit_delete(key, m, t)
            else:
                self._fields(key, m, t)

    def _item(self, side: str, effect: RowEffect, fields: tuple[str, ...],
              ops: tuple[RowOp, ...] = ()) -> None:
        text = self.words.change(side, effect, fields)
        self.items.append(MergeItem(side, effect.table, effect.row_id, effect.kind or "edited",
                                    tuple(fields), text, ops))

    @staticmethod
    def _theirs_ops(t: RowEffect) -> tuple[RowOp, ...]:
        if t.kind == "added":
            return (RowOp(t.table, t.row_id, "insert", dict(t.after)),)
        if t.kind == "deleted":
            return (RowOp(t.table, t.row_id, "delete"),)
        return (RowOp(t.table, t.row_id, "update", {f: t.after[f] for f in t.changed}),)

    def _edit_delete(self, key: Key, m: RowEffect, t: RowEffect) -> None:
        wanted = self.version("theirs", key)
        table, row_id = key
        self.conflicts.append(self.words.edit_delete(
            key, m, t, if_theirs=ops_between(table, row_id, self.current(key), wanted)))

    def _fields(self, key: Key, m: RowEffect, t: RowEffect) -> None:
        table, row_id = key
        mc, tc = set(m.changed), set(t.changed)
        units = list(dict.fromkeys(unit_of(table, f) for f in (*m.changed, *t.changed)))
        only_m: list[str] = []
        only_t: list[str] = []
        same: list[str] = []
        for unit in units:
            in_m, in_t = [f for f in unit if f in mc], [f for f in unit if f in tc]
            if not in_t:
                only_m += in_m
                continue
            if not in_m:
                only_t += in_t
                continue
            ancestor = self.ancestor(key) or {}
            mv = {f: m.after[f] if f in mc else ancestor.get(f) for f in unit}
            tv = {f: t.after[f] if f in tc else ancestor.get(f) for f in unit}
            if mv == tv:
                same += sorted(set(in_m) | set(in_t), key=unit.index)
                continue
            self.conflicts.append(self.words.field_conflict(
                key, unit, mv, tv, if_theirs=ops_between(table, row_id, self.current(key), tv)))
        if only_m:
            self._item("mine", m, tuple(only_m))
        if only_t:
            ops = (RowOp(table, row_id, "update", {f: t.after[f] for f in only_t}),)
            self._item("theirs", t, tuple(only_t), ops)
        if same:
            self._item("same", t, tuple(same))

    # -- a record deleted on one side and still used on the other -----------------------
    def _deleted_parents(self, references: dict[str, list[Reference]]) -> set[Key]:
        """Group each record one copy deleted with the records the other copy added or
        changed under it; each group is one conflict. Returns the records grouped."""
        parent_of: dict[Key, Key] = {}  # union-find over deleted parents

        def root(key: Key) -> Key:
            while parent_of[key] != key:
                key = parent_of[key]
            return key

        children: dict[Key, list[tuple[Key, str, bool, Key]]] = {}
        deleter: dict[Key, str] = {}
        for dside, kside in (("theirs", "mine"), ("mine", "theirs")):
            gone, kept = self.effects[dside], self.effects[kside]
            deleted = {k for k, e in gone.items() if e.kind == "deleted"
                       and (k not in kept or kept[k].exists)}
            for key, effect in kept.items():
                if not effect.exists:
                    continue
                for field, ptable, nullable in references.get(effect.table, ()):
                    ref = self._final(effect, key, field)
                    pkey = (ptable, ref)
                    if ref is None or pkey not in deleted:
                        continue
                    other = gone.get(key)
                    if other is not None and other.exists and field in other.changed:
                        continue  # the deleting copy moved it elsewhere
                    for p in (pkey, key):
                        parent_of.setdefault(p, p)
                    deleter[pkey] = dside
                    children.setdefault(pkey, []).append((key, field, nullable, pkey))
                    parent_of[root(key)] = root(pkey)
        clusters: dict[Key, list[Key]] = {}
        for pkey in deleter:
            clusters.setdefault(root(pkey), []).append(pkey)
        absorbed: set[Key] = set()
        for parents in clusters.values():
            links = [c for p in parents for c in children[p]]
            self.conflicts.append(self._parent_conflict(parents, links, deleter))
            absorbed |= set(parents) | {c[0] for c in links}
        return absorbed

    def _final(self, effect: RowEffect, key: Key, field: str) -> object:
        if field in effect.after:
            return effect.after[field]
        return (self.ancestor(key) or {}).get(field)

    def _parent_conflict(self, parents: list[Key], links: list[tuple[Key, str, bool, Key]],
                         deleter: dict[Key, str]) -> Conflict:
        def keeper(p: Key) -> str:
            return "mine" if deleter[p] == "theirs" else "theirs"

        def outcome(choice: str) -> tuple[RowOp, ...]:
            wanted: dict[Key, Row | None] = {
                p: None if deleter[p] == choice else self.version(keeper(p), p) for p in parents}
            for child, field, nullable, p in links:
                if child not in wanted:
                    wanted[child] = self.version(keeper(p), child)
                row = wanted[child]
                if row is not None and wanted[p] is None:
                    wanted[child] = {**row, field: None} if nullable else None
            return tuple(op for key, row in wanted.items()
                         for op in ops_between(*key, self.current(key), row))

        return self.words.parent_conflict(parents, [c[0] for c in links], deleter,
                                          if_mine=outcome("mine"), if_theirs=outcome("theirs"))
