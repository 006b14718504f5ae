"""Help ▸ About names the versions (and copies them); Help ▸ Open Log Folder makes the
folder and hands it to the desktop."""

from __future__ import annotations

import sqlite3
from importlib import metadata

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication

from planner.storage.schema import SCHEMA_VERSION
from ui.errors.log import log_file


class _Opened(QObject):
    """Stands in for the file manager: the URLs the desktop was asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def show(self, url: QUrl) -> None:
        self.urls.append(url)


def test_about_lists_the_versions_and_copies_them(make_window, qtbot):
    window = make_window()
    window.about_action.trigger()
    dialog = window.help_menu.about_dialog
    qtbot.waitExposed(dialog)
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    for name in ("Python", "Qt", "PySide6", "OR-Tools", "pandas", "matplotlib", "SQLite"):
        assert name in names
    values = dict(dialog.rows)
    assert values["SQLite"] == sqlite3.sqlite_version
    assert values["OR-Tools"] == metadata.version("ortools")
    assert values["Omnichannel Campaign Planner"] == metadata.version(
        "omnichannel-campaign-planner")
    assert dialog.table.item(len(names) - 1, 1).text() == str(SCHEMA_VERSION)

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert f"SQLite: {sqlite3.sqlite_version}" in copied
    assert f"Plan file format: {SCHEMA_VERSION}" in copied

    window.about_action.trigger()  # asked again: the same window comes forward
    assert window.help_menu.about_dialog is dialog


def test_open_log_folder_creates_it_and_opens_it(make_window, tmp_path, monkeypatch):
    window = make_window()
    monkeypatch.setenv("CAMPAIGN_PLANNER_HOME", str(tmp_path / "elsewhere"))
    folder = log_file().parent
    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "show")
    try:
        window.help_menu.log_action.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert folder.is_dir()
    assert [url.toLocalFile() for url in opened.urls] == [str(folder)]
