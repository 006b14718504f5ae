"""Uncaught exceptions on any thread: logged in full, shown once, never fatal.

PySide6 hands an exception escaping a slot to `sys.excepthook` and carries on,
so the hook is where "never kills the app" is kept: it writes the traceback to
the log and shows the planner one dialog per kind of failure (type and place)
per session — a fault that fires on every repaint must not bury the window in
dialogs. Work is not lost because every finished edit is already in the plan
file; the hook only has to keep the window alive.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ui import dialogs
from ui.errors.log import configure_logging
from ui.workers.runner import one_line

_log = logging.getLogger("campaign_planner.crash")


def failure_key(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """Type and innermost place: the same bug reached again has the same key."""
    place = ""
    while tb is not None:
        place = f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return f"{exc_type.__module__}.{exc_type.__qualname__}@{place}"


class CrashHandler(QObject):
    """Installed as `sys.excepthook` (and `threading.excepthook`) by `install`.

    Lives on the GUI thread; an exception on another thread is logged there and
    its dialog queued over to the GUI thread by the `_failed` signal.
    """

    _failed = Signal(str, str, str)  # key, one-line summary, traceback

    def __init__(self, window: QWidget | None = None) -> None:
        super().__init__()
        self.window = window
        self.log_path: Path = configure_logging()
        self._shown: set[str] = set()
        self._showing = False
        self._previous_hook = sys.__excepthook__  # replaced by what `install` finds
        self._previous_thread_hook = threading.__excepthook__
        self._failed.connect(self._show)

    # -- installing -----------------------------------------------------------------
    def install(self) -> None:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        """Put back the hooks found at `install`, unless someone replaced ours since."""
        if sys.excepthook == self.handle:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self._handle_thread:
            threading.excepthook = self._previous_thread_hook

    # -- reporting ------------------------------------------------------------------
    def handle(self, exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
        """Log the full traceback, then show it unless this failure was shown already."""
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_hook(exc_type, exc, tb)  # Ctrl+C is not a failure to report
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        _log.error("Unhandled %s\n%s", exc_type.__name__, details.rstrip())
        self._failed.emit(failure_key(exc_type, tb), one_line(exc), details)

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, key: str, summary: str, details: str) -> None:
        # One dialog at a time: a failure while one is up (or inside it) is logged only,
        # and stays eligible to be shown later.
        if key in self._shown or self._showing:
            return
        self._shown.add(key)
        self._showing = True
        try:
            dialogs.show_error(self.window, self.tr("Something went wrong"), summary,
                               details, self.log_path)
        finally:
            self._showing = False


def install_crash_handler(window: QWidget | None = None) -> CrashHandler:
    """Log to the user's log folder and catch what escapes slots; keep the returned
    handler (it must outlive the window's event loop) and `uninstall()` it after."""
    handler = CrashHandler(window)
    handler.install()
    return handler
