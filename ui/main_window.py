"""The main window: puts the views, docks, menus and status bar together.

It assembles and wires; it computes nothing about the plan. Opening and closing
live in `FileController`, the selection verbs in `EditController`, the View
menu in `ViewOptions`, editors in `EditorLauncher`, numbers in `PlanOverview`.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)

from ui import action_look, dialogs, settings
from ui.budget import BudgetTab
from ui.calendar.view import CalendarView
from ui.calendar_menu import CalendarMenu
from ui.calendar_print import PrintController
from ui.curves.tab import CurvesTab
from ui.document import PlanDocument
from ui.edit_controller import EditController
from ui.editor_launcher import EditorLauncher
from ui.editors.inspector import Inspector
from ui.file_controller import FileController
from ui.first_run import FirstRunBanner, with_banner
from ui.help import HelpMenu
from ui.language_menu import LanguageMenu
from ui.merge_controller import MergeController
from ui.models.flight_filter import FlightFilter
from ui.models.overview import PlanOverview, Snapshot
from ui.models.plan_index import PlanIndex
from ui.optimise import OptimiseTab
from ui.panels.campaign_tree import CampaignTree
from ui.panels.empty_state import EmptyState
from ui.panels.flights_table import FlightsTable
from ui.panels.health_panel import HealthPanel
from ui.panels.plan_status import PlanStatus
from ui.panels.summary_panel import SummaryPanel
from ui.performance.tab import PerformanceTab
from ui.recent_menu import RecentMenu
from ui.selection import Selection
from ui.theme import PALETTE_EVENTS
from ui.theme_menu import ThemeMenu
from ui.transfer import TransferController
from ui.view_options import ViewOptions
from ui.workers.process import shutdown_processes

APP_TITLE = "Omnichannel Campaign Planner"
DEFAULT_SIZE = (1280, 800)


class MainWindow(QMainWindow):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None, *,
                 remember_geometry: bool = True) -> None:
        super().__init__(parent)
        self.document = document
        self._remember_geometry = remember_geometry
        self.index = PlanIndex(document, self)
        self.selection = Selection(self.index, self)
        self.flight_filter = FlightFilter(self)
        self.overview = PlanOverview(document, self)
        self.files = FileController(document, self)
        self.edits = EditController(document, self.index, self.selection, self)
        self.editors = EditorLauncher(document, self.index, self.selection, self)
        self._make_file_actions()

        self.calendar = CalendarView(document, self.index, self.selection)
        self.flights_table = FlightsTable(document, self.index, self.selection,
                                          self.flight_filter)
        self.summary = SummaryPanel(self.overview)
        self.budget = BudgetTab(document, self.index, self.selection, self.overview)
        self.optimise = OptimiseTab(document, self.index, self.selection)
        self.curves = CurvesTab(document, self.index)
        self.performance = PerformanceTab(document, self.index, self.flight_filter)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for widget, key, title in (
                (self.calendar, "Calendar", self.tr("Calendar")),
                (self.flights_table, "Flights", self.tr("Flights")),
                (self.budget, "Budget", self.tr("Budget")),
                (self.optimise, "Optimise", self.tr("Optimise")),
                (self.curves, "Curves", self.tr("Curves")),
                (self.performance, "Performance", self.tr("Performance")),
                (self.summary, "Summary", self.tr("Summary"))):
            self.tabs.tabBar().setTabData(self.tabs.addTab(widget, title), key)
        self.empty_state = EmptyState([self.new_action, self.open_action])
        self.centre = QStackedWidget()
        self.centre.addWidget(self.empty_state)
        self.centre.addWidget(self.tabs)
        self.view_options = ViewOptions(self.calendar, self)
        self.transfer = TransferController(document, self.index, self)
        self.printing = PrintController(document, self.index, self, self.calendar)
        self.merging = MergeController(document, self.index, self)
        self.first_run = FirstRunBanner(self.index,
                                        lambda: self.tabs.setCurrentWidget(self.optimise),
                                        self.transfer.export_actions["xlsx"])
        self.setCentralWidget(with_banner(self.first_run, self.centre))

        self.tree = CampaignTree(document, self.index, self.selection, self.flight_filter)
        self.tree_dock = self._dock(self.tr("Campaigns"), "campaigns_dock", self.tree,
                                    Qt.DockWidgetArea.LeftDockWidgetArea)
        self.inspector = Inspector(document, self.index, self.selection)
        self.inspector_dock = self._dock(self.tr("Inspector"), "inspector_dock", self.inspector,
                                         Qt.DockWidgetArea.RightDockWidgetArea)
        self.health = HealthPanel(self.overview)
        self.health_dock = self._dock(self.tr("Plan health"), "health_dock", self.health,
                                      Qt.DockWidgetArea.RightDockWidgetArea)

        self.plan_status = PlanStatus(self.overview)
        self.statusBar().addPermanentWidget(self.plan_status)

        self._make_menus()
        self._make_toolbar()
        self._wire()
        self._show_plan()
        self._restore_geometry()

    # -- building ---------------------------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea
              ) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState() needs a name
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, text: str, slot: object,
                key: QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        if isinstance(key, QKeySequence.StandardKey):
            action.setShortcuts(key)
        elif key is not None:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        return action

    def _make_file_actions(self) -> None:
        Key = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&New…"), self.files.new_plan, Key.New)
        self.open_action = self._action(self.tr("&Open…"), self.files.open_dialog, Key.Open)
        self.save_copy_action = self._action(self.tr("Save a &Copy As…"),
                                             self.files.save_copy_dialog, Key.SaveAs)
        self.close_action = self._action(self.tr("&Close"), self.files.close_plan, Key.Close)
        self.quit_action = self._action(self.tr("&Quit"), self.close, Key.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.settings_action = self._action(self.tr("Plan &Settings…"),
                                            self.editors.plan_settings, "Ctrl+,")
        self.undo_action = self.document.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts(Key.Undo)
        self.redo_action = self.document.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts(Key.Redo)
        self.new_flight_action = self._action(self.tr("New &Flight…"), self.editors.new_flight,
                                              "Ctrl+Shift+F")
        self.new_campaign_action = self._action(self.tr("New Ca&mpaign…"),
                                                self.editors.new_campaign, "Ctrl+Shift+C")
        self.about_action = self._action(self.tr("&About %1").replace("%1", APP_TITLE),
                                         self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        self.recent_menu = RecentMenu(self.tr("Open &Recent"), self.files.open_path, self)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.save_copy_action)
        file_menu.addAction(self.merging.merge_action)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        self.transfer.import_menu.setTitle(self.tr("&Import"))
        self.transfer.export_menu.setTitle(self.tr("&Export"))
        file_menu.addMenu(self.transfer.import_menu)
        file_menu.addMenu(self.transfer.export_menu)
        file_menu.addActions(self.printing.actions)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edits = self.edits
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([edits.cut_action, edits.copy_action, edits.paste_action,
                              edits.duplicate_action, edits.delete_action])
        edit_menu.addSeparator()
        edit_menu.addActions([edits.select_all_action, edits.find_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.new_flight_action, self.new_campaign_action,
                              edits.edit_action, edits.bulk_action, edits.split_action])
        edit_menu.addMenu(edits.move_menu)
        edit_menu.addActions([edits.lock_action, edits.unlock_action])

        view_menu = bar.addMenu(self.tr("&View"))
        self.view_options.fill(view_menu)
        view_menu.addSeparator()
        for dock in (self.tree_dock, self.inspector_dock, self.health_dock):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        self.theme_menu = ThemeMenu(self)
        self.theme_menu.fill(view_menu)
        self.language_menu = LanguageMenu(self)
        self.language_menu.fill(view_menu)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu = HelpMenu(self)
        self.help_menu.fill(help_menu, self.about_action)
        action_look.assign_keys(self)
        action_look.assign_icons(self)

    def _make_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        toolbar.addActions([self.new_action, self.open_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions([self.new_flight_action, self.new_campaign_action])
        toolbar.addSeparator()
        toolbar.addActions([self.view_options.zoom_out_action, self.view_options.zoom_in_action])
        toolbar.addSeparator()
        toolbar.addActions(self.view_options.lanes_group.actions())
        for action in toolbar.actions():
            action.setToolTip(action_look.with_key(action))
        self.addToolBar(toolbar)

    def _wire(self) -> None:
        self.overview.updated.connect(self._show_snapshot)
        self.index.reset.connect(self._show_plan)
        self.index.reset.connect(self._freeze_plan_objects)
        self.index.changed.connect(lambda changes: changes.settings and self._show_plan())
        self.files.busy.connect(self._show_busy)
        self.transfer.message.connect(self._show_message)
        self.printing.message.connect(self._show_message)
        self.merging.message.connect(self._show_message)
        self.help_menu.message.connect(self._show_message)
        self.files.idle.connect(self._show_idle)
        self.document.failed.connect(self._show_failure)
        self.plan_status.clicked.connect(self._show_health)
        self.health.view.doubleClicked.connect(self._select_finding)
        for source in (self.calendar, self.tree, self.flights_table, self.edits):
            source.edit_requested.connect(self.editors.edit)
        self.inspector.bulk_edit_requested.connect(
            lambda: self.editors.bulk_edit(self.selection.flight_ids))
        self.edits.bulk_edit_requested.connect(self.editors.bulk_edit)
        self.edits.split_requested.connect(self.editors.split)
        self.edits.find_requested.connect(self._find)
        self.edits.select_all_requested.connect(self._select_all)
        self.calendar_menu = CalendarMenu(self.calendar, self.tabs, self.edits, self)
        self.calendar.create_requested.connect(self.editors.new_flight_in_lane)

    # -- reacting to the plan ---------------------------------------------------------
    def _show_plan(self, *_args: object) -> None:
        """Title and centre follow the index, at once; numbers follow the overview."""
        settings_ = self.index.settings
        has_plan = settings_ is not None
        for action in (self.close_action, self.save_copy_action, self.settings_action,
                       self.new_flight_action, self.new_campaign_action):
            action.setEnabled(has_plan)
        if not has_plan:
            self.setWindowTitle(APP_TITLE)
            self.setWindowFilePath("")
            if not self.files.building_demo:
                self.empty_state.show_idle()
            self.centre.setCurrentWidget(self.empty_state)
            return
        title = f"{settings_.name} — {APP_TITLE}"
        if self.document.read_only:
            title += self.tr(" [read-only]")
        self.setWindowTitle(title)
        self.setWindowFilePath(str(self.document.path))
        self.centre.setCurrentWidget(self.tabs)
        self.recent_menu.refill()

    def _freeze_plan_objects(self) -> None:
        """A big plan's records live as long as it is open: moved out of the collector's
        full passes, those passes stop pausing the event loop for 60-160 ms. Closing
        the plan hands them back so they can be freed."""
        gc.unfreeze()
        if self.index.is_open:
            gc.freeze()

    def _show_snapshot(self, snapshot: Snapshot | None) -> None:
        self.calendar.set_findings(snapshot.findings if snapshot is not None else ())

    def _show_busy(self, text: str) -> None:
        self.statusBar().showMessage(text)
        if not self.document.is_open:
            self.empty_state.show_busy(text)
            self.centre.setCurrentWidget(self.empty_state)

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _show_idle(self) -> None:
        self.statusBar().clearMessage()
        self.empty_state.show_idle()

    def _show_failure(self, message: str) -> None:
        dialogs.inform(self, self.tr("Not done"), message)

    def _show_health(self) -> None:
        self.health_dock.show()
        self.health_dock.raise_()

    def _select_finding(self, index: QModelIndex) -> None:
        """Double-clicking a finding selects what it is about, and shows it."""
        finding = self.health.model.finding(index.row())
        ids = set(finding.object_ids)
        if finding.table == "flights":
            self.selection.select_flights(i for i in finding.object_ids if i in self.index.flights)
        elif finding.table == "campaigns":
            self.selection.select(("campaign", i) for i in finding.object_ids
                                  if i in self.index.campaigns)
        elif finding.table == "channels":
            self.selection.select_flights(f.id for f in self.index.flights.values()
                                          if f.channel_id in ids)
        flight_ids = self.selection.flight_ids
        if flight_ids:
            self.tabs.setCurrentWidget(self.calendar)
            self.calendar.reveal_flight(flight_ids[0])

    def _find(self) -> None:
        self.tree_dock.show()
        self.tree_dock.raise_()
        self.tree.filter_bar.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.tree.filter_bar.text.selectAll()

    def _select_all(self) -> None:
        chosen = [f.id for f in self.index.flights.values()
                  if self.flight_filter.matches_flight(f, self.index)]
        self.selection.select_flights(chosen)

    def show_tab(self, name: str) -> bool:
        """Show the central tab called `name` (any case), by its title in the language
        shown or by its English name, so scripts work in every language; False when
        there is none."""
        wanted = name.strip().casefold()
        for i in range(self.tabs.count()):
            names = (self.tabs.tabText(i).replace("&", ""), self.tabs.tabBar().tabData(i))
            if wanted in (str(n).casefold() for n in names):
                self.tabs.setCurrentIndex(i)
                return True
        return False

    @property
    def tab_names(self) -> list[str]:
        return [self.tabs.tabText(i).replace("&", "") for i in range(self.tabs.count())]

    def show_about(self) -> None:
        self.help_menu.show_about()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in PALETTE_EVENTS:  # light or dark: icons follow
            action_look.assign_icons(self)

    # -- geometry and closing -------------------------------------------------------
    def _restore_geometry(self) -> None:
        self.resize(*DEFAULT_SIZE)
        # The calendar gets the width; the docks what their content needs.
        self.resizeDocks([self.tree_dock, self.inspector_dock], [300, 320],
                         Qt.Orientation.Horizontal)
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
        self.merging.shutdown()
        self.files.shutdown()
        self.overview.shutdown()
        for tab in (self.budget, self.optimise, self.curves, self.performance):
            tab.shutdown()
        shutdown_processes()  # after the tabs: they wait for their running jobs
        super().closeEvent(event)
