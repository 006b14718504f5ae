"""What the platform readers write, in words a GUI can show in another language.

The readers write plain English (the CLI prints it, tests read it). Each template
below is one of their problems, warnings, assumptions or summary lines, word for
word, with placeholders where its values go; a value that is itself one of these
words (a kind of personal data, a date order, a platform's name) is recognised
too. `planner.io.problem_words.reason_words` recognises the problems and
warnings; `summary_words` the units and layout names a check's summary shows.
"""

from __future__ import annotations

from planner.i18n import QT_TRANSLATE_NOOP, Wording

PLATFORM_REASONS = (
    # The whole file and its matching (check.py).
    QT_TRANSLATE_NOOP("import", "unit {unit} is not 元, 分, 厘, 万元 or a currency code such as "
                      "CNY"),
    QT_TRANSLATE_NOOP("import", "is not a platform report this planner knows: no line names a "
                      "date, a campaign and the spend (日期, 计划名称, 消耗 / Day, Campaign, "
                      "Cost), and no sheet has months over weeks like a media flowchart"),
    QT_TRANSLATE_NOOP("import", "{count} row(s) repeat another row's platform, account, "
                      "campaign and dates (the export is broken down further); they were "
                      "added together"),
    QT_TRANSLATE_NOOP("import", "campaign {campaign} (id {id}), spend {spend}: no matching "
                      "rule names its channel"),
    QT_TRANSLATE_NOOP("import", "campaign {campaign}, spend {spend}: no matching rule names "
                      "its channel"),
    QT_TRANSLATE_NOOP("import", "row {row} left out: {reason}"),
    # Units and columns of a report table (report_table.py).
    QT_TRANSLATE_NOOP("import", "states {stated}, but {given} was given for the import"),
    QT_TRANSLATE_NOOP("import", "does not say its unit (元, 分, 厘 or a currency code such as "
                      "CNY); give the unit for this import (--unit)"),
    QT_TRANSLATE_NOOP("import", "column {column} does not say its unit; read in {unit}, the "
                      "unit of {spend}"),
    QT_TRANSLATE_NOOP("import", "holds {kind}; the plan keeps no personal data, so this file "
                      "is refused: remove the column's personal data and import again"),
    QT_TRANSLATE_NOOP("import", "column {column} holds {kind}; dropped, nothing of it is "
                      "written"),
    QT_TRANSLATE_NOOP("import", "row {row} skipped: a note, not data ({label})"),
    QT_TRANSLATE_NOOP("import", "column {column}: {count} row(s) have ids Excel rounded to a "
                      "number (like 1.71234E+15), so they cannot identify a campaign; those "
                      "rows are matched and keyed by campaign name instead"),
    QT_TRANSLATE_NOOP("import", "{count} row(s) have no {column} (blank or --); read as no "
                      "spend"),
    QT_TRANSLATE_NOOP("import", "{count} amount(s) had more decimals than the plan's currency "
                      "keeps; each was rounded half up to the minor unit"),
    QT_TRANSLATE_NOOP("import", "names no campaign (and no usable id)"),
    QT_TRANSLATE_NOOP("import", "is not a currency code such as CNY"),
    # Personal data (compliance.py).
    QT_TRANSLATE_NOOP("import", "e-mail addresses"),
    QT_TRANSLATE_NOOP("import", "ID-card numbers"),
    QT_TRANSLATE_NOOP("import", "phone numbers"),
    QT_TRANSLATE_NOOP("import", "personal data (its header says {word})"),
    # Dates (dates.py).
    QT_TRANSLATE_NOOP("import", "column {column} mixes month/day/year and day/month/year "
                      "dates"),
    QT_TRANSLATE_NOOP("import", "dates in column {column} such as 6/1/2026 could be read "
                      "either way; read as {order}, as this platform writes them"),
    QT_TRANSLATE_NOOP("import", "month/day/year"),
    QT_TRANSLATE_NOOP("import", "day/month/year"),
    QT_TRANSLATE_NOOP("import", "has a time of day; daily rows are expected"),
    QT_TRANSLATE_NOOP("import", "is not a real day"),
    QT_TRANSLATE_NOOP("import", "is not a date like 2026/6/1 or 2026-06-01"),
    # Cells (values.py).
    QT_TRANSLATE_NOOP("import", "is not a usable number"),
    QT_TRANSLATE_NOOP("import", "is in {unit}, but the plan is in {currency}; convert the "
                      "file first"),
    QT_TRANSLATE_NOOP("import", "is marked in 元 but the column is in {unit}"),
    QT_TRANSLATE_NOOP("import", "is not an id"),
    # Media flowcharts (flowchart.py).
    QT_TRANSLATE_NOOP("import", "the flowchart does not say its unit (a line like 单位：元 or "
                      "单位：万元); give the unit for this import (--unit)"),
    QT_TRANSLATE_NOOP("import", "the total {stated} is not the sum of {what} ({summed}); "
                      "correct the sheet and import again"),
    QT_TRANSLATE_NOOP("import", "the row's weeks"),
    QT_TRANSLATE_NOOP("import", "the week's media"),
    QT_TRANSLATE_NOOP("import", "every media row"),
    # A campaign's overlapping spans (overlaps.py).
    QT_TRANSLATE_NOOP("import", "campaign {campaign} from {start} to {end} overlaps its "
                      "{other_start} to {other_end} {where}; the days in both would count "
                      "twice: export the same dates as before, dates that do not overlap, or "
                      "one row per day"),
    QT_TRANSLATE_NOOP("import", "in this file"),
    QT_TRANSLATE_NOOP("import", "imported before"),
    # Text files (grid.py).
    QT_TRANSLATE_NOOP("import", "is not text in {encoding}; save it as “CSV UTF-8”"),
    QT_TRANSLATE_NOOP("import", "has a cell of more than {limit} characters; at most {most} "
                      "are accepted"),
)

WEEK_COLUMN = QT_TRANSLATE_NOOP("import", "week of {date}")
"""The column a flowchart's week is named by in a problem (its cells have no header)."""

_SUMMARY = (
    # The units read (report_table.py, flowchart.py).
    QT_TRANSLATE_NOOP("import", "{column}: per row, from {currency}"),
    QT_TRANSLATE_NOOP("import", "weekly amounts: {unit}"),
    # The layouts' names (layouts.py, flowchart.py).
    QT_TRANSLATE_NOOP("import", "Google Ads"),
    QT_TRANSLATE_NOOP("import", "Meta Ads Manager"),
    QT_TRANSLATE_NOOP("import", "巨量引擎 Ocean Engine"),
    QT_TRANSLATE_NOOP("import", "阿里妈妈 Alimama"),
    QT_TRANSLATE_NOOP("import", "腾讯广告 Tencent Ads"),
    QT_TRANSLATE_NOOP("import", "百度营销 Baidu"),
    QT_TRANSLATE_NOOP("import", "platform report (not named in the file)"),
    QT_TRANSLATE_NOOP("import", "agency media flowchart"),
)

summary_words = Wording(_SUMMARY)
"""`summary_words(text)`: a unit read or a layout's name as the `Text` that wrote it."""
