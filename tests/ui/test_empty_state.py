"""Empty views say what to do: the calendar, the flights table, the scenarios list,
Performance and Curves show a hint while they have nothing, and lose it as soon as
they do; the first-run banner shows until dismissed, then never again. Hints and
editor messages are drawn in the theme's colours, readable in light and dark."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.services import campaigns, channels
from planner.services.flights import delete_flights
from planner.services.optimise import build_problem, run
from planner.services.scenarios import delete_scenario, save_scenario
from planner.storage.plan_file import open_plan
from tests.ui.calendar_support import Calendar, calendar_fixture  # noqa: F401 - fixture
from tests.ui.editing import Editing
from tests.ui.plan_views import Views, open_views
from ui import theme, theme_menu
from ui.calendar.view import CalendarView
from ui.commands.base import ServiceCommand
from ui.curves.tab import CurvesTab
from ui.editors.dialogs import FlightDialog
from ui.editors.form import MessageLabel
from ui.empty_state import EmptyHint
from ui.first_run import DISMISSED_KEY, FirstRunBanner
from ui.optimise.scenarios_panel import ScenariosPanel
from ui.panels.flights_table import FlightsTable
from ui.performance.tab import PerformanceTab

D = dt.date


@pytest.fixture(autouse=True)
def back_to_light(qapp: QApplication) -> Iterator[None]:
    yield
    theme_menu.applier().apply("system", Qt.ColorScheme.Light)


def _centred_in(hint: EmptyHint, area: QPoint) -> bool:
    return (hint.geometry().center() - area).manhattanLength() <= 2


# -- the calendar -------------------------------------------------------------------------
def test_the_calendar_hint_comes_with_the_last_deleted_flight_and_goes_with_undo(
        calendar: Calendar, qtbot: QtBot):
    hint = calendar.view.empty_hint
    assert not hint.showing
    document = calendar.document
    document.push(ServiceCommand(document, "Delete all", delete_flights,
                                 list(calendar.index.flights)))
    assert not calendar.index.flights
    assert hint.showing and hint.isVisible()
    assert hint.text().startswith("No flights yet. Drag along a lane")
    viewport = calendar.view.viewport().geometry()
    assert viewport.contains(hint.geometry())  # over the lanes, clear of the headers
    assert _centred_in(hint, viewport.center())
    document.undo_stack.undo()
    assert calendar.index.flights and not hint.showing
    document.undo_stack.redo()
    assert hint.showing


def test_a_drag_across_the_hint_still_asks_for_a_flight(calendar: Calendar, qtbot: QtBot):
    calendar.document.run(delete_flights, list(calendar.index.flights))
    view, hint = calendar.view, calendar.view.empty_hint
    view.resize(1200, 240)  # the lanes now reach under the hint
    qtbot.waitUntil(lambda: view.viewport().height() < 200)
    box = hint.geometry().translated(-view.viewport().geometry().topLeft())
    lane = next(lane_id for lane_id in (calendar.ids[n] for n in ("Tmall", "Douyin", "WeChat"))
                if box.top() < calendar.lane_point(lane_id, D(2026, 3, 9)).y() < box.bottom())
    start, end = calendar.lane_point(lane, D(2026, 3, 9)), calendar.lane_point(lane, D(2026, 3, 12))
    assert box.contains(start) and box.contains(end)
    with qtbot.waitSignal(view.create_requested) as created:
        calendar.drag(start, end)
    assert created.args == ["channel", lane, D(2026, 3, 9), D(2026, 3, 12)]


def test_a_new_plan_is_led_from_channels_to_campaigns_to_flights(qtbot: QtBot, plan_path):
    with open_views(plan_path) as views:
        view = CalendarView(views.document, views.index, views.selection)
        qtbot.addWidget(view)
        view.resize(900, 500)
        view.show()
        hint, run_ = view.empty_hint, views.document.run
        assert hint.text().startswith("No channels yet")
        run_(channels.create_channel, "Tmall", "web_shop")
        assert hint.text().startswith("No campaigns yet")
        run_(campaigns.create_campaign, "Launch", "promotion")
        assert hint.text().startswith("No flights yet")
        assert "File ▸ Import ▸ Flights and campaigns…" in hint.text()
        views.document.close()
        assert not hint.showing  # no plan: the window's own empty page speaks


# -- the tables ---------------------------------------------------------------------------
def _flights_table(qtbot: QtBot, views: Views) -> FlightsTable:
    table = FlightsTable(views.document, views.index, views.selection, views.flight_filter)
    qtbot.addWidget(table)
    table.resize(900, 400)
    table.show()
    return table


def test_the_flights_table_tells_an_empty_filter_from_an_empty_plan(qtbot: QtBot,
                                                                    views: Views):
    table = _flights_table(qtbot, views)
    hint = table.empty_hint
    assert not hint.showing
    views.flight_filter.set_text("no flight is called this")
    assert table.proxy.rowCount() == 0
    assert hint.showing and hint.text().startswith("No flights match the filter")
    views.flight_filter.clear()
    assert not hint.showing
    views.document.run(delete_flights, list(views.index.flights))
    assert hint.showing and hint.text().startswith("No flights yet")
    assert table.view.viewport().geometry().contains(hint.geometry())


def test_the_scenarios_list_asks_for_a_run_until_one_is_saved(qtbot: QtBot,
                                                              demo_editing: Editing):
    document = demo_editing.document
    panel = ScenariosPanel(document, demo_editing.index)
    qtbot.addWidget(panel)
    panel.resize(500, 400)
    panel.show()
    assert panel.empty_hint.showing
    assert "press Run" in panel.empty_hint.text()
    problem = build_problem(document.plan, grain="month", today=D(2026, 7, 15))
    document.push(ServiceCommand(document, "Save scenario", save_scenario, "Run 1", problem,
                                 run(document.plan, problem)))
    assert panel.list.count() == 1 and not panel.empty_hint.showing
    document.push(ServiceCommand(document, "Delete scenario", delete_scenario,
                                 panel.scenarios.popitem()[0]))
    assert panel.list.count() == 0 and panel.empty_hint.showing


def _performance(qtbot: QtBot, views: Views | Editing, flight_filter) -> PerformanceTab:
    tab = PerformanceTab(views.document, views.index, flight_filter)
    qtbot.addWidget(tab)
    tab.resize(1000, 700)
    with qtbot.waitSignal(tab.updated, timeout=30_000):
        tab.show()
    return tab


def test_performance_without_actuals_says_how_to_bring_them_in(qtbot: QtBot, views: Views,
                                                              demo_editing: Editing):
    empty = _performance(qtbot, views, views.flight_filter)
    assert empty.result.as_of is None
    assert empty.empty_hint.showing
    assert "File ▸ Import ▸ Actuals…" in empty.empty_hint.text()
    tracked = _performance(qtbot, demo_editing, views.flight_filter)
    assert tracked.result.as_of is not None and not tracked.empty_hint.showing
    for tab in (empty, tracked):
        tab.shutdown()


def test_curves_without_history_say_how_to_fit_them(qtbot: QtBot, views: Views,
                                                    demo_editing: Editing):
    def shown(editing: Views | Editing) -> CurvesTab:
        tab = CurvesTab(editing.document, editing.index)
        qtbot.addWidget(tab)
        tab.resize(1000, 700)
        tab.show()
        return tab

    bare = shown(views)
    assert bare.view is not None and bare.empty_hint.showing
    assert "Channel history…" in bare.empty_hint.text()
    fitted = shown(demo_editing)
    assert fitted.view is not None and not fitted.empty_hint.showing
    for tab in (bare, fitted):
        tab.shutdown()


# -- the first-run banner -----------------------------------------------------------------
def test_the_first_run_banner_shows_with_a_plan_until_dismissed_for_good(
        make_window, sample_plan, qtbot: QtBot, isolated_settings):
    window = make_window()
    banner = window.first_run
    assert not banner.isVisible()  # nothing to try without a plan
    window.files.start(sample_plan.path)
    qtbot.waitUntil(lambda: window.index.is_open)
    assert banner.isVisible()
    assert banner.geometry().bottom() < window.tabs.mapTo(banner.parentWidget(), QPoint()).y()
    qtbot.mouseClick(banner.optimise_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.optimise
    assert banner.export_button.isEnabled()
    qtbot.mouseClick(banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    assert QSettings().value(DISMISSED_KEY) in (True, "true")
    assert any(isolated_settings.rglob("*.ini"))  # kept in this test's own settings
    window.files.close_plan()
    window.files.start(sample_plan.path)
    qtbot.waitUntil(lambda: window.index.is_open)
    assert not banner.isVisible()
    window.files.close_plan()
    again = make_window()  # a later start
    again.files.start(sample_plan.path)
    qtbot.waitUntil(lambda: again.index.is_open)
    assert not again.first_run.isVisible()


def test_the_banner_is_a_plain_widget_without_a_window(qtbot: QtBot, views: Views):
    export = QAction("Export")
    shown: list[bool] = []
    banner = FirstRunBanner(views.index, lambda: shown.append(True), export)
    qtbot.addWidget(banner)
    banner.show()
    export.setEnabled(False)
    assert not banner.export_button.isEnabled()
    qtbot.mouseClick(banner.optimise_button, Qt.MouseButton.LeftButton)
    assert shown == [True]


# -- colours ------------------------------------------------------------------------------
def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return (0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
                + 0.0722 * channel(c.blueF()))
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _over(top: QColor, below: QColor) -> QColor:
    alpha = top.alphaF()
    return QColor.fromRgbF(*(alpha * t + (1 - alpha) * b for t, b in
                             zip((top.redF(), top.greenF(), top.blueF()),
                                 (below.redF(), below.greenF(), below.blueF()), strict=True)))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_hint_and_message_colours_read_well_in_both_schemes(qapp: QApplication, scheme: str):
    theme_menu.applier().apply(scheme)
    colours = theme.colours()
    assert colours.name == scheme
    palette = QGuiApplication.palette()
    for surface in (palette.window().color(), palette.base().color()):
        assert _contrast(colours.error_text, surface) >= 4.5
        assert _contrast(colours.warning_text, surface) >= 4.5
        assert _contrast(colours.hint_text, _over(colours.hint_surface, surface)) >= 4.5


def _text_colour(label: MessageLabel) -> QColor:
    return label.palette().color(QPalette.ColorRole.WindowText)


def test_editor_messages_switch_colour_with_the_theme(qtbot: QtBot, editing: Editing):
    dialog = FlightDialog(editing.index, preset={"start": D(2026, 3, 1), "end": D(2026, 3, 9)})
    qtbot.addWidget(dialog)
    dialog.show()
    message = dialog.form.message("flight.campaign_id")
    assert isinstance(message, MessageLabel) and message.is_error and message.isVisible()
    assert _text_colour(message) == theme.LIGHT.error_text
    theme_menu.applier().apply("dark")
    qtbot.waitUntil(lambda: _text_colour(message) == theme.DARK.error_text)
    dialog.form.start.setDate(D(2025, 12, 1))  # before the horizon: a warning only
    dialog.form.revalidate()
    start = dialog.form.message("flight.start")
    assert start.isVisible() and not start.is_error
    assert _text_colour(start) == theme.DARK.warning_text
    theme_menu.applier().apply("light")
    qtbot.waitUntil(lambda: _text_colour(start) == theme.LIGHT.warning_text)


def test_the_hint_paints_its_box_in_the_scheme_colours(qtbot: QtBot, plan_path):
    with open_views(plan_path) as views:
        view = CalendarView(views.document, views.index, views.selection)
        qtbot.addWidget(view)
        view.resize(900, 500)
        view.show()
        for scheme in ("light", "dark"):
            theme_menu.applier().apply(scheme)
            image = view.empty_hint.grab().toImage()
            corner = QColor(image.pixel(image.width() // 2, 3))
            expected = _over(theme.colours().hint_surface, theme.colours().lane_even)
            assert abs(corner.lightness() - expected.lightness()) < 40
            assert (corner.lightness() < 100) == (scheme == "dark")
        views.document.close()


def test_a_plan_opened_with_no_flights_shows_the_hint_at_once(qtbot: QtBot, plan_path):
    with open_plan(plan_path) as plan:
        channels.create_channel(plan, "Tmall", "web_shop")
    with open_views(plan_path) as views:
        table = _flights_table(qtbot, views)
        assert table.empty_hint.showing and table.empty_hint.text().startswith("No flights yet")
