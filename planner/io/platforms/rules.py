"""Matching rules: which plan channel and flight (or campaign) a platform row is.

A planner sets the rules once per plan; they are stored in the plan's settings
under one key as JSON (settings rows are captured like any edit, so setting rules is
one undoable action and merges like any setting) and used by every later import.
A rule matches a platform campaign by its id, its exact name, a part of its name
or a regular expression; ids are tried first, then exact names, then the other
rules in the order given. A rule may be limited to one platform.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any

from planner.domain.changes import Done
from planner.errors import ValidationError
from planner.i18n import QT_TRANSLATE_NOOP
from planner.io.platforms.values import normalise
from planner.storage import history

SETTINGS_KEY = "actuals_match_rules"
KINDS = ("campaign_id", "exact", "contains", "regex")
MAX_PATTERN = 500


@dataclass(frozen=True)
class MatchRule:
    """Rows whose campaign `kind`-matches `pattern` are actuals of `channel_id`, and of
    `flight_id` (or of the flight of `campaign_id` on that channel covering the date)."""

    kind: str
    pattern: str
    channel_id: str
    flight_id: str | None = None
    campaign_id: str | None = None
    platform: str | None = None


@dataclass(frozen=True)
class Match:
    rule: MatchRule
    channel_id: str
    flight_id: str | None


def load_rules(plan: Any) -> list[MatchRule]:
    row = plan.db.execute("SELECT value FROM settings WHERE key = ?", [SETTINGS_KEY]).fetchone()
    return [MatchRule(**item) for item in json.loads(row[0])] if row else []


def check_rules(plan: Any, rules: list[MatchRule]) -> None:
    """:raises ValidationError: naming the rule's field, value and why."""
    channels = {r[0] for r in plan.db.execute("SELECT id FROM channels")}
    flights = dict(plan.db.execute("SELECT id, channel_id FROM flights").fetchall())
    flight_campaign = dict(plan.db.execute("SELECT id, campaign_id FROM flights").fetchall())
    campaigns = {r[0] for r in plan.db.execute("SELECT id FROM campaigns")}
    for n, rule in enumerate(rules, start=1):
        if rule.kind not in KINDS:
            raise ValidationError(
                QT_TRANSLATE_NOOP("fields", "match rule {n}.kind").format(n=n), rule.kind,
                QT_TRANSLATE_NOOP("validation", "must be one of {allowed}").format(
                    allowed=", ".join(KINDS)))
        pattern = QT_TRANSLATE_NOOP("fields", "match rule {n}.pattern").format(n=n)
        if not rule.pattern.strip() or len(rule.pattern) > MAX_PATTERN:
            raise ValidationError(pattern, rule.pattern, QT_TRANSLATE_NOOP(
                "validation", "must be 1 to {most} characters").format(most=MAX_PATTERN))
        if rule.kind == "regex":
            try:
                re.compile(rule.pattern)
            except re.error as exc:
                raise ValidationError(pattern, rule.pattern, QT_TRANSLATE_NOOP(
                    "validation", "is not a regular expression ({error})").format(
                    error=exc)) from None
        if rule.channel_id not in channels:
            raise ValidationError(
                QT_TRANSLATE_NOOP("fields", "match rule {n}.channel_id").format(n=n),
                rule.channel_id, QT_TRANSLATE_NOOP("validation", "no such channel"))
        if rule.flight_id is not None and flights.get(rule.flight_id) != rule.channel_id:
            raise ValidationError(
                QT_TRANSLATE_NOOP("fields", "match rule {n}.flight_id").format(n=n),
                rule.flight_id,
                QT_TRANSLATE_NOOP("validation", "is not a flight on the rule's channel"))
        if rule.campaign_id is not None and (
                rule.campaign_id not in campaigns or (rule.flight_id is not None
                and flight_campaign[rule.flight_id] != rule.campaign_id)):
            raise ValidationError(
                QT_TRANSLATE_NOOP("fields", "match rule {n}.campaign_id").format(n=n),
                rule.campaign_id, QT_TRANSLATE_NOOP(
                    "validation", "no such campaign, or not the flight's campaign"))


def set_match_rules(plan: Any, rules: list[MatchRule]) -> Done:
    """Remember `rules` in the plan, replacing the ones it had: one undoable action."""
    check_rules(plan, rules)
    encoded = json.dumps([asdict(r) for r in rules], ensure_ascii=False, sort_keys=True)
    with plan.action("Set actuals matching rules") as act:
        plan.db.execute("INSERT INTO settings(key, value) VALUES (?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value "
                        "WHERE value IS NOT excluded.value", [SETTINGS_KEY, encoded])
    return history.done(plan, act)


def _fold(name: str) -> str:
    return " ".join(normalise(name).casefold().split())


class Matcher:
    """Rules compiled once; a campaign's match cached, a flight picked per date."""

    def __init__(self, plan: Any, rules: list[MatchRule]) -> None:
        self._ids = {(r.platform, r.pattern.strip()): r for r in reversed(rules)
                     if r.kind == "campaign_id"}
        self._exact = {(r.platform, _fold(r.pattern)): r for r in reversed(rules)
                       if r.kind == "exact"}
        self._others = [(r, _fold(r.pattern) if r.kind == "contains" else re.compile(r.pattern))
                        for r in rules if r.kind in ("contains", "regex")]
        self._spans: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
        for fid, cid, chid, start, end in plan.db.execute(
                'SELECT id, campaign_id, channel_id, start, "end" FROM flights ORDER BY start'):
            self._spans[(cid, chid)].append((start, end, fid))
        self._cache: dict[tuple[str, str | None, str], MatchRule | None] = {}
        self._matches: dict[tuple[int, dt.date | None], Match] = {}  # per rule (and day)

    def rule(self, platform: str, campaign_id: str | None, name: str) -> MatchRule | None:
        key = (platform, campaign_id, name)
        if key not in self._cache:
            self._cache[key] = self._find(platform, campaign_id, name)
        return self._cache[key]

    def _find(self, platform: str, campaign_id: str | None, name: str) -> MatchRule | None:
        for scope in (platform, None):
            if campaign_id and (rule := self._ids.get((scope, campaign_id))):
                return rule
        folded = _fold(name)
        for scope in (platform, None):
            if rule := self._exact.get((scope, folded)):
                return rule
        for rule, pattern in self._others:
            if rule.platform not in (None, platform):
                continue
            if (pattern in folded if isinstance(pattern, str) else pattern.search(name)):
                return rule
        return None

    def match(self, platform: str, campaign_id: str | None, name: str, start: dt.date
              ) -> Match | None:
        rule = self.rule(platform, campaign_id, name)
        if rule is None:
            return None
        fixed = rule.flight_id is not None or rule.campaign_id is None
        key = (id(rule), None if fixed else start)  # the rules live as long as the matcher
        found = self._matches.get(key)
        if found is None:
            flight = rule.flight_id
            if flight is None and rule.campaign_id is not None:
                day = start.isoformat()
                flight = next((fid for s, e, fid in self._spans[(rule.campaign_id,
                                                                 rule.channel_id)]
                               if s <= day <= e), None)
            found = self._matches[key] = Match(rule, rule.channel_id, flight)
        return found
