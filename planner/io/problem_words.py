"""Import problems in words a GUI can show in another language.

The readers write each problem's reason as plain English (the CLI prints it as it
is). Each template below is one of those reasons, word for word, with placeholders
where its values go; `reason_words` recognises a reason as the template that made
it. `described` (what `Problem.describe` answers) and `refusal` say where a
problem is and why an import was refused, as a translatable `Text`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.i18n import QT_TRANSLATE_NOOP, Joined, Text, Wording
from planner.io.platforms.words import PLATFORM_REASONS, WEEK_COLUMN

if TYPE_CHECKING:  # the report's problems describe themselves with these words
    from planner.io.import_report import Problem

SHOWN_CHARS = 60  # a cell's value is shown, clipped, so a huge cell cannot flood the list

_REASONS = (
    # A cell that cannot be read (planner/io/cells.py).
    QT_TRANSLATE_NOOP("import", "has a time of day; a date like 2026-06-18 is expected"),
    QT_TRANSLATE_NOOP("import", "is not a date like 2026-06-18"),
    QT_TRANSLATE_NOOP("import", "has more decimals than {currency} allows ({decimals})"),
    QT_TRANSLATE_NOOP("import", "must not be negative"),
    QT_TRANSLATE_NOOP("import", "is too large for an amount of money"),
    QT_TRANSLATE_NOOP("import", "must be a whole number"),
    QT_TRANSLATE_NOOP("import", "is too large"),
    QT_TRANSLATE_NOOP("import", "has more than two decimals"),
    QT_TRANSLATE_NOOP("import", "must be between 0 and 100"),
    QT_TRANSLATE_NOOP("import", "is not yes or no (true/false, 1/0, 是/否)"),
    QT_TRANSLATE_NOOP("import", "is not valid JSON text"),
    QT_TRANSLATE_NOOP("import", "must be a JSON object"),
    QT_TRANSLATE_NOOP("import", "must be a JSON list"),
    QT_TRANSLATE_NOOP("import", "must be a JSON list of texts"),
    QT_TRANSLATE_NOOP("import", "is not a record id (a UUID like 3f2b…-…)"),
    QT_TRANSLATE_NOOP("import", "is not a number"),
    QT_TRANSLATE_NOOP("import", "is not a finite number"),
    # Headers and rows (planner/io/sheet_rows.py, import_flights.py, import_actuals.py).
    QT_TRANSLATE_NOOP("import", "header {cell} repeats column {column}"),
    QT_TRANSLATE_NOOP("import", "the header has no column {names}"),
    QT_TRANSLATE_NOOP("import", "has no data rows"),
    QT_TRANSLATE_NOOP("import", "is empty"),
    QT_TRANSLATE_NOOP("import", "unknown segment; give its tier (high, potential, low) to "
                      "create it"),
    QT_TRANSLATE_NOOP("import", "no channel given"),
    QT_TRANSLATE_NOOP("import", "unknown channel; add its kind in a “Channel kind” column "
                      "({kinds}) to create it"),
    QT_TRANSLATE_NOOP("import", "unknown channel"),
    QT_TRANSLATE_NOOP("import", "disagrees with row {row} about this campaign"),
    QT_TRANSLATE_NOOP("import", "no campaign given"),
    QT_TRANSLATE_NOOP("import", "repeats the flight of row {row}"),
    QT_TRANSLATE_NOOP("import", "a new flight needs a “{column}” column"),
    QT_TRANSLATE_NOOP("import", "the plan is in {currency}; amounts in other currencies are "
                      "not converted"),
    QT_TRANSLATE_NOOP("import", "is outside the plan's horizon {start} to {end}"),
    QT_TRANSLATE_NOOP("import", "is not the channel of the flight named in this row"),
    QT_TRANSLATE_NOOP("import", "names neither a flight nor a channel"),
    QT_TRANSLATE_NOOP("import", "no flight in the plan has this id"),
    QT_TRANSLATE_NOOP("import", "is before the start {start}"),
    QT_TRANSLATE_NOOP("import", "repeats the actual of row {row}"),
    # The whole file (planner/io/imports.py).
    QT_TRANSLATE_NOOP("import", "the plan changed after the file was checked; import it again"),
    QT_TRANSLATE_NOOP("import", "nothing was written: {error}"),
    # Warnings of a history import (planner/io/history_import.py).
    QT_TRANSLATE_NOOP("import", "{channel} never spends in this file"),
    QT_TRANSLATE_NOOP("import", "some periods have fewer geos ({fewest}) than others "
                      "({most}): their sums are not comparable"),
    QT_TRANSLATE_NOOP("import", "new channel(s) to be created: {names}"),
    # A history mapping refused (planner/io/history_import.py), as its problem reads.
    QT_TRANSLATE_NOOP("import", "brand share of {channel}: must be between 0 and 1 (got "
                      "{value})"),
)

_REFUSALS = (
    # A file refused before it is parsed (planner/io/limits.py, tabular_read.py).
    QT_TRANSLATE_NOOP("import", "no such file"),
    QT_TRANSLATE_NOOP("import", "is {size} bytes; imports accept at most {most}"),
    QT_TRANSLATE_NOOP("import", "holds {count} parts; at most {most} are accepted"),
    QT_TRANSLATE_NOOP("import", "would unpack to {size} bytes; at most {most} are accepted (a "
                      "zip bomb?)"),
    QT_TRANSLATE_NOOP("import", "part {part} expands {ratio} times; at most {most} is accepted "
                      "(a zip bomb?)"),
    QT_TRANSLATE_NOOP("import", "is not a readable .xlsx workbook ({error})"),
    QT_TRANSLATE_NOOP("import", "part {part} declares a DTD or entities, which workbooks never "
                      "need; refused as unsafe"),
    QT_TRANSLATE_NOOP("import", "sheet part {part} spans {rows} rows by {columns} columns; at "
                      "most {most} cells are accepted"),
    QT_TRANSLATE_NOOP("import", "sheet part {part} runs to row {row}; at most {most} rows are "
                      "accepted: split it into smaller files"),
    QT_TRANSLATE_NOOP("import", "cell {cell} of part {part} holds an Excel error value "
                      "(#DIV/0!, #N/A…); correct it and import again"),
    QT_TRANSLATE_NOOP("import", "has more than {most} rows; split it into smaller files"),
    QT_TRANSLATE_NOOP("import", "row {row} has {count} columns; at most {most} are accepted"),
    QT_TRANSLATE_NOOP("import", "row {row} has a cell of {count} characters; at most {most} "
                      "are accepted"),
    QT_TRANSLATE_NOOP("import", "is neither UTF-8 nor GB18030 text; save it as “CSV UTF-8”"),
    QT_TRANSLATE_NOOP("import", "contains NUL bytes: it is not a CSV text file"),
    QT_TRANSLATE_NOOP("import", "is not a readable CSV table ({error})"),
)

reason_words = Wording((*_REASONS, *_REFUSALS, *PLATFORM_REASONS))
"""`reason_words(text)`: an import problem's reason or warning as the `Text` that wrote it."""

_COMMA = QT_TRANSLATE_NOOP("import", ", ")


column_words = Wording([WEEK_COLUMN])
"""`column_words(column)`: a column a reader named itself (not a header) as its `Text`."""


def _quoted_column(column: str) -> str:
    """The column as `repr` quotes it; one a reader named is translatable, quotes and all."""
    named = column_words(column)
    if isinstance(named, Text) and repr(column) == f"'{column}'":
        return QT_TRANSLATE_NOOP("import", "'{column}'").format(column=named)
    return repr(column)


def described(problem: Problem) -> Text:
    """`problem.describe()` as a translatable message: where, the value, and why."""
    where: list[str] = [problem.file]
    if problem.sheet:
        where.append(QT_TRANSLATE_NOOP("import", "sheet {sheet}").format(
            sheet=repr(problem.sheet)))
    if problem.row is not None:
        where.append(QT_TRANSLATE_NOOP("import", "row {row}").format(row=problem.row))
    if problem.column:
        where.append(QT_TRANSLATE_NOOP("import", "column {column}").format(
            column=_quoted_column(problem.column)))
    place, reason = Joined(_COMMA, where), reason_words(problem.reason)
    if problem.value is None or problem.value == "":
        return QT_TRANSLATE_NOOP("import", "{place}: {reason}").format(place=place,
                                                                        reason=reason)
    shown = repr(problem.value)
    if len(shown) > SHOWN_CHARS:
        shown = shown[:SHOWN_CHARS] + "…"
    return QT_TRANSLATE_NOOP("import", "{place}: {value}: {reason}").format(
        place=place, value=shown, reason=reason)


def refusal(problems: list[Problem]) -> Text:
    """Why a checked import was refused when it was written: its first problem."""
    first = described(problems[0])
    if len(problems) == 1:
        return QT_TRANSLATE_NOOP("import", "{problem}; nothing was imported").format(
            problem=first)
    return QT_TRANSLATE_NOOP("import", "{problem} (and {count} more); nothing was imported"
                             ).format(problem=first, count=len(problems) - 1)
