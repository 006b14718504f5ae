"""Changes and conflicts in planner words.

"Flight '双11 直播 第二波': budget ¥120,000.00 here, ¥150,000.00 in li's copy": records by
name (a flight without one by its campaign, channel and start), fields by what a planner
calls them, money in the plan's currency, references by the name of what they point to.
"""

from __future__ import annotations

import json

from planner.domain.money import format_money
from planner.merge.model import Conflict, RowOp
from planner.merge.net import Key, RowEffect
from planner.storage import rows
from planner.storage.plan_file import Plan

Row = dict[str, object]

# Columns read to name records, per table.
_NAMING = {
    "channels": "id, name", "campaigns": "id, name", "segments": "id, name",
    "events": "id, name", "baselines": "id, name", "scenarios": "id, name",
    "flights": "id, name, campaign_id, channel_id, start",
    "kpi_targets": "id, metric, campaign_id", "placeholders": "id, channel_id, start",
}
_REFERS = {"campaign_id": "campaigns", "channel_id": "channels", "segment_id": "segments",
           "flight_id": "flights", "baseline_id": "baselines"}
_LABELS = {
    "budget_minor": "budget", "brand_share_bp": "brand share", "sort_order": "position",
    "min_spend_minor": "minimum spend", "max_spend_minor": "cap", "unit_cost_minor":
    "unit cost", "total_budget_minor": "total budget", "amount_minor": "amount",
    "spend_minor": "spend", "revenue_minor": "revenue", "grp": "group", "kind": "type",
    "brand_share_min_bp": "lowest brand share", "brand_share_max_bp": "highest brand share",
    "brand_share_target_bp": "target brand share", "booked_on": "booked on",
}
_GROUP_LABELS = {("start", "end", "phasing"): "dates", ("start", "end"): "dates",
                 ("start", "end", "booking_deadline"): "dates"}


class Words:
    """Names every record a merge mentions, from either copy."""

    def __init__(self, known: dict[Key, Row], currency: str, user: str) -> None:
        self.known, self.currency, self.user = known, currency, user

    @classmethod
    def load(cls, mine: Plan, theirs: Plan, effects: list[RowEffect], user: str) -> Words:
        known: dict[Key, Row] = {}
        for effect in effects:  # deleted records are named from the log
            known[(effect.table, effect.row_id)] = {**effect.before, **effect.after}
        for plan in (theirs, mine):  # this copy's names win
            for table, columns in _NAMING.items():
                cursor = plan.db.execute(f'SELECT {columns} FROM "{table}"')
                names = [d[0] for d in cursor.description]
                for row in cursor:  # a name set in either copy beats none
                    named = {k: v for k, v in zip(names, row, strict=True) if v not in (None, "")}
                    known[(table, row[0])] = {**known.get((table, row[0]), {}), **named}
        return cls(known, rows.read_settings(mine.db).currency, user)

    # -- pieces -----------------------------------------------------------------------
    def _name(self, table: str, row_id: object) -> str:
        row = self.known.get((table, str(row_id)), {})
        return str(row.get("name") or row.get("metric") or str(row_id)[:8])

    def subject(self, table: str, row_id: str) -> str:
        row = self.known.get((table, row_id), {})
        if table == "settings":
            return "Plan settings"
        if table == "flights" and not row.get("name"):
            return (f"Flight of '{self._name('campaigns', row.get('campaign_id'))}' on "
                    f"{self._name('channels', row.get('channel_id'))} from {row.get('start')}")
        if table == "kpi_targets":
            return (f"KPI target '{row.get('metric')}' of "
                    f"'{self._name('campaigns', row.get('campaign_id'))}'")
        if table == "placeholders":
            return (f"Placeholder on {self._name('channels', row.get('channel_id'))} "
                    f"from {row.get('start')}")
        return f"{rows.noun(table).capitalize()} '{self._name(table, row_id)}'"

    def label(self, table: str, fields: tuple[str, ...], row_id: str = "") -> str:
        if table == "settings":
            return _LABELS.get(row_id, row_id.replace("_", " "))
        if len(fields) > 1:
            return _GROUP_LABELS.get(fields, " and ".join(self.label(table, (f,)) for f in fields))
        name = fields[0]
        return _LABELS.get(name, name.removesuffix("_id").replace("_", " "))

    def value(self, table: str, field: str, value: object, row_id: str = "") -> str:
        if table == "settings":  # one row per setting, its value as JSON
            return self.value("", row_id, json.loads(value) if isinstance(value, str) else value)
        if value is None or value == "":
            return "none" if field != "phasing" else "even"
        if field.endswith("_minor") and isinstance(value, int):
            return format_money(value, self.currency)
        if field.endswith("_bp") and isinstance(value, int):
            return f"{value / 100:g} %"
        if field in _REFERS:
            return f"'{self._name(_REFERS[field], value)}'"
        if field == "phasing":
            pattern = (json.loads(value) if isinstance(value, str) else value).get("pattern")
            return f"{pattern or 'custom'} phasing"
        if field == "committed":
            return "committed" if value else "not committed"
        return str(value)

    def values(self, table: str, fields: tuple[str, ...], row: Row, row_id: str = "") -> str:
        if "start" in fields and "end" in fields:
            rest = [f for f in fields if f not in ("start", "end") and row.get(f) is not None]
            text = f"{row.get('start')}–{row.get('end')}"
            return "; ".join([text] + [f"{self.label(table, (f,))} "
                                       f"{self.value(table, f, row[f])}" for f in rest])
        return ", ".join(self.value(table, f, row.get(f), row_id) for f in fields)

    def _where(self, side: str) -> str:
        return {"mine": "here", "theirs": f"in {self.user}'s copy",
                "same": "in both copies"}[side]

    def _edits(self, effect: RowEffect, fields: tuple[str, ...]) -> str:
        t, rid = effect.table, effect.row_id
        return ", ".join(
            f"{self.label(t, (f,), rid)} {self.value(t, f, effect.before.get(f), rid)} → "
            f"{self.value(t, f, effect.after.get(f), rid)}"
            if effect.existed and f in effect.before else
            f"{self.label(t, (f,), rid)} {self.value(t, f, effect.after.get(f), rid)}"
            for f in fields)

    # -- sentences --------------------------------------------------------------------
    def change(self, side: str, effect: RowEffect, fields: tuple[str, ...]) -> str:
        subject = self.subject(effect.table, effect.row_id)
        if effect.kind in ("added", "deleted"):
            return f"{subject} {effect.kind} {self._where(side)}"
        return f"{subject}: {self._edits(effect, fields)} ({self._where(side)})"

    def field_conflict(self, key: Key, unit: tuple[str, ...], mine: Row, theirs: Row, *,
                       if_theirs: tuple[RowOp, ...]) -> Conflict:
        table, row_id = key
        subject, label = self.subject(table, row_id), self.label(table, unit, row_id)
        mv, tv = self.values(table, unit, mine, row_id), self.values(table, unit, theirs, row_id)
        text = f"{subject}: {label} {mv} here, {tv} {self._where('theirs')}"
        return Conflict(f"{table}:{row_id}:{'+'.join(unit)}", "field", (key,), unit, subject,
                        label, mv, tv, text, (), if_theirs)

    def edit_delete(self, key: Key, mine: RowEffect, theirs: RowEffect, *,
                    if_theirs: tuple[RowOp, ...]) -> Conflict:
        table, row_id = key
        subject = self.subject(table, row_id)
        said = {side: "deleted" if not e.exists else f"edited ({self._edits(e, e.changed)})"
                for side, e in (("mine", mine), ("theirs", theirs))}
        fields = mine.changed or theirs.changed
        return Conflict(f"{table}:{row_id}", "edit_delete", (key,), fields, subject, "record",
                        said["mine"], said["theirs"],
                        f"{subject}: {said['mine']} here, {said['theirs']} "
                        f"{self._where('theirs')}", (), if_theirs)

    def parent_conflict(self, parents: list[Key], children: list[Key], deleter: dict[Key, str],
                        *, if_mine: tuple[RowOp, ...], if_theirs: tuple[RowOp, ...]) -> Conflict:
        first = parents[0]
        side = deleter[first]
        other = "theirs" if side == "mine" else "mine"
        gone = ", ".join(self.subject(*p) for p in parents)
        used = list(dict.fromkeys(self.subject(*c) for c in children if c not in parents))
        listed = "; ".join(used[:5]) + (f" and {len(used) - 5} more" if len(used) > 5 else "")
        verb = "was" if len(parents) == 1 else "were"
        text = (f"{gone} {verb} deleted {self._where(side)}, but {len(used)} record(s) were "
                f"added or changed under it {self._where(other)}: {listed}")
        said = {side: "deleted", other: f"kept, with {len(used)} record(s) under it"}
        rows_ = tuple(dict.fromkeys([*parents, *children]))
        return Conflict(f"{first[0]}:{first[1]}:deleted", "deleted_parent", rows_, (),
                        gone, "record", said["mine"], said["theirs"], text, if_mine, if_theirs)
