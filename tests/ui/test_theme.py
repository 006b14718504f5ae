"""View ▸ Theme: Light and Dark force a Fusion palette and are remembered; System
follows the platform's scheme; what the app paints itself follows the palette."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from ui import theme, theme_menu


@pytest.fixture(autouse=True)
def back_to_system(qapp: QApplication) -> Iterator[None]:
    yield
    theme_menu.applier().apply("system", Qt.ColorScheme.Light)


def _dark(colour: QColor) -> bool:
    return colour.lightness() < 100


def _window_on_the_sample_plan(make_window, sample_plan, qtbot):
    window = make_window()
    window.files.start(sample_plan.path)
    window.overview.wait()
    qtbot.waitUntil(lambda: window.document.is_open)
    return window


def test_dark_is_applied_remembered_and_painted_by_the_calendar(make_window, sample_plan,
                                                                 qtbot):
    window = _window_on_the_sample_plan(make_window, sample_plan, qtbot)
    light = window.calendar.grab().toImage()
    window.theme_menu.action("dark").trigger()

    assert QSettings().value(theme_menu.SETTING) == "dark"
    assert QApplication.style().name().casefold() == "fusion"
    assert theme.palette_is_dark(QGuiApplication.palette())
    assert theme.colours() is theme.DARK
    qtbot.wait(50)  # the repaint the palette change asked for
    dark = window.calendar.grab().toImage()
    corner = (5, 5)  # the headers' corner
    for x, y in (corner,):
        assert not _dark(light.pixelColor(x, y)) and _dark(dark.pixelColor(x, y)), (x, y)

    window.theme_menu.action("light").trigger()
    assert theme.colours() is theme.LIGHT
    assert QSettings().value(theme_menu.SETTING) == "light"


def test_charts_are_drawn_again_in_the_dark_colours(make_window, sample_plan, qtbot):
    window = _window_on_the_sample_plan(make_window, sample_plan, qtbot)
    window.tabs.setCurrentWidget(window.budget)
    charts = _chart_views(window.budget)
    qtbot.waitUntil(lambda: all(c.up_to_date for c in charts), timeout=20_000)
    before = charts[0].image.pixelColor(2, 2)
    window.theme_menu.action("dark").trigger()
    qtbot.wait(50)
    qtbot.waitUntil(lambda: all(c.up_to_date for c in charts), timeout=20_000)
    after = charts[0].image.pixelColor(2, 2)
    assert not _dark(before) and _dark(after)


def _chart_views(widget):
    from ui.charts import ChartView

    views = [v for v in widget.findChildren(ChartView) if v.isVisible()]
    assert views
    return views


def test_system_follows_the_platform_scheme_as_it_changes(make_window):
    window = make_window()
    window.theme_menu.action("system").trigger()
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.colours() is theme.DARK
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert theme.colours() is theme.LIGHT

    window.theme_menu.action("light").trigger()  # a forced theme stays put
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.colours() is theme.LIGHT


def test_icons_follow_the_palette_and_are_sharp_at_twice_the_pixels(make_window, qtbot):
    window = make_window()

    def ink(action) -> QColor:
        image = action.icon().pixmap(32, 32, QIcon.Mode.Normal).toImage()
        inked = [image.pixelColor(x, y) for x in range(32) for y in range(32)
                 if image.pixelColor(x, y).alpha() > 200]
        assert inked
        return inked[0]

    assert _dark(ink(window.new_action))
    window.theme_menu.action("dark").trigger()
    qtbot.wait(50)  # the palette change reaches the window
    assert not _dark(ink(window.new_action))
    large = window.new_action.icon().pixmap(16, 16, QIcon.Mode.Normal)
    assert large.width() >= 16
    assert window.new_action.icon().availableSizes()[-1].width() >= 32  # 16 pt at 2x


def test_print_and_pictures_use_the_light_colours_in_dark_mode(make_window):
    window = make_window()
    window.theme_menu.action("dark").trigger()
    with theme.paper():
        assert theme.colours() is theme.LIGHT
    assert theme.colours() is theme.DARK


def test_a_saved_theme_is_applied_at_start_and_overridden_for_one_run(qapp):
    QSettings().setValue(theme_menu.SETTING, "dark")
    theme_menu.start(None)
    theme_menu.applier().apply(theme_menu.saved_theme())
    assert theme.colours() is theme.DARK
    theme_menu.start("light")
    assert theme.colours() is theme.LIGHT
    assert QSettings().value(theme_menu.SETTING) == "dark"  # --theme is for this run only
