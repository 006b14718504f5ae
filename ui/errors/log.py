"""The app's one log file, set up in one place.

Everything logged through Python's `logging` ends up in a rotating file in the
user's log folder, so a planner can send it along when something went wrong and
the folder never grows without bound.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from planner import paths

LOG_NAME = "campaign-planner.log"
MAX_BYTES = 1_000_000
KEEP = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_handler: logging.handlers.RotatingFileHandler | None = None


def log_file() -> Path:
    return paths.log_dir() / LOG_NAME


def configure_logging(level: int = logging.INFO) -> Path:
    """Send the app's logging to the log file and return its path.

    Calling it again moves the one handler to the current log folder (tests give
    each test its own), rather than stacking handlers that write twice.
    """
    global _handler
    path = log_file()
    root = logging.getLogger()
    if _handler is not None:
        if Path(_handler.baseFilename) == path.resolve():
            return path
        root.removeHandler(_handler)
        _handler.close()
    _handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8", delay=True)
    _handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(_handler)
    root.setLevel(level)
    return path
