"""GUI test fixtures: isolated QSettings, recorded prompts, a small real plan and the
shared GUI state over it.

Every test gets its own settings folder (so "recent/last" never leaks between
tests or into a real profile), and modal prompts are replaced by recorders: a
test that would otherwise block on a message box fails with the message instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from planner.demo import build_demo
from planner.services import campaigns, channels, flights, plan_settings
from planner.storage.plan_file import open_plan
from tests.ui.editing import Editing, open_editing
from tests.ui.plan_views import Views, open_views
from ui import dialogs
from ui.app import configure_application
from ui.document import PlanDocument
from ui.edit_controller import release_clipboard
from ui.main_window import MainWindow


@dataclass
class Prompts:
    """What the app asked and told; `answer` is what every `ask` returns."""

    answer: bool = False
    asked: list[str] = field(default_factory=list)
    informed: list[str] = field(default_factory=list)

    def ask(self, _parent: object, _title: str, question: str) -> bool:
        self.asked.append(question)
        return self.answer

    def inform(self, _parent: object, _title: str, message: str) -> None:
        self.informed.append(message)


@pytest.fixture(autouse=True)
def isolated_settings(qapp: QApplication, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "settings"
    configure_application(qapp)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings().clear()
    yield folder


@pytest.fixture(autouse=True)
def clipboard_released() -> Iterator[None]:
    """pytest-qt never quits the application, so the app's own hand-over does not run."""
    yield
    release_clipboard()


@pytest.fixture(autouse=True)
def prompts(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    recorded = Prompts()
    monkeypatch.setattr(dialogs, "ask", recorded.ask)
    monkeypatch.setattr(dialogs, "inform", recorded.inform)
    monkeypatch.setattr(dialogs, "about", lambda *_args: None)
    monkeypatch.setattr(dialogs, "choose_open_path", lambda *_args: None)
    monkeypatch.setattr(dialogs, "choose_save_path", lambda *_args: None)
    return recorded


@dataclass(frozen=True)
class SamplePlan:
    path: Path
    channel_ids: dict[str, str]
    flight_ids: list[str]


def build_sample_plan(path: Path) -> SamplePlan:
    """Three channels, two campaigns, three flights; one channel over its cap and one
    campaign with no KPI target, so the health check has findings to show."""
    with open_plan(path) as plan:
        plan_settings.update_settings(plan, name="Spring test plan",
                                      total_budget_minor=1_000_000_00)
        ids = {
            "Tmall": channels.create_channel(plan, "Tmall", "web_shop").created_id,
            "Douyin": channels.create_channel(plan, "Douyin", "short_video",
                                              max_spend_minor=100_000_00).created_id,
            "WeChat": channels.create_channel(plan, "WeChat", "social").created_id,
        }
        brand = campaigns.create_campaign(plan, "Brand story", "brand").created_id
        promo = campaigns.create_campaign(plan, "618 promotion", "promotion").created_id
        campaigns.add_kpi_target(plan, brand, "brand", "reach", 1_000_000)
        day = dt.date(2026, 3, 1)
        flight_ids = [
            flights.add_flight(plan, brand, ids["Tmall"], day, day + dt.timedelta(days=30),
                               300_000_00).created_id,
            flights.add_flight(plan, promo, ids["Douyin"], day, day + dt.timedelta(days=14),
                               150_000_00).created_id,
            flights.add_flight(plan, promo, ids["WeChat"], day, day + dt.timedelta(days=14),
                               250_000_00).created_id,
        ]
    return SamplePlan(path, ids, [f for f in flight_ids if f])


@pytest.fixture
def sample_plan(plan_path: Path) -> SamplePlan:
    return build_sample_plan(plan_path)


@pytest.fixture
def views(sample_plan: SamplePlan) -> Iterator[Views]:
    """The shared GUI state over the sample plan, for panel tests without a window."""
    with open_views(sample_plan.path) as opened:
        yield opened


@pytest.fixture
def editing(sample_plan: SamplePlan) -> Iterator[Editing]:
    """The sample plan as the editors see it, for editor and controller tests."""
    with open_editing(sample_plan.path) as opened:
        yield opened


@pytest.fixture
def demo_editing(tmp_path: Path) -> Iterator[Editing]:
    """The demo plan as of 15 July 2026, half-way through its year of actuals."""
    path = tmp_path / "demo.cplan"
    build_demo(path, year=2026, today=dt.date(2026, 7, 15)).close()
    with open_editing(path) as opened:
        yield opened


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    """A bare parent for dialogs and controllers that want one."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[Callable[..., MainWindow]]:
    """Windows made here are closed after the test, releasing their plans' locks."""
    made: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow(PlanDocument())
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
