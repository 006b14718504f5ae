"""The words a merge description is made of, marked for translation.

Field names and coded values are looked up by their English, so the English a
merge prints stays exactly what `describe` builds; a word not listed here is
shown as it is.
"""

from __future__ import annotations

from planner.i18n import QT_TRANSLATE_NOOP, Template


def _by_english(*templates: Template) -> dict[str, Template]:
    return {str(t): t for t in templates}


# What a planner calls each field (and each plan setting).
FIELDS = _by_english(
    QT_TRANSLATE_NOOP("merge", "budget"), QT_TRANSLATE_NOOP("merge", "brand share"),
    QT_TRANSLATE_NOOP("merge", "position"), QT_TRANSLATE_NOOP("merge", "minimum spend"),
    QT_TRANSLATE_NOOP("merge", "cap"), QT_TRANSLATE_NOOP("merge", "unit cost"),
    QT_TRANSLATE_NOOP("merge", "total budget"), QT_TRANSLATE_NOOP("merge", "amount"),
    QT_TRANSLATE_NOOP("merge", "spend"), QT_TRANSLATE_NOOP("merge", "revenue"),
    QT_TRANSLATE_NOOP("merge", "group"), QT_TRANSLATE_NOOP("merge", "type"),
    QT_TRANSLATE_NOOP("merge", "lowest brand share"),
    QT_TRANSLATE_NOOP("merge", "highest brand share"),
    QT_TRANSLATE_NOOP("merge", "target brand share"), QT_TRANSLATE_NOOP("merge", "booked on"),
    QT_TRANSLATE_NOOP("merge", "dates"), QT_TRANSLATE_NOOP("merge", "name"),
    QT_TRANSLATE_NOOP("merge", "colour"), QT_TRANSLATE_NOOP("merge", "notes"),
    QT_TRANSLATE_NOOP("merge", "tier"), QT_TRANSLATE_NOOP("merge", "description"),
    QT_TRANSLATE_NOOP("merge", "customers"), QT_TRANSLATE_NOOP("merge", "objective"),
    QT_TRANSLATE_NOOP("merge", "status"), QT_TRANSLATE_NOOP("merge", "owner"),
    QT_TRANSLATE_NOOP("merge", "tags"), QT_TRANSLATE_NOOP("merge", "festival key"),
    QT_TRANSLATE_NOOP("merge", "category"), QT_TRANSLATE_NOOP("merge", "metric"),
    QT_TRANSLATE_NOOP("merge", "target"), QT_TRANSLATE_NOOP("merge", "unit"),
    QT_TRANSLATE_NOOP("merge", "cycle"), QT_TRANSLATE_NOOP("merge", "campaign"),
    QT_TRANSLATE_NOOP("merge", "channel"), QT_TRANSLATE_NOOP("merge", "segment"),
    QT_TRANSLATE_NOOP("merge", "start"), QT_TRANSLATE_NOOP("merge", "end"),
    QT_TRANSLATE_NOOP("merge", "phasing"), QT_TRANSLATE_NOOP("merge", "unit kind"),
    QT_TRANSLATE_NOOP("merge", "units"), QT_TRANSLATE_NOOP("merge", "committed"),
    QT_TRANSLATE_NOOP("merge", "goal"), QT_TRANSLATE_NOOP("merge", "phase"),
    QT_TRANSLATE_NOOP("merge", "booking deadline"), QT_TRANSLATE_NOOP("merge", "currency"),
    QT_TRANSLATE_NOOP("merge", "horizon start"), QT_TRANSLATE_NOOP("merge", "horizon end"),
    QT_TRANSLATE_NOOP("merge", "calendar"), QT_TRANSLATE_NOOP("merge", "backup keep"),
    QT_TRANSLATE_NOOP("merge", "record"),
)

# Record kinds, as a subject starts ("Flight '…'").
NOUNS = _by_english(
    QT_TRANSLATE_NOOP("merge", "Channel"), QT_TRANSLATE_NOOP("merge", "Segment"),
    QT_TRANSLATE_NOOP("merge", "Campaign"), QT_TRANSLATE_NOOP("merge", "Flight"),
    QT_TRANSLATE_NOOP("merge", "Event"), QT_TRANSLATE_NOOP("merge", "Baselines"),
    QT_TRANSLATE_NOOP("merge", "Scenarios"), QT_TRANSLATE_NOOP("merge", "Curves"),
    QT_TRANSLATE_NOOP("merge", "Actuals"), QT_TRANSLATE_NOOP("merge", "History"),
)

# Coded values of the fields in `CODED`, and the words a value may be.
CODED = frozenset({"status", "objective", "tier", "goal", "kind", "cycle", "category"})
VALUES = _by_english(
    QT_TRANSLATE_NOOP("merge", "none"), QT_TRANSLATE_NOOP("merge", "even"),
    QT_TRANSLATE_NOOP("merge", "committed"),
    QT_TRANSLATE_NOOP("merge", "not committed"),
    QT_TRANSLATE_NOOP("merge", "draft"), QT_TRANSLATE_NOOP("merge", "approved"),
    QT_TRANSLATE_NOOP("merge", "live"), QT_TRANSLATE_NOOP("merge", "done"),
    QT_TRANSLATE_NOOP("merge", "brand"), QT_TRANSLATE_NOOP("merge", "promotion"),
    QT_TRANSLATE_NOOP("merge", "mixed"), QT_TRANSLATE_NOOP("merge", "high"),
    QT_TRANSLATE_NOOP("merge", "potential"), QT_TRANSLATE_NOOP("merge", "low"),
    QT_TRANSLATE_NOOP("merge", "festival"), QT_TRANSLATE_NOOP("merge", "holiday"),
    QT_TRANSLATE_NOOP("merge", "blackout"), QT_TRANSLATE_NOOP("merge", "custom"),
    QT_TRANSLATE_NOOP("merge", "user"), QT_TRANSLATE_NOOP("merge", "sales"),
    QT_TRANSLATE_NOOP("merge", "cost"), QT_TRANSLATE_NOOP("merge", "daily"),
    QT_TRANSLATE_NOOP("merge", "weekly"), QT_TRANSLATE_NOOP("merge", "monthly"),
    QT_TRANSLATE_NOOP("merge", "total"), QT_TRANSLATE_NOOP("merge", "web_shop"),
    QT_TRANSLATE_NOOP("merge", "app"), QT_TRANSLATE_NOOP("merge", "social"),
    QT_TRANSLATE_NOOP("merge", "short_video"), QT_TRANSLATE_NOOP("merge", "live_stream"),
    QT_TRANSLATE_NOOP("merge", "search"), QT_TRANSLATE_NOOP("merge", "kol"),
    QT_TRANSLATE_NOOP("merge", "crm"), QT_TRANSLATE_NOOP("merge", "offline"),
    QT_TRANSLATE_NOOP("merge", "display"), QT_TRANSLATE_NOOP("merge", "other"),
)

# Phasing patterns, as "{pattern} phasing" names them.
PHASINGS = _by_english(
    QT_TRANSLATE_NOOP("merge", "even phasing"), QT_TRANSLATE_NOOP("merge", "front phasing"),
    QT_TRANSLATE_NOOP("merge", "back phasing"),
    QT_TRANSLATE_NOOP("merge", "continuous phasing"),
    QT_TRANSLATE_NOOP("merge", "flighting phasing"),
    QT_TRANSLATE_NOOP("merge", "pulsing phasing"), QT_TRANSLATE_NOOP("merge", "custom phasing"),
)

AND = QT_TRANSLATE_NOOP("merge", " and ")
COMMA = QT_TRANSLATE_NOOP("merge", ", ")
SEMICOLON = QT_TRANSLATE_NOOP("merge", "; ")
HERE = QT_TRANSLATE_NOOP("merge", "here")
IN_BOTH = QT_TRANSLATE_NOOP("merge", "in both copies")
IN_COPY = QT_TRANSLATE_NOOP("merge", "in {user}'s copy")
PLAN_SETTINGS = QT_TRANSLATE_NOOP("merge", "Plan settings")
QUOTED = QT_TRANSLATE_NOOP("merge", "'{name}'")
PERCENT = QT_TRANSLATE_NOOP("merge", "{value} %")
DELETED = QT_TRANSLATE_NOOP("merge", "deleted")


def word(table: dict[str, Template], english: str) -> str:
    """The marked word for `english`, or `english` itself when none is listed."""
    return table.get(english, english)
