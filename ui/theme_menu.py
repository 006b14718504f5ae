"""View ▸ Theme: System, Light or Dark, remembered between starts.

The theme belongs to the application, not to a window, so one `ThemeApplier` per
application does the work; "System" follows the platform's colour scheme as it
changes (`QStyleHints.colorSchemeChanged`), the other two stay put.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from ui.theme import THEMES, ThemeApplier

SETTING = "view/theme"

_applier: tuple[QApplication, ThemeApplier] | None = None


def saved_theme() -> str:
    value = str(QSettings().value(SETTING, "system"))
    return value if value in THEMES else "system"


def applier() -> ThemeApplier:
    """The application's theme, put in place (the saved one) on first use."""
    global _applier
    app = QApplication.instance()
    if _applier is None or _applier[0] is not app:
        made = ThemeApplier(app)  # type: ignore[arg-type]
        app.styleHints().colorSchemeChanged.connect(_system_changed)
        made.apply(saved_theme())
        _applier = (app, made)  # type: ignore[assignment]
    return _applier[1]  # type: ignore[index]


def start(theme: str | None = None) -> None:
    """At start-up: the saved theme, or `theme` for this run only (`--theme`)."""
    chosen = applier()
    if theme is not None and theme != chosen.theme:
        chosen.apply(theme)


def _system_changed(scheme: Qt.ColorScheme) -> None:
    chosen = applier()
    if chosen.theme == "system":
        chosen.apply("system", scheme)


class ThemeMenu(QObject):
    """The three choices as an exclusive group; choosing one applies and saves it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        labels = {"system": self.tr("&System"), "light": self.tr("&Light"),
                  "dark": self.tr("&Dark")}
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        current = applier().theme
        for theme in THEMES:
            action = self.group.addAction(labels[theme])
            action.setCheckable(True)
            action.setData(theme)
            action.setChecked(theme == current)
        self.group.triggered.connect(self._chose)

    def action(self, theme: str) -> QAction:
        return next(a for a in self.group.actions() if a.data() == theme)

    def _chose(self, action: QAction) -> None:
        theme = str(action.data())
        QSettings().setValue(SETTING, theme)
        applier().apply(theme)

    def fill(self, menu: QMenu) -> QMenu:
        sub = menu.addMenu(self.tr("&Theme"))
        sub.addActions(self.group.actions())
        return sub
