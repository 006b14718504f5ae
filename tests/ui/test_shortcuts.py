"""Every menu command has a keyboard shortcut, no two share one, and Help ▸ Keyboard
Shortcuts lists them from the menus themselves."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from ui import action_look
from ui.help.shortcuts import menu_entries

NATIVE = QKeySequence.SequenceFormat.PortableText


def _commands(window):
    skipped = action_look.listings(window)
    for entry in menu_entries(window.menuBar()):
        action = entry.action
        if action.actionGroup() in skipped or any(
                menu in skipped for menu in action.associatedObjects()):
            continue
        yield entry


def test_every_menu_command_has_a_shortcut_shown_in_its_menu(make_window):
    window = make_window()
    entries = list(_commands(window))
    assert len(entries) > 60  # the walk reached the submenus
    missing = [f"{e.menu} ▸ {e.text}" for e in entries if not e.action.shortcuts()]
    assert missing == []
    assert all(e.action.isShortcutVisibleInContextMenu() for e in entries
               if e.menu.startswith(("File", "Edit", "View", "Help")))


def test_no_two_menu_commands_share_a_key(make_window):
    window = make_window()
    owners: dict[str, list[str]] = {}
    for entry in menu_entries(window.menuBar()):
        for key in entry.action.shortcuts():
            owners.setdefault(key.toString(NATIVE), []).append(f"{entry.menu} ▸ {entry.text}")
    shared = {key: names for key, names in owners.items() if len(names) > 1}
    assert shared == {}


def test_the_shortcuts_dialog_lists_every_command_and_searches(make_window, qtbot):
    window = make_window()
    window.help_menu.shortcuts_action.trigger()
    dialog = window.help_menu.shortcuts_dialog
    qtbot.waitExposed(dialog)
    rows = dialog.visible_rows()
    assert len(rows) == len(list(menu_entries(window.menuBar())))
    assert ("View ▸ Zoom To", "Weeks", QKeySequence("Ctrl+2").toString(
        QKeySequence.SequenceFormat.NativeText)) in rows

    qtbot.keyClicks(dialog.search, "zoom")
    shown = dialog.visible_rows()
    assert shown and all("zoom" in (menu + text).casefold() for menu, text, _keys in shown)
    assert not any(text == "Undo" for _menu, text, _keys in shown)

    dialog.search.clear()
    window.view_options.baseline_action.setShortcut(QKeySequence("Ctrl+Shift+Y"))
    window.help_menu.shortcuts_action.trigger()  # read again from the menus
    assert any(text == "Show Baseline" and keys == QKeySequence("Ctrl+Shift+Y").toString(
        QKeySequence.SequenceFormat.NativeText) for _m, text, keys in dialog.visible_rows())
