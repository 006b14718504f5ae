"""The Curves tab's band of curve draws: drawn off the GUI thread around the fitted
curve as the 5th–95th percentile of the stored draws, toggled off and on, and the
number of draws a re-fit makes, kept with the plan in the re-fit's one undo step."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from planner.services.curve_edits import curve_records, in_use
from planner.services.fit_settings import fit_draws, save_fits_with_draws
from planner.services.fitting import fit_plan
from tests.ui.editing import Editing
from ui.curves.chart import band
from ui.curves.tab import CurvesTab

COUNT = 8


@pytest.fixture
def tab(qtbot: QtBot, demo_editing: Editing) -> Iterator[CurvesTab]:
    document = demo_editing.document
    first = next(iter(sorted(demo_editing.index.channels.values(),
                             key=lambda ch: (ch.sort_order, ch.name))))
    document.run(save_fits_with_draws,
                 fit_plan(document.plan, [first.id], starts=1, draws=COUNT), COUNT)
    widget = CurvesTab(document, demo_editing.index)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.select_channel(first.id)
    yield widget
    widget.shutdown()


def drawn(qtbot: QtBot, tab: CurvesTab) -> dict:
    qtbot.waitUntil(lambda: tab.chart.up_to_date, timeout=20_000)
    return tab.chart.summary["bands"]


def test_the_band_spans_the_stored_draws_and_toggles(qtbot: QtBot, tab: CurvesTab) -> None:
    assert drawn(qtbot, tab) == {"promotion": COUNT, "brand": COUNT}
    label = f"5–95 % of {COUNT} draws"
    assert all(label in axes.legend for axes in tab.chart.axes)
    assert f"{COUNT} draws" in tab.info["promotion"].text()
    assert tab.draws_box.value() == COUNT  # the plan's setting
    # The band is the percentiles of the draws as stored, around the fitted curve.
    record = in_use(curve_records(tab._document.plan, tab.channel_id))[
        tab.channel_id, "promotion"]
    x = np.linspace(0.0, record.params["k"] * 3, 50)
    low, high = band(record, x)
    assert len(record.quality["draws"]["a"]) == COUNT
    assert (low <= high).all() and (low < high)[1:].all()
    fitted = record.value(x)
    assert np.mean((low <= fitted * 1.001) & (fitted <= high * 1.001)) > 0.9

    tab.band_box.setChecked(False)
    assert drawn(qtbot, tab) == {"promotion": 0, "brand": 0}
    assert not any(label in axes.legend for axes in tab.chart.axes)
    tab.band_box.setChecked(True)
    assert drawn(qtbot, tab) == {"promotion": COUNT, "brand": COUNT}


def test_a_curve_without_draws_has_no_band(qtbot: QtBot, tab: CurvesTab) -> None:
    tab.channel_list.setCurrentRow(1)  # only the demo's known curves: no draws
    assert drawn(qtbot, tab) == {"promotion": 0, "brand": 0}


def test_refit_makes_the_chosen_number_of_draws_in_one_undo_step(qtbot: QtBot,
                                                                  tab: CurvesTab) -> None:
    document = tab._document
    before = document.plan.db.conn.execute("SELECT COUNT(*) FROM curves").fetchone()
    tab.draws_box.setValue(2)
    with qtbot.waitSignal(tab.refit_done, timeout=180_000):
        tab.start_refit()
    assert fit_draws(document.plan) == 2
    counts = {len(r.quality.get("draws", {}).get("a", ())) for r in
              curve_records(document.plan) if r.source == "fitted"
              and r.quality.get("model") == "channel"}
    assert counts == {2}
    assert drawn(qtbot, tab) == {"promotion": 2, "brand": 2}
    document.undo_stack.undo()
    assert fit_draws(document.plan) == COUNT
    assert document.plan.db.conn.execute("SELECT COUNT(*) FROM curves").fetchone() == before
    assert tab.draws_box.value() == COUNT
