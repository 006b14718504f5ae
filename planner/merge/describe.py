"""Changes and conflicts in planner words.

"Flight '双11 直播 第二波': budget ¥120,000.00 here, ¥150,000.00 in li's copy": records by
name (a flight without one by its campaign, channel and start), fields by what a planner
calls them, money in the plan's currency, references by the name of what they point to.
Every sentence and word is a `planner.i18n` message: the CLI prints the English, the
merge dialog shows it in the interface language (its words are in `merge.words`).
"""

from __future__ import annotations

import json

from planner.domain.money import format_money
from planner.i18n import QT_TRANSLATE_NOOP, Joined
from planner.merge import words
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
            return words.PLAN_SETTINGS
        campaign = self._name("campaigns", row.get("campaign_id"))
        channel = self._name("channels", row.get("channel_id"))
        if table == "flights" and not row.get("name"):
            return QT_TRANSLATE_NOOP("merge", "Flight of '{campaign}' on {channel} from {start}"
                                     ).format(campaign=campaign, channel=channel,
                                              start=str(row.get("start")))
        if table == "kpi_targets":
            return QT_TRANSLATE_NOOP("merge", "KPI target '{metric}' of '{campaign}'").format(
                metric=str(row.get("metric")), campaign=campaign)
        if table == "placeholders":
            return QT_TRANSLATE_NOOP("merge", "Placeholder on {channel} from {start}").format(
                channel=channel, start=str(row.get("start")))
        return QT_TRANSLATE_NOOP("merge", "{noun} '{name}'").format(
            noun=words.word(words.NOUNS, rows.noun(table).capitalize()),
            name=self._name(table, row_id))

    def label(self, table: str, fields: tuple[str, ...], row_id: str = "") -> str:
        if table == "settings":
            english = _LABELS.get(row_id, row_id.replace("_", " "))
        elif len(fields) > 1:
            english = _GROUP_LABELS.get(fields, "")
            if not english:
                return Joined(words.AND, [self.label(table, (f,)) for f in fields])
        else:
            english = _LABELS.get(fields[0], fields[0].removesuffix("_id").replace("_", " "))
        return words.word(words.FIELDS, english)

    def value(self, table: str, field: str, value: object, row_id: str = "") -> str:
        if table == "settings":  # one row per setting, its value as JSON
            return self.value("", row_id, json.loads(value) if isinstance(value, str) else value)
        if value is None or value == "":
            return words.word(words.VALUES, "none" if field != "phasing" else "even")
        if field.endswith("_minor") and isinstance(value, int):
            return format_money(value, self.currency)
        if field.endswith("_bp") and isinstance(value, int):
            return words.PERCENT.format(value=f"{value / 100:g}")
        if field in _REFERS:
            return words.QUOTED.format(name=self._name(_REFERS[field], value))
        if field == "phasing":
            pattern = (json.loads(value) if isinstance(value, str) else value).get("pattern")
            return words.word(words.PHASINGS, f"{pattern or 'custom'} phasing")
        if field == "committed":
            return words.word(words.VALUES, "committed" if value else "not committed")
        if field in words.CODED:
            return words.word(words.VALUES, str(value))
        return str(value)

    def values(self, table: str, fields: tuple[str, ...], row: Row, row_id: str = "") -> str:
        if "start" in fields and "end" in fields:
            rest = [f for f in fields if f not in ("start", "end") and row.get(f) is not None]
            dates = QT_TRANSLATE_NOOP("merge", "{start}–{end}").format(
                start=str(row.get("start")), end=str(row.get("end")))
            return Joined(words.SEMICOLON, [dates] + [self._setting(table, f, row[f])
                                                       for f in rest])
        return Joined(words.COMMA, [self.value(table, f, row.get(f), row_id) for f in fields])

    def _setting(self, table: str, field: str, value: object, row_id: str = "",
                 before: object = None, changed: bool = False) -> str:
        """"budget ¥1.00", or "budget ¥1.00 → ¥2.00" when `changed` from `before`."""
        label = self.label(table, (field,), row_id)
        if changed:
            return QT_TRANSLATE_NOOP("merge", "{label} {before} → {after}").format(
                label=label, before=self.value(table, field, before, row_id),
                after=self.value(table, field, value, row_id))
        return QT_TRANSLATE_NOOP("merge", "{label} {value}").format(
            label=label, value=self.value(table, field, value, row_id))

    def _where(self, side: str) -> str:
        return {"mine": words.HERE, "theirs": words.IN_COPY.format(user=self.user),
                "same": words.IN_BOTH}[side]

    def _edits(self, effect: RowEffect, fields: tuple[str, ...]) -> str:
        t, rid = effect.table, effect.row_id
        return Joined(words.COMMA, [
            self._setting(t, f, effect.after.get(f), rid, effect.before.get(f),
                          changed=effect.existed and f in effect.before)
            for f in fields])

    # -- sentences --------------------------------------------------------------------
    def change(self, side: str, effect: RowEffect, fields: tuple[str, ...]) -> str:
        subject = self.subject(effect.table, effect.row_id)
        where = self._where(side)
        if effect.kind == "added":
            return QT_TRANSLATE_NOOP("merge", "{subject} added {where}").format(
                subject=subject, where=where)
        if effect.kind == "deleted":
            return QT_TRANSLATE_NOOP("merge", "{subject} deleted {where}").format(
                subject=subject, where=where)
        return QT_TRANSLATE_NOOP("merge", "{subject}: {edits} ({where})").format(
            subject=subject, edits=self._edits(effect, fields), where=where)

    def field_conflict(self, key: Key, unit: tuple[str, ...], mine: Row, theirs: Row, *,
                       if_theirs: tuple[RowOp, ...]) -> Conflict:
        table, row_id = key
        subject, label = self.subject(table, row_id), self.label(table, unit, row_id)
        mv, tv = self.values(table, unit, mine, row_id), self.values(table, unit, theirs, row_id)
        text = QT_TRANSLATE_NOOP("merge", "{subject}: {label} {mine} here, {theirs} {where}"
                                 ).format(subject=subject, label=label, mine=mv, theirs=tv,
                                          where=self._where("theirs"))
        return Conflict(f"{table}:{row_id}:{'+'.join(unit)}", "field", (key,), unit, subject,
                        label, mv, tv, text, (), if_theirs)

    def edit_delete(self, key: Key, mine: RowEffect, theirs: RowEffect, *,
                    if_theirs: tuple[RowOp, ...]) -> Conflict:
        table, row_id = key
        subject = self.subject(table, row_id)
        said = {side: words.DELETED if not e.exists else QT_TRANSLATE_NOOP(
                    "merge", "edited ({edits})").format(edits=self._edits(e, e.changed))
                for side, e in (("mine", mine), ("theirs", theirs))}
        fields = mine.changed or theirs.changed
        text = QT_TRANSLATE_NOOP("merge", "{subject}: {mine} here, {theirs} {where}").format(
            subject=subject, mine=said["mine"], theirs=said["theirs"],
            where=self._where("theirs"))
        return Conflict(f"{table}:{row_id}", "edit_delete", (key,), fields, subject,
                        words.word(words.FIELDS, "record"), said["mine"], said["theirs"],
                        text, (), if_theirs)

    def parent_conflict(self, parents: list[Key], children: list[Key], deleter: dict[Key, str],
                        *, if_mine: tuple[RowOp, ...], if_theirs: tuple[RowOp, ...]) -> Conflict:
        first = parents[0]
        side = deleter[first]
        other = "theirs" if side == "mine" else "mine"
        gone = Joined(words.COMMA, [self.subject(*p) for p in parents])
        used = list(dict.fromkeys(self.subject(*c) for c in children if c not in parents))
        listed: str = Joined(words.SEMICOLON, used[:5])
        if len(used) > 5:
            listed = QT_TRANSLATE_NOOP("merge", "{listed} and {count} more").format(
                listed=listed, count=len(used) - 5)
        sentence = (QT_TRANSLATE_NOOP(
            "merge", "{gone} was deleted {where}, but {count} record(s) were added or changed "
            "under it {other}: {listed}") if len(parents) == 1 else QT_TRANSLATE_NOOP(
            "merge", "{gone} were deleted {where}, but {count} record(s) were added or changed "
            "under it {other}: {listed}"))
        text = sentence.format(gone=gone, where=self._where(side), count=len(used),
                               other=self._where(other), listed=listed)
        said = {side: words.DELETED, other: QT_TRANSLATE_NOOP(
            "merge", "kept, with {count} record(s) under it").format(count=len(used))}
        rows_ = tuple(dict.fromkeys([*parents, *children]))
        return Conflict(f"{first[0]}:{first[1]}:deleted", "deleted_parent", rows_, (),
                        gone, words.word(words.FIELDS, "record"), said["mine"], said["theirs"],
                        text, if_mine, if_theirs)
