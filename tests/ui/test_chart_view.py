"""ChartView draws on the render thread and shows the image; it drops stale
renders, follows its size, and reports clicks on pickable points."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.charts import ChartInfo, ChartView, all_idle

ROOT = Path(__file__).resolve().parents[2]
threads: list[threading.Thread] = []


def filled(figure, data: dict) -> ChartInfo:
    """The whole figure one colour; one axes over all of it with points at `data["points"]`."""
    threads.append(threading.current_thread())
    if data.get("fail"):
        raise ValueError("cannot draw this")
    if data.get("wait"):
        data["wait"].wait(5)
    figure.set_facecolor(data["colour"])
    axes = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    axes.set_facecolor(data["colour"])
    axes.set_xlim(0, 10)
    axes.set_ylim(0, 10)
    axes.set_title(data.get("title", ""))
    xs, ys = zip(*data.get("points", [(5, 5)]), strict=True)
    axes.scatter(xs, ys, s=4, color=data["colour"])
    return ChartInfo(summary=data["colour"], points=[(axes, xs, ys)])


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[ChartView]:
    widget = ChartView(filled)
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    threads.clear()
    yield widget


def shown(qtbot: QtBot, view: ChartView) -> None:
    qtbot.waitUntil(lambda: view.up_to_date and view.idle, timeout=20_000)


def test_draws_off_the_gui_thread_at_the_widget_size(qtbot: QtBot, view: ChartView) -> None:
    with qtbot.waitSignal(view.rendered, timeout=20_000):
        view.set_data({"colour": "#ff0000", "title": "Red"})
    assert threads and threading.main_thread() not in threads
    ratio = view.devicePixelRatioF()
    image = view.image
    assert (image.width(), image.height()) == (round(400 * ratio), round(300 * ratio))
    assert image.pixelColor(10, 10) == QColor("#ff0000")
    assert view.summary == "#ff0000"
    assert view.axes[0].title == "Red"
    painted = view.grab().toImage()  # what the widget paints is the image
    assert painted.pixelColor(200, 280) == QColor("#ff0000")


def test_a_resize_renders_again_at_the_new_size(qtbot: QtBot, view: ChartView) -> None:
    view.set_data({"colour": "#00ff00"})
    shown(qtbot, view)
    first = view.image
    view.resize(300, 200)
    assert view.image is first  # the last image stays until the new one lands
    qtbot.waitUntil(lambda: view.last.size == (300, 200), timeout=20_000)
    assert view.image.width() == round(300 * view.devicePixelRatioF())


def test_new_data_drops_the_render_in_flight(qtbot: QtBot, view: ChartView) -> None:
    view.set_data({"colour": "#0000ff"})
    shown(qtbot, view)
    release = threading.Event()
    view.set_data({"colour": "#ff0000", "wait": release})
    qtbot.waitUntil(lambda: not view.idle and len(threads) == 2, timeout=20_000)
    view.set_data({"colour": "#00ff00"})  # while the red one is still drawing
    assert view.summary == "#0000ff"  # still the last image
    colours: list[str] = []
    view.rendered.connect(lambda: colours.append(view.summary))
    release.set()
    shown(qtbot, view)
    assert colours == ["#00ff00"]  # the red render finished but was never shown
    assert view.image.pixelColor(5, 5) == QColor("#00ff00")


def test_a_hidden_view_waits_until_shown(qtbot: QtBot) -> None:
    hidden = ChartView(filled)
    qtbot.addWidget(hidden)
    hidden.resize(200, 200)
    threads.clear()
    hidden.set_data({"colour": "#123456"})
    qtbot.wait(250)
    assert not threads and hidden.image is None and hidden.idle
    with qtbot.waitSignal(hidden.rendered, timeout=20_000):
        hidden.show()
    assert hidden.summary == "#123456"


def test_no_data_clears_the_chart(qtbot: QtBot, view: ChartView) -> None:
    view.set_data({"colour": "#ff0000"})
    shown(qtbot, view)
    view.set_data(None)
    assert view.image is None and view.summary is None and view.idle


def test_a_drawing_that_raises_is_reported(qtbot: QtBot, view: ChartView) -> None:
    with qtbot.waitSignal(view.failed, timeout=20_000) as failed:
        view.set_data({"colour": "#ff0000", "fail": True})
    assert failed.args == ["ValueError: cannot draw this"]
    assert view.idle and view.image is None


def test_a_click_near_a_point_reports_its_index(qtbot: QtBot, view: ChartView) -> None:
    # The axes fill the figure, 0..10 both ways: (2, 8) is 20 % across, 20 % down.
    view.set_data({"colour": "#dddddd", "points": [(2, 8), (7, 3)]})
    shown(qtbot, view)
    located = [c for point in view.last.points for c in point]
    assert located == pytest.approx([80, 60, 280, 210], abs=1)
    with qtbot.waitSignal(view.point_clicked, timeout=2_000) as clicked:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(283, 208))
    assert clicked.args == [1]
    with qtbot.waitSignal(view.point_clicked, timeout=2_000) as clicked:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(78, 63))
    assert clicked.args == [0]
    with qtbot.assertNotEmitted(view.point_clicked):
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(180, 140))


def test_a_click_on_a_stretched_image_maps_back_to_its_points(qtbot: QtBot,
                                                              view: ChartView) -> None:
    view.set_data({"colour": "#dddddd", "points": [(5, 5)]})
    shown(qtbot, view)
    view.resize(800, 600)  # until the re-render lands, the image is drawn twice as big
    assert view.last.size == (400, 300)
    assert view.point_at(400, 300) == 0
    assert view.point_at(200, 150) is None


def test_importing_the_app_does_not_import_matplotlib() -> None:
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import ui.main_window"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert out.returncode == 0, out.stderr[-2000:]
    imported = {line.split("|")[-1].strip() for line in out.stderr.splitlines()}
    assert "ui.charts.view" in imported
    assert "matplotlib" not in imported


def test_all_idle_waits_for_every_chart_inside(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    views = [ChartView(filled), ChartView(filled)]
    layout = QHBoxLayout(parent)
    for view in views:
        layout.addWidget(view)
    parent.resize(600, 300)
    parent.show()
    assert all_idle(parent)
    views[1].set_data({"colour": "#ff00ff"})
    assert not all_idle(parent)
    qtbot.waitUntil(lambda: all_idle(parent), timeout=20_000)
    assert views[1].summary == "#ff00ff" and views[0].image is None
