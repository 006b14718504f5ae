"""Which plan is open: start-up choice, New, Open, Open Recent, Close, the demo.

Opening is where a planner meets the file's problems (not a plan, from a newer
version, damaged, held by a colleague), so every path into the document goes
through `open_path`, which turns each into one sentence in a message box and,
where there is a way on, offers it: a locked plan opens read-only; a damaged plan
or one from a newer version opens as a copy restored from its newest backup (see
`ui.errors.refused` for why a copy). The core's message is shown as it is: it
already says what was wrong and where, and a traceback would not help.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from planner import paths
from planner.domain.entities import PlanSettings
from planner.errors import (
    CorruptPlanFile,
    NewerPlanFile,
    NotAPlanFile,
    PlanFileError,
    PlanLocked,
)
from planner.storage.plan_file import SUFFIX, Plan, create_plan, open_plan, save_copy
from ui import dialogs, settings
from ui.document import PlanDocument
from ui.errors import refused
from ui.formatting import format_moment
from ui.workers.demo import build_demo_file
from ui.workers.runner import Worker, WorkerPool


class FileController(QObject):
    """Opens and closes plans for one document, on behalf of one window."""

    busy = Signal(str)  # long work started, with what to tell the planner
    idle = Signal()
    settled = Signal()  # start-up has finished, whether or not a plan opened

    def __init__(self, document: PlanDocument, window: QWidget) -> None:
        super().__init__(window)
        self._document = document
        self._window = window
        self._workers = WorkerPool(self)
        self._demo_worker: Worker | None = None
        self._demo_read_only = False
        self._starting = False
        self._closing = False

    # -- start-up -------------------------------------------------------------------
    def start(self, plan: str | Path | None = None, *, read_only: bool = False) -> None:
        """Open `plan` if given; otherwise the last plan, or the demo (built on the
        first start). Emits `settled` once the window shows what it will show."""
        self._starting = True
        if plan is not None:
            self.open_path(Path(plan), read_only=read_only)
            self._settle()
            return
        last = settings.last_plan()
        if last is not None and last.exists():
            self.open_path(last, read_only=read_only)
            self._settle()
            return
        self.open_demo(read_only=read_only)

    def start_after_paint(self, plan: str | Path | None = None, *,
                          read_only: bool = False) -> None:
        """`start`, once the window has painted: the storage libraries (sqlite-utils
        pulls in pandas and numpy, about half a second) load in a worker first, so a
        planner sees the window at once and it never stops answering meanwhile."""
        self.busy.emit(self.tr("Opening…"))
        worker = Worker(_load_storage)

        def ready(*_args: object) -> None:
            self.idle.emit()
            if not self._closing:
                self.start(plan, read_only=read_only)

        worker.signals.finished.connect(ready)
        worker.signals.failed.connect(ready)  # opening itself will say what is wrong
        self._workers.start(worker)

    def _settle(self) -> None:
        if self._starting:
            self._starting = False
            self.settled.emit()

    @property
    def building_demo(self) -> bool:
        return self._demo_worker is not None

    # -- opening --------------------------------------------------------------------
    def open_path(self, path: str | Path, *, read_only: bool = False) -> bool:
        """Open a plan file into the document; True when it is open afterwards."""
        path = Path(path)
        current = self._document.path
        if current is not None and _same_file(current, path) \
                and self._document.read_only == read_only:
            return True  # already open: opening it again would meet our own lock
        plan = self._open_plan(path, read_only)
        if plan is None:
            return False
        self._document.open(plan)
        settings.remember(plan.path)  # a restored copy, when that is what opened
        return True

    def _open_plan(self, path: Path, read_only: bool) -> Plan | None:
        try:
            return open_plan(path, read_only=read_only)
        except PlanLocked as exc:
            holder = exc.holder
            who = self.tr("{user} on {host} (process {pid}) since {since}").format(
                user=holder.user, host=holder.host, pid=holder.pid, since=holder.since)
            question = self.tr("{path} is open for writing by {holder}.\n\nOpen it read-only?") \
                .format(path=exc.path, holder=who)
            if not dialogs.ask(self._window, self.tr("Plan in use"), question):
                return None
            return self._open_plan(path, True)
        except (CorruptPlanFile, NotAPlanFile, NewerPlanFile) as exc:
            return self._open_restored(path, exc)
        except (PlanFileError, OSError) as exc:
            dialogs.inform(self._window, self.tr("Cannot open plan"), _why(path, exc))
        return None

    def _open_restored(self, path: Path, refusal: PlanFileError) -> Plan | None:
        """Offer the newest backup of a refused plan, as a new file beside it."""
        backup = refused.newest_backup(path)
        if backup is None:
            dialogs.inform(self._window, self.tr("Cannot open plan"), str(refusal))
            return None
        question = self.tr("%1\n\nOpen a copy restored from its newest backup, taken %2? "
                           "The copy is saved beside it as a new file; %3 stays as it is.")
        question = question.replace("%1", str(refusal)) \
            .replace("%2", format_moment(backup.taken_at)).replace("%3", path.name)
        if not dialogs.ask(self._window, self.tr("Cannot open plan"), question):
            return None
        try:
            copy = refused.restore_copy(backup, path)
        except OSError as exc:
            dialogs.inform(self._window, self.tr("Cannot restore backup"),
                           f"{path.parent}: {exc.strerror}")
            return None
        # For writing even when read-only was asked: the copy is new, no one else's,
        # and a backup in an older format only opens for writing (it is upgraded).
        return self._open_plan(copy, False)

    def open_demo(self, *, read_only: bool = False) -> None:
        """Open the demo plan, building it in a worker when it does not exist yet."""
        target = paths.demo_plan_path()
        if target.exists():
            self.open_path(target, read_only=read_only)
            self._settle()
            return
        if self._demo_worker is not None:
            return
        self._demo_read_only = read_only
        worker = Worker(build_demo_file, target)
        worker.signals.finished.connect(self._demo_built)
        worker.signals.failed.connect(self._demo_failed)
        worker.signals.progress.connect(self._demo_progress)
        self._demo_worker = worker
        self.busy.emit(self.tr("Building the demo plan…"))
        self._workers.start(worker)

    def _demo_built(self, path: object) -> None:
        self._demo_worker = None
        if self._closing:
            return  # the window went while the build ran; the file is kept for next time
        self.idle.emit()
        self.open_path(Path(str(path)), read_only=self._demo_read_only)
        self._settle()

    def _demo_failed(self, message: str) -> None:
        self._demo_worker = None
        if self._closing:
            return
        self.idle.emit()
        if message != "Cancelled":
            dialogs.inform(self._window, self.tr("Cannot build the demo plan"), message)
        self._settle()

    def _demo_progress(self, _percent: int, text: str) -> None:
        if text:
            self.busy.emit(text)

    # -- menu actions ---------------------------------------------------------------
    def new_plan(self) -> bool:
        """Ask where, create an empty plan named after the file, and open it."""
        path = self._save_path(self.tr("New plan"))
        if path is None:
            return False
        try:
            plan = create_plan(path, PlanSettings(name=path.stem))
        except (PlanFileError, OSError) as exc:
            dialogs.inform(self._window, self.tr("Cannot create plan"), _why(path, exc))
            return False
        self._document.open(plan)
        settings.remember(path)
        return True

    def save_copy_dialog(self) -> bool:
        """Save a Copy As: the plan in another file; the open plan stays the one open."""
        if not self._document.is_open:
            return False
        path = self._save_path(self.tr("Save a copy as"))
        if path is None:
            return False
        try:
            self._document.run(save_copy, path)
        except (PlanFileError, OSError) as exc:
            dialogs.inform(self._window, self.tr("Cannot save a copy"), _why(path, exc))
            return False
        self.busy.emit(self.tr("Saved a copy as %1").replace("%1", str(path)))
        return True

    def open_dialog(self) -> bool:
        chosen = dialogs.choose_open_path(self._window, self.tr("Open plan"), self._folder())
        return bool(chosen) and self.open_path(Path(chosen))

    def close_plan(self) -> None:
        self._document.close()

    def shutdown(self) -> None:
        """The window is closing: let a running build finish, then release the file."""
        self._closing = True
        self._workers.shutdown()
        self._document.close()

    def _save_path(self, title: str) -> Path | None:
        """Where the user chose to write a plan, the plan suffix added if left off."""
        chosen = dialogs.choose_save_path(self._window, title, self._folder())
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == SUFFIX else path.with_name(path.name + SUFFIX)

    def _folder(self) -> str:
        current = self._document.path or settings.last_plan()
        return str(current.parent) if current is not None else str(paths.data_dir())


def _why(path: Path, exc: PlanFileError | OSError) -> str:
    """A plan-file refusal explains itself; an OS error needs the path it is about."""
    return str(exc) if isinstance(exc, PlanFileError) else f"{path}: {exc.strerror}"


def _load_storage(_worker: Worker) -> None:
    import sqlite_utils  # noqa: F401  (imported for its side effect: loaded once, warm)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
