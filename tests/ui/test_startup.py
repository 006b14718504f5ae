"""Start-up: the demo on a first start, the last plan afterwards, `--screenshot`."""

from __future__ import annotations

import importlib.util

import pytest

from planner import paths
from ui import settings
from ui.app import main

needs_demo = pytest.mark.skipif(importlib.util.find_spec("planner.demo") is None,
                                reason="planner.demo (the demo builder) is not there yet")


@needs_demo
def test_first_start_builds_the_demo_in_a_worker_and_opens_it(make_window, qtbot, tmp_path):
    settings.remember(tmp_path / "deleted since.cplan")  # a last plan that is gone
    window = make_window()
    window.files.start()

    assert window.files.building_demo  # the window is up while the demo is built
    assert not window.document.is_open
    qtbot.waitUntil(lambda: window.document.is_open, timeout=20_000)
    window.overview.wait()

    demo = paths.demo_plan_path()
    assert demo.parent == paths.data_dir()
    assert window.document.path == demo and demo.exists()
    assert window.summary.channel_model.rowCount() > 0
    assert settings.last_plan() == demo.resolve()
    assert not list(demo.parent.glob(".*building*"))


def test_a_later_start_opens_the_last_plan(make_window, sample_plan):
    first = make_window()
    first.files.start(sample_plan.path)
    first.close()

    second = make_window()
    with_settled = []
    second.files.settled.connect(lambda: with_settled.append(True))
    second.files.start()
    second.overview.wait()

    assert with_settled
    assert second.document.path.resolve() == sample_plan.path.resolve()
    assert second.summary.channel_model.rowCount() == 3


def test_screenshot_writes_a_png_and_exits_zero(sample_plan, tmp_path):
    settings.remember(sample_plan.path)
    out = tmp_path / "shots" / "window.png"

    assert main(["--screenshot", str(out)]) == 0

    assert out.read_bytes().startswith(b"\x89PNG")
    assert out.stat().st_size > 10_000


def test_bad_arguments_exit_2_without_a_window(capsys):
    assert main(["--no-such-option"]) == 2
    assert "unrecognized arguments" in capsys.readouterr().err
