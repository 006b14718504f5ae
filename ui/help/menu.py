"""The Help menu's own commands; About stays the window's (the platform may move it)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from ui.help.about import AboutDialog
from ui.help.log_folder import log_folder, open_log_folder
from ui.help.shortcuts import ShortcutsDialog


class HelpMenu(QObject):
    """Opens each help window once and raises it when asked again; `message` says
    where the log folder is when no file manager could show it."""

    message = Signal(str)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.about_dialog: AboutDialog | None = None
        self.shortcuts_action = QAction(self.tr("&Keyboard Shortcuts"), self)
        self.shortcuts_action.setShortcuts([*QKeySequence.keyBindings(
            QKeySequence.StandardKey.HelpContents), QKeySequence("Ctrl+/")])
        if self.shortcuts_action.shortcut().isEmpty():
            self.shortcuts_action.setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+/")])
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.log_action = QAction(self.tr("Open &Log Folder"), self)
        self.log_action.setShortcut(QKeySequence("Ctrl+Shift+F1"))
        self.log_action.triggered.connect(self.open_log_folder)

    def fill(self, menu: QMenu, about: QAction) -> None:
        menu.addAction(self.shortcuts_action)
        menu.addAction(self.log_action)
        menu.addSeparator()
        menu.addAction(about)

    def show_shortcuts(self) -> ShortcutsDialog:
        if self.shortcuts_dialog is None:
            self.shortcuts_dialog = ShortcutsDialog(self._window.menuBar(), self._window)
        else:
            self.shortcuts_dialog.refresh()
        self._raise(self.shortcuts_dialog)
        return self.shortcuts_dialog

    def show_about(self) -> AboutDialog:
        if self.about_dialog is None:
            self.about_dialog = AboutDialog(self._window)
            self.about_dialog.destroyed.connect(self._about_closed)
        self._raise(self.about_dialog)
        return self.about_dialog

    def _about_closed(self) -> None:
        self.about_dialog = None

    @staticmethod
    def _raise(dialog: QWidget) -> None:
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def open_log_folder(self) -> None:
        if not open_log_folder():
            self.message.emit(self.tr("The log folder is %1").replace("%1", str(log_folder())))
