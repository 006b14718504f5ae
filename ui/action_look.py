"""Icons and keyboard shortcuts of the main window's actions, in one table.

The actions are made by the controllers that own them; most get their platform's
standard key there (`QKeySequence.StandardKey`). This table adds the app's own
keys where there is no standard one, a fallback where the platform has none
(Quit has no standard key on some desktops), and the icons, which are tinted to
the palette again whenever it changes. One table keeps the keys free of clashes
at a glance; `tests/ui/test_shortcuts.py` checks that no two actions share one.

Plain-letter keys with Ctrl+Alt are avoided: on many keyboards that is AltGr,
which types characters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ui import icons
from ui.help.shortcuts import plain

if TYPE_CHECKING:
    from ui.main_window import MainWindow

Key = QKeySequence.StandardKey

# (path from the window to the action, icon, key when the action has none)
TABLE: tuple[tuple[str, str | None, str | None], ...] = (
    ("new_action", "new", None),
    ("open_action", "open", None),
    ("save_copy_action", "save-copy", None),
    ("merging.merge_action", "merge", "Ctrl+Shift+M"),
    ("settings_action", "settings", None),
    ("transfer.import_actions.flights", "import", "Ctrl+I"),
    ("transfer.import_actions.actuals", None, "Ctrl+Shift+A"),
    ("transfer.import_actions.history", None, "Ctrl+Shift+H"),
    ("transfer.import_actions.platform", None, "Ctrl+Shift+R"),
    ("transfer.export_actions.xlsx", "export", "Ctrl+Shift+X"),
    ("transfer.export_actions.csv", None, "Ctrl+Shift+T"),
    ("transfer.export_actions.ics-flight", None, "Ctrl+Shift+K"),
    ("transfer.export_actions.ics-campaign", None, "Ctrl+Shift+J"),
    ("transfer.export_actions.pdf", None, "Ctrl+Shift+P"),
    ("transfer.export_actions.png", None, "Ctrl+Shift+B"),
    ("printing.print_action", "print", "Ctrl+P"),
    ("printing.pdf_action", None, "Ctrl+Shift+D"),
    ("printing.png_action", None, "Ctrl+Shift+G"),
    ("close_action", "close", None),
    ("quit_action", "quit", "Ctrl+Q"),
    ("undo_action", "undo", None),
    ("redo_action", "redo", None),
    ("edits.cut_action", "cut", None),
    ("edits.copy_action", "copy", None),
    ("edits.paste_action", "paste", None),
    ("edits.duplicate_action", "duplicate", None),
    ("edits.delete_action", "delete", None),
    ("edits.select_all_action", "select-all", None),
    ("edits.find_action", "find", None),
    ("new_flight_action", "new-flight", None),
    ("new_campaign_action", "new-campaign", None),
    ("edits.edit_action", "edit", None),
    ("edits.bulk_action", "bulk-edit", None),
    ("edits.split_action", "split", "Ctrl+K"),
    ("edits.lock_action", "lock", None),
    ("edits.unlock_action", "unlock", None),
    ("view_options.zoom_in_action", "zoom-in", None),
    ("view_options.zoom_out_action", "zoom-out", None),
    ("view_options.lanes_group.channel", "lanes-channel", "Ctrl+6"),
    ("view_options.lanes_group.campaign", "lanes-campaign", "Ctrl+7"),
    ("view_options.lanes_group.segment", "lanes-segment", "Ctrl+8"),
    ("view_options.colour_group.campaign", None, "F5"),
    ("view_options.colour_group.objective", None, "F6"),
    ("view_options.colour_group.channel", None, "F7"),
    ("view_options.colour_group.status", None, "F8"),
    ("view_options.festivals_action", None, "Ctrl+H"),
    ("view_options.baseline_action", None, "Ctrl+B"),
    ("tree_dock", None, "Alt+1"),
    ("inspector_dock", None, "Alt+2"),
    ("health_dock", None, "Alt+3"),
    ("theme_menu.group.system", None, "Ctrl+F10"),
    ("theme_menu.group.light", None, "Ctrl+F11"),
    ("theme_menu.group.dark", "theme", "Ctrl+F12"),
    ("help_menu.shortcuts_action", "keyboard", None),
    ("help_menu.log_action", "log-folder", None),
    ("about_action", "about", "Ctrl+F1"),
)


def find(window: MainWindow, path: str) -> QAction:
    """The action at `path`: attributes, dictionary keys, or an action group's data.

    :raises LookupError: when nothing is there (the table is out of date).
    """
    target: object = window
    for part in path.split("."):
        if isinstance(target, dict):
            target = target[part]
        elif isinstance(target, QActionGroup):
            target = next((a for a in target.actions() if a.data() == part), None)
        else:
            target = getattr(target, part, None)
        if target is None:
            raise LookupError(f"no action at {path!r} (stopped at {part!r})")
    if isinstance(target, QWidget) and hasattr(target, "toggleViewAction"):
        target = target.toggleViewAction()  # a dock: its View menu entry
    if not isinstance(target, QAction):
        raise LookupError(f"{path!r} is a {type(target).__name__}, not an action")
    return target


def assign_keys(window: MainWindow) -> None:
    """Keys from the table for actions that have none."""
    for path, _icon, key in TABLE:
        action = find(window, path)
        if key is not None and not action.shortcuts():
            action.setShortcut(QKeySequence(key))
        action.setShortcutVisibleInContextMenu(True)


def assign_icons(window: MainWindow) -> None:
    """Icons in the window's palette colours; run again when the palette changes."""
    palette = window.palette()
    for path, name, _key in TABLE:
        if name is not None:
            find(window, path).setIcon(icons.icon(name, palette))


def with_key(action: QAction) -> str:
    """"Zoom In (Ctrl++)": a toolbar button's tooltip names its key."""
    text = plain(action.text())
    shortcut = action.shortcut()
    if shortcut.isEmpty():
        return text
    return f"{text} ({shortcut.toString(QKeySequence.SequenceFormat.NativeText)})"


def listings(window: MainWindow) -> list[QMenu | QActionGroup]:
    """Menus and groups whose entries are run-time lists (recent files, channels,
    languages), not commands: they have no keys of their own."""
    found: list[QMenu | QActionGroup] = [window.recent_menu, window.edits.move_menu]
    language = getattr(window, "language_menu", None)
    if language is not None:
        found.append(language.group)
    return found
