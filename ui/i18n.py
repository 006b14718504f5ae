"""The interface language: which one, its translators, its locale and its fonts.

The language follows the system locale unless the planner picked one in
View ▸ Language (kept in `QSettings` under `LANGUAGE_KEY`) or on the command
line (`--lang`). It is applied before any window is built, because widgets
translate their text when they are made. Two translators go in: ours, and Qt's
own `qtbase` one, so the standard buttons (OK, Cancel, Yes) and the file and
colour dialogs speak the same language. The chosen locale also becomes
`QLocale`'s default, which is what `ui.formatting` formats numbers and dates with.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QFontDatabase, QGuiApplication

from planner import fonts
from planner.domain.field_names import field_name
from planner.errors import ValidationError
from planner.i18n import Joined, Template, Text
from planner.resources import resource_path
from planner.services.result_words import worded

LANGUAGE_KEY = "view/language"
SYSTEM = "system"
ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (ENGLISH, CHINESE)  # the translations shipped; English is the source
CATALOGUE = "campaign_planner"

_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators


@dataclass(frozen=True)
class Applied:
    """What `apply` installed: the language shown and whether each catalogue loaded."""

    language: str
    ours: bool
    qt: bool


def chosen_language() -> str:
    """The planner's choice: `SYSTEM`, or one of `LANGUAGES`."""
    value = str(QSettings().value(LANGUAGE_KEY, SYSTEM))
    return value if value in LANGUAGES else SYSTEM


def set_chosen_language(language: str) -> None:
    if language != SYSTEM and language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {SYSTEM}, "
                         + ", ".join(LANGUAGES))
    QSettings().setValue(LANGUAGE_KEY, language)


def resolve(language: str, system: QLocale | None = None) -> str:
    """The shipped language to show for a choice: Chinese written in simplified
    characters gets the Chinese translation, every other system gets English."""
    if language in LANGUAGES:
        return language
    locale = system if system is not None else QLocale.system()
    if (locale.language() == QLocale.Language.Chinese
            and locale.script() != QLocale.Script.TraditionalChineseScript):
        return CHINESE
    return ENGLISH


def _load(translator: QTranslator, name: str, folder: str) -> bool:
    return translator.load(name, folder)


def apply(language: str | None = None) -> Applied:
    """Install the translators and default locale for `language` (default: the
    planner's choice). Called again, it replaces what it installed before, so tests
    can build one window in Chinese and the next in English."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before choosing its language")
    shown = resolve(language if language is not None else chosen_language())
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(shown))
    if shown == ENGLISH:
        return Applied(shown, ours=True, qt=True)
    ours, qt = QTranslator(app), QTranslator(app)
    loaded = Applied(
        shown,
        ours=_load(ours, f"{CATALOGUE}_{shown}", str(resource_path("i18n"))),
        qt=_load(qt, f"qtbase_{shown}",
                 QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    )
    for translator, ok in ((ours, loaded.ours), (qt, loaded.qt)):
        if ok:
            app.installTranslator(translator)
            _installed.append(translator)
    return loaded


def current_language() -> str:
    """The language `apply` last installed (English before it ran)."""
    return CHINESE if QLocale().language() == QLocale.Language.Chinese else ENGLISH


def install_cjk_font() -> str | None:
    """Make Chinese text render in every widget: the application font gets a CJK
    family as its fallback, the system's when it has one, else the one we ship
    (added to Qt's font database here). Returns the CJK family used, or None."""
    installed = set(QFontDatabase.families())
    family = next((name for name in fonts.CJK_FAMILIES if name in installed), None)
    if family is None:
        chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        family = chinese[0] if chinese else None
    if family is None:
        for path in fonts.bundled_font_files():
            added = QFontDatabase.addApplicationFont(str(path))
            families = QFontDatabase.applicationFontFamilies(added) if added >= 0 else []
            if families:
                family = families[0]
                break
    if family is None:
        return None
    font = QGuiApplication.font()
    families = font.families() or [font.family()]
    if family not in families:
        font.setFamilies([*families, family])
        QGuiApplication.setFont(font)
    return family


def translated(message: str) -> str:
    """A planner message (`planner.i18n.Text`, `Template` or `Joined`) in the interface language;
    any other text as it is. A translation whose placeholders do not fit falls back
    to the English message rather than failing."""
    if isinstance(message, Text):
        template = message.template
        args = {k: translated(v) if isinstance(v, str) else v for k, v in message.args.items()}
        try:
            return QCoreApplication.translate(template.context, str(template)).format(**args)
        except (KeyError, IndexError, ValueError):
            return str(message)
    if isinstance(message, Template):
        return QCoreApplication.translate(message.context, str(message))
    if isinstance(message, Joined):
        return translated(message.separator).join(translated(part) for part in message.parts)
    return message


def result_message(message: str) -> str:
    """A sentence of the optimiser, the curve fit or the reforecast (fresh, or kept as
    English in a stored scenario) in the interface language."""
    return translated(worded(message))


def error_message(error: BaseException) -> str:
    """The one line shown for a refused edit, in the interface language."""
    if isinstance(error, ValidationError) and isinstance(error.reason, Template | Text):
        return (QCoreApplication.translate("ValidationError", "%1: %2 (got %3)")
                .replace("%1", translated(field_name(error.field)))
                .replace("%2", translated(error.reason))
                .replace("%3", repr(error.value)))
    return translated(error.args[0]) if len(error.args) == 1 and isinstance(
        error.args[0], str) else str(error)
