"""`campaign-planner --screenshot FILE [--tab NAME] [--size WxH] [PLAN]`."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from ui.app import main
from ui.main_window import MainWindow


def test_the_picture_has_the_size_asked_for(sample_plan, tmp_path):
    out = tmp_path / "window.png"

    assert main(["--screenshot", str(out), "--size", "1400x900", str(sample_plan.path)]) == 0

    assert QImage(str(out)).size() == QSize(1400, 900)


@pytest.mark.parametrize(("size", "says"), [
    ("900by640", "'900by640' is not a size; give WIDTHxHEIGHT in pixels"),
    ("10x10", "10x10 is out of range; width 640–7680, height 400–4320"),
])
def test_a_bad_size_exits_2_with_a_message_and_no_picture(sample_plan, tmp_path, capsys,
                                                          size, says):
    out = tmp_path / "window.png"

    assert main(["--screenshot", str(out), "--size", size, str(sample_plan.path)]) == 2

    err = capsys.readouterr().err
    assert "argument --size" in err and says in err
    assert not out.exists()


def test_tab_and_size_need_screenshot(sample_plan, capsys):
    assert main(["--size", "900x640", str(sample_plan.path)]) == 2
    assert "--tab and --size go with --screenshot" in capsys.readouterr().err


def test_an_unknown_tab_exits_2_naming_the_tabs_there_are(sample_plan, tmp_path, capsys):
    out = tmp_path / "window.png"

    assert main(["--screenshot", str(out), "--tab", "Horoscope", str(sample_plan.path)]) == 2

    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[-1].startswith("campaign-planner: no tab named 'Horoscope'; the tabs are: ")
    assert not out.exists()


@pytest.mark.skipif(not hasattr(MainWindow, "show_tab"), reason="the window has no tabs yet")
def test_a_tab_is_found_whatever_its_case(sample_plan, tmp_path):
    out = tmp_path / "window.png"

    assert main(["--screenshot", str(out), "--tab", "CALENDAR", str(sample_plan.path)]) == 0

    assert QImage(str(out)).size() == QSize(1280, 800)  # the window's default size
