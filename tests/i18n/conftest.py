"""Fixtures for the language tests: the GUI fixtures, a window language, the demo plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from planner.demo import build_demo
from tests.ui.conftest import (  # noqa: F401  (fixtures, shared with the GUI tests)
    clipboard_released,
    isolated_settings,
    make_window,
    prompts,
    window,
)
from ui import i18n


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[i18n.Applied]:
    """The app in Simplified Chinese for one test; English again afterwards."""
    applied = i18n.apply(i18n.CHINESE)
    yield applied
    i18n.apply(i18n.ENGLISH)


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "demo.cplan"
    build_demo(path, year=2026, today=dt.date(2026, 7, 15)).close()
    return path
