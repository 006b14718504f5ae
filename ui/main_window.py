"""The main window: puts the panels, docks, menus and status bar together.

It assembles and wires; it computes nothing about the plan. Opening and
closing live in `FileController`, numbers in `PlanOverview`, drawing in panels.
"""

from __future__ import annotations

import platform
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QStackedWidget, QWidget

from ui import dialogs, settings
from ui.document import PlanDocument
from ui.file_controller import FileController
from ui.models.overview import PlanOverview, Snapshot
from ui.panels.empty_state import EmptyState
from ui.panels.health_panel import HealthPanel
from ui.panels.plan_status import PlanStatus
from ui.panels.summary_panel import SummaryPanel

APP_TITLE = "Omnichannel Campaign Planner"
DEFAULT_SIZE = (1280, 800)


class MainWindow(QMainWindow):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None, *,
                 remember_geometry: bool = True) -> None:
        super().__init__(parent)
        self.document = document
        self._remember_geometry = remember_geometry
        self.overview = PlanOverview(document, self)
        self.files = FileController(document, self)
        self._make_actions()

        self.summary = SummaryPanel(self.overview)
        self.empty_state = EmptyState([self.new_action, self.open_action])
        self.centre = QStackedWidget()
        self.centre.addWidget(self.empty_state)
        self.centre.addWidget(self.summary)
        self.setCentralWidget(self.centre)

        self.health = HealthPanel(self.overview)
        self.health_dock = QDockWidget(self.tr("Plan health"), self)
        self.health_dock.setObjectName("health_dock")  # saveState() needs a name
        self.health_dock.setWidget(self.health)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.health_dock)

        self.plan_status = PlanStatus(self.overview)
        self.statusBar().addPermanentWidget(self.plan_status)

        self._make_menus()
        self.overview.updated.connect(self._show_snapshot)
        self.files.busy.connect(self._show_busy)
        self.files.idle.connect(self._show_idle)
        document.failed.connect(self._show_failure)
        self._show_snapshot(self.overview.snapshot)
        self._restore_geometry()

    # -- actions and menus ----------------------------------------------------------
    def _action(self, text: str, slot: object, key: QKeySequence.StandardKey | None = None
                ) -> QAction:
        action = QAction(text, self)
        if key is not None:
            action.setShortcuts(key)
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        Key = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&New…"), self.files.new_plan, Key.New)
        self.open_action = self._action(self.tr("&Open…"), self.files.open_dialog, Key.Open)
        self.close_action = self._action(self.tr("&Close"), self.files.close_plan, Key.Close)
        self.quit_action = self._action(self.tr("&Quit"), self.close, Key.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.undo_action = self.document.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts(Key.Undo)
        self.redo_action = self.document.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts(Key.Redo)
        self.about_action = self._action(self.tr("&About %1").replace("%1", APP_TITLE),
                                         self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.health_dock.toggleViewAction())

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _fill_recent_menu(self) -> None:
        menu: QMenu = self.recent_menu
        menu.clear()
        files = settings.recent_files()
        for number, name in enumerate(files, start=1):
            path = Path(name)
            action = menu.addAction(f"&{number} {path.name}")
            action.setToolTip(name)
            action.setStatusTip(name)
            action.setEnabled(path.exists())
            action.triggered.connect(lambda _checked=False, p=path: self.files.open_path(p))
        if files:
            menu.addSeparator()
            menu.addAction(self.tr("Clear Menu"), settings.clear_recent)
        menu.setEnabled(bool(files))

    # -- reacting to the plan -------------------------------------------------------
    def _show_snapshot(self, snapshot: Snapshot | None) -> None:
        has_plan = snapshot is not None
        self.close_action.setEnabled(has_plan)
        if snapshot is None:
            self.setWindowTitle(APP_TITLE)
            self.setWindowFilePath("")
            if not self.files.building_demo:
                self.empty_state.show_idle()
            self.centre.setCurrentWidget(self.empty_state)
            return
        title = f"{snapshot.settings.name} — {APP_TITLE}"
        if snapshot.read_only:
            title += " [read-only]"
        self.setWindowTitle(title)
        self.setWindowFilePath(snapshot.path)
        self.centre.setCurrentWidget(self.summary)
        self._fill_recent_menu()

    def _show_busy(self, text: str) -> None:
        self.statusBar().showMessage(text)
        if not self.document.is_open:
            self.empty_state.show_busy(text)
            self.centre.setCurrentWidget(self.empty_state)

    def _show_idle(self) -> None:
        self.statusBar().clearMessage()
        self.empty_state.show_idle()

    def _show_failure(self, message: str) -> None:
        dialogs.inform(self, self.tr("Not done"), message)

    def show_about(self) -> None:
        text = (f"<h3>{APP_TITLE}</h3>"
                "<p>Plan cross-channel marketing campaigns offline, keep each plan in one "
                "file, and split the budget between brand and promotion.</p>"
                f"<p>Qt {qVersion()} · PySide6 {PySide6.__version__} · "
                f"Python {platform.python_version()} on {sys.platform}</p>")
        dialogs.about(self, self.tr("About %1").replace("%1", APP_TITLE), text)

    # -- geometry and closing -------------------------------------------------------
    def _restore_geometry(self) -> None:
        self.resize(*DEFAULT_SIZE)
        if not self._remember_geometry:
            return
        geometry, state = settings.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._remember_geometry:
            settings.save_window_geometry(self.saveGeometry(), self.saveState())
        self.files.shutdown()
        super().closeEvent(event)
