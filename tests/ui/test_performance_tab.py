"""The Performance tab on the demo plan shows exactly the planner's roll-ups, for
every grouping, through the shared filter, and after an edit."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pandas as pd
import pytest
from pytestqt.qtbot import QtBot

from planner.services import performance
from planner.services.flights import update_flight
from planner.services.frames import load
from planner.storage.plan_file import reader
from tests.ui.editing import Editing
from ui.commands.base import ServiceCommand
from ui.document import PlanDocument
from ui.models.flight_filter import FlightFilter
from ui.performance.tab import PerformanceTab
from ui.performance.table_model import RAW_ROLE, FrameModel


@pytest.fixture
def shared_filter() -> FlightFilter:
    return FlightFilter()


@pytest.fixture
def tab(qtbot: QtBot, demo_editing: Editing,
        shared_filter: FlightFilter) -> Iterator[PerformanceTab]:
    widget = PerformanceTab(demo_editing.document, demo_editing.index, shared_filter)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    with qtbot.waitSignal(widget.updated, timeout=30_000):
        widget.show()
    yield widget
    widget.shutdown()


def shown(model: FrameModel) -> dict[str, list]:
    """The model's cells (totals row aside) by the frame column they show."""
    rows = model.rowCount() - (model.total is not None)
    return {c.name: [model.index(r, i).data(RAW_ROLE) for r in range(rows)]
            for i, c in enumerate(model.columns)}


def planner_table(document: PlanDocument, by: str, grain: str = "month",
                  flights: frozenset[str] | None = None) -> pd.DataFrame:
    with reader(document.path) as plan:
        return performance.plan_vs_actual(load(plan), by, grain, flights=flights)


def same(values: list, expected: list) -> bool:
    return all((isinstance(a, float) and math.isnan(a) and math.isnan(b)) or a == b
               for a, b in zip(values, expected, strict=True))


def assert_matches(model: FrameModel, expected: pd.DataFrame) -> None:
    cells = shown(model)
    assert len(cells["planned_minor"]) == len(expected)
    for column, values in cells.items():
        if column != "name":
            assert same(values, expected[column].tolist()), column


@pytest.mark.parametrize(("by", "grain"), [("channel", "month"), ("campaign", "month"),
                                           ("period", "week"), ("period", "day")])
def test_figures_equal_the_planner_roll_ups(qtbot: QtBot, tab: PerformanceTab, by: str,
                                            grain: str) -> None:
    if (by, grain) != ("channel", "month"):
        with qtbot.waitSignal(tab.updated, timeout=30_000):
            tab.set_choice(by, grain)
    expected = planner_table(tab._document, by, grain)
    assert_matches(tab.table_model, expected)
    total = tab.table_model.rowCount() - 1
    names = [c.name for c in tab.table_model.columns]
    assert tab.table_model.index(total, names.index("actual_minor")).data(RAW_ROLE) == \
        performance.totals(expected)["actual_minor"]
    assert tab.table_model.index(0, names.index("planned_minor")).data() == \
        f"{expected['planned_minor'].iloc[0] / 100:,.2f}"


@pytest.mark.parametrize("grain", ["month", "day"])
def test_the_charts_draw_the_result(qtbot: QtBot, tab: PerformanceTab, grain: str) -> None:
    if grain != "month":
        with qtbot.waitSignal(tab.updated, timeout=30_000):
            tab.set_choice("period", grain)
    qtbot.waitUntil(lambda: tab.charts.up_to_date, timeout=30_000)
    assert tab.charts.data.result is tab.result
    periods = planner_table(tab._document, "period", grain)
    drawn = periods[(periods["planned_minor"] != 0) | (periods["actual_minor"] != 0)]
    summary = tab.charts.summary
    assert summary["periods"] == len(drawn)
    assert summary["planned"] == pytest.approx(periods["planned_minor"].sum() / 100)
    assert summary["actual"] == pytest.approx(periods["actual_minor"].sum() / 100)
    channels = planner_table(tab._document, "channel")
    assert summary["variance"] == pytest.approx(channels["variance_minor"].sum() / 100)
    assert [axes.title for axes in tab.charts.axes] == [
        "Planned vs actual per period", "Variance against plan to date, by channel"]
    assert tab.charts.axes[0].legend == ("Planned", "Actual")


def test_kpi_attainment_is_the_planners(tab: PerformanceTab) -> None:
    with reader(tab._document.path) as plan:
        expected = performance.kpi_attainment(load(plan))
    cells = shown(tab.kpi_model)
    assert same(cells["attainment"], expected["attainment"].tolist())
    assert same(cells["actual"], expected["actual"].tolist())
    tracked = [a for a in cells["attainment"] if not math.isnan(a)]
    assert tracked  # the demo's GMV and ROI targets have actuals


def test_the_shared_filter_narrows_the_figures(qtbot: QtBot, tab: PerformanceTab,
                                               shared_filter: FlightFilter) -> None:
    channel = next(iter(tab._index.channels.values()))
    with qtbot.waitSignal(tab.updated, timeout=30_000):
        shared_filter.set_channel(channel.id)
    flights = frozenset(f.id for f in tab._index.flights.values()
                        if f.channel_id == channel.id)
    assert tab.result.request.flights == flights
    expected = planner_table(tab._document, "channel", flights=flights)
    assert list(expected.index) == [channel.id]
    assert_matches(tab.table_model, expected)
    with qtbot.waitSignal(tab.updated, timeout=30_000):
        shared_filter.clear()
    assert tab.table_model.rowCount() == len(tab._index.channels) + 1


def test_an_edit_recomputes(qtbot: QtBot, tab: PerformanceTab) -> None:
    document = tab._document
    flight = max(tab._index.flights.values(), key=lambda f: f.start)  # not yet run
    where = list(planner_table(document, "channel").index).index(flight.channel_id)
    before = shown(tab.table_model)["planned_minor"][where]
    with qtbot.waitSignal(tab.updated, timeout=30_000):
        document.push(ServiceCommand(document, "Budget", update_flight, flight.id,
                                     "Change budget", budget_minor=flight.budget_minor + 500))
    assert shown(tab.table_model)["planned_minor"][where] == before + 500
    assert_matches(tab.table_model, planner_table(document, "channel"))
