"""Messages the planner core writes that a GUI may show in another language.

The core has no Qt, so it cannot translate; it can keep what a translation
needs. A message is written as

    QT_TRANSLATE_NOOP("health", "{name} has no KPI target").format(name=row["name"])

`pyside6-lupdate` finds the call (the two literal arguments, nothing else in
the call) and puts the template in the .ts under its context. At run time the
marker returns a `Template`, and `.format()` a `Text`: both are plain `str`
(the English message, so the CLI, logs and error messages read as before) that
also carry the context, the template and the arguments, from which the GUI
builds the message again in the planner's language. Arguments are formatted
(money, dates) before they go in, except words that are themselves templates,
which the GUI translates too. A list inside a message is a `Joined`, whose
separator is a template too. Messages another layer writes as plain English (the
solver's) are turned into `Text` by a `Wording` of the templates that match them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any


class Template(str):
    """An English template marked for translation under `context`."""

    context: str

    def __new__(cls, context: str, text: str) -> Template:
        made = super().__new__(cls, text)
        made.context = context
        return made

    def format(self, *args: Any, **kwargs: Any) -> Text:  # type: ignore[override]
        if args:
            raise TypeError("translatable templates take named placeholders only")
        return Text(self, kwargs)

    def __reduce__(self) -> tuple[Any, ...]:  # findings cross to the GUI from workers
        return (Template, (self.context, str(self)))


class Text(str):
    """A message made from a `Template`: the English text, and what it was made of."""

    template: Template
    args: Mapping[str, Any]

    def __new__(cls, template: Template, args: Mapping[str, Any]) -> Text:
        made = super().__new__(cls, str.format(template, **args))
        made.template, made.args = template, dict(args)
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (Text, (self.template, self.args))


def QT_TRANSLATE_NOOP(context: str, text: str) -> Template:  # the name lupdate looks for
    """Mark `text` for translation; it stays English here."""
    return Template(context, text)


class Joined(str):
    """Parts of a message joined by a separator the language chooses ("a, b" in
    English, "a、b" in Chinese); the parts may be `Text` themselves."""

    separator: Template
    parts: tuple[str, ...]

    def __new__(cls, separator: Template, parts: Iterable[str]) -> Joined:
        kept = tuple(parts)
        made = super().__new__(cls, str(separator).join(kept))
        made.separator, made.parts = separator, kept
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (Joined, (self.separator, self.parts))


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _pattern(template: str) -> re.Pattern[str]:
    pieces, seen = [], set()
    for i, piece in enumerate(_PLACEHOLDER.split(template)):
        if i % 2 == 0:
            pieces.append(re.escape(piece))
        else:
            pieces.append(f"(?P={piece})" if piece in seen else f"(?P<{piece}>.+?)")
            seen.add(piece)
    return re.compile("".join(pieces), re.DOTALL)


class Wording:
    """Recognises English messages written without a catalogue (the solver's, which
    knows nothing of languages) or kept as plain text (a stored scenario's), as the
    `Text` one of `templates` makes, so the GUI can show them translated.

    Each template is the very sentence the writer builds, with placeholders where its
    values go; a value is itself recognised (a constraint inside a sentence), and the
    placeholders in `lists` hold parts joined by the given separator. A message no
    template matches is returned as it is, in English.
    """

    def __init__(self, templates: Iterable[Template],
                 lists: Mapping[str, Template] | None = None) -> None:
        self._patterns = [(_pattern(t), t) for t in templates]
        self._lists = dict(lists or {})

    def __call__(self, message: str) -> str:
        if isinstance(message, Text | Template | Joined):
            return message
        for pattern, template in self._patterns:
            found = pattern.fullmatch(message)
            if found is not None:
                return template.format(**{name: self._value(name, value)
                                          for name, value in found.groupdict().items()})
        return message

    def _value(self, name: str, value: str) -> str:
        separator = self._lists.get(name)
        if separator is None:
            return self(value)
        return Joined(separator, [self(part) for part in value.split(str(separator))])
