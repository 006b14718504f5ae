"""View ▸ Language: System, English or 简体中文, remembered between starts.

Each language is named in itself, so a planner who cannot read the current one
still finds their own. The choice applies at the next start: widgets translate
their text when they are built, and rebuilding every open view, dialog and
model in place is more risk than a restart is trouble.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from ui import dialogs, i18n

NATIVE_NAMES = {i18n.ENGLISH: "English", i18n.CHINESE: "简体中文"}


class LanguageMenu(QObject):
    """An exclusive group of the choices; choosing one saves it and says when it applies."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = parent
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        chosen = i18n.chosen_language()
        labels = {i18n.SYSTEM: self.tr("&System Language"), **NATIVE_NAMES}
        for language, text in labels.items():
            action = self.group.addAction(text)
            action.setCheckable(True)
            action.setData(language)
            action.setChecked(language == chosen)
        self.group.triggered.connect(self._chose)

    def action(self, language: str) -> QAction:
        return next(a for a in self.group.actions() if a.data() == language)

    def _chose(self, action: QAction) -> None:
        language = str(action.data())
        i18n.set_chosen_language(language)
        if i18n.resolve(language) != i18n.current_language():
            dialogs.inform(self._window, self.tr("Language"),
                           self.tr("The new language is used from the next start of the app."))

    def fill(self, menu: QMenu) -> QMenu:
        sub = menu.addMenu(self.tr("&Language"))
        sub.addActions(self.group.actions())
        return sub
