"""Help ▸ Open Log Folder: the folder the crash handler writes to, in the file manager.

Made if missing, so the planner lands somewhere real even before anything was
logged; a support person then asks for the file they see there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from ui.errors.log import log_file


def log_folder() -> Path:
    folder = log_file().parent
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_log_folder() -> bool:
    """False when the desktop has nothing to open a folder with."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_folder())))
