"""Every focusable input in the main window and the editors has a name a screen
reader can announce: its own accessible name, a label that is its buddy, or (a
button) its text."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from tests.ui.accessibility_support import unnamed_inputs
from ui import dialogs


def _open(make_window, sample_plan, qtbot):
    window = make_window()
    window.files.start(sample_plan.path)
    window.overview.wait()
    qtbot.waitUntil(lambda: window.document.is_open)
    return window


def test_every_input_in_the_main_window_has_a_name(make_window, sample_plan, qtbot):
    window = _open(make_window, sample_plan, qtbot)
    missing = []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        missing += [f"{window.tabs.tabText(i)}: {m}" for m in unnamed_inputs(window.tabs.widget(i))]
    for dock in (window.tree_dock, window.inspector_dock, window.health_dock):
        missing += [f"{dock.windowTitle()}: {m}" for m in unnamed_inputs(dock.widget())]
    assert missing == [], "\n".join(missing)


def test_every_input_in_the_editors_has_a_name(make_window, sample_plan, qtbot, monkeypatch):
    window = _open(make_window, sample_plan, qtbot)
    missing: list[str] = []

    def look(dialog: QDialog) -> bool:
        dialog.show()
        missing.extend(f"{dialog.windowTitle()}: {m}" for m in unnamed_inputs(dialog))
        dialog.close()
        return False

    monkeypatch.setattr(dialogs, "run_dialog", look)
    window.settings_action.trigger()
    window.new_flight_action.trigger()
    window.new_campaign_action.trigger()
    window.selection.select_flights(sample_plan.flight_ids[:2], None)
    window.edits.bulk_action.trigger()
    window.selection.select_flights(sample_plan.flight_ids[:1], None)
    window.edits.edit_action.trigger()
    assert missing == [], "\n".join(missing)
