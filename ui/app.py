"""`campaign-planner [PLAN] [--screenshot OUT.png [--tab NAME] [--size WxH]] [--read-only]`.

With no PLAN the last plan opens again, or, on a first start, the demo plan,
which is built in a worker so the window is up at once. `--screenshot` opens,
waits until the window shows everything it will show (the demo build included),
shows the tab asked for at the size asked for, saves the window as a PNG and
exits: the README's picture and a smoke test of start-up on a machine with no
screen. Either way the crash hook is installed first, so a failing slot is
logged and reported instead of ending the app.
"""

from __future__ import annotations

import argparse
import gc
import logging
import multiprocessing
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from planner.resources import resource_path
from ui import dialogs, i18n, theme_menu
from ui.charts import all_idle
from ui.document import PlanDocument
from ui.errors.crash import CrashHandler, install_crash_handler
from ui.main_window import APP_TITLE, MainWindow
from ui.theme import THEMES

ORGANISATION = "Omnichannel Campaign Planner"
ORGANISATION_DOMAIN = "campaign-planner.local"
APPLICATION = "campaign-planner"
SIZE_LIMITS = (QSize(640, 400), QSize(7680, 4320))  # below, menus and docks do not fit


def window_size(text: str) -> QSize:
    """`--size WxH`: the window's size in pixels for the screenshot."""
    match = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", text)
    if match is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a size; give WIDTHxHEIGHT in pixels, such as 1280x800")
    size = QSize(int(match[1]), int(match[2]))
    low, high = SIZE_LIMITS
    if not (low.width() <= size.width() <= high.width()
            and low.height() <= size.height() <= high.height()):
        raise argparse.ArgumentTypeError(
            f"{text} is out of range; width {low.width()}–{high.width()}, "
            f"height {low.height()}–{high.height()}")
    return size


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="campaign-planner", description=APP_TITLE)
    parser.add_argument("plan", nargs="?", type=Path, help="plan file (.cplan) to open")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png",
                        help="open, save a picture of the window to OUT.png, and exit")
    parser.add_argument("--tab", metavar="NAME",
                        help="with --screenshot: the tab to show (case does not matter)")
    parser.add_argument("--size", type=window_size, metavar="WxH",
                        help="with --screenshot: the window's size in pixels, e.g. 1280x800")
    parser.add_argument("--read-only", action="store_true",
                        help="open the plan without taking its write lock")
    parser.add_argument("--theme", choices=THEMES,
                        help="light or dark for this run (default: as chosen in View ▸ Theme)")
    parser.add_argument("--lang", choices=i18n.LANGUAGES,
                        help="the interface language for this run "
                             "(default: as chosen in View ▸ Language, else the system's)")
    return parser


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """:raises SystemExit: on --help (status 0) or a bad command line (status 2)."""
    parser = _parser()
    args = parser.parse_args(list(argv))
    if args.screenshot is None and (args.tab is not None or args.size is not None):
        parser.error("--tab and --size go with --screenshot")
    return args


def configure_application(app: QCoreApplication) -> None:
    """Names that `QSettings()` files its values under."""
    app.setOrganizationName(ORGANISATION)
    app.setOrganizationDomain(ORGANISATION_DOMAIN)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APP_TITLE)


def app_icon() -> QIcon:
    """The window and taskbar icon: one PNG per size (packaging/render_icons.py), so
    each size is drawn sharp rather than scaled from another."""
    icon = QIcon()
    for png in sorted(resource_path("icons", "app").glob(f"{APPLICATION}-*.png")):
        icon.addFile(str(png))
    return icon


def application(argv: Sequence[str] = ()) -> tuple[QApplication, list[str]]:
    """The running QApplication (tests have one already), configured, and the
    command line left once Qt has taken its own options (`-platform offscreen`)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else APPLICATION, *argv])
        remaining = list(app.arguments()[1:])
    else:
        remaining = list(argv)
    configure_application(app)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(APPLICATION)  # Wayland matches the window to its desktop entry
    return app, remaining  # type: ignore[return-value]


def launch(args: argparse.Namespace) -> MainWindow:
    """Show a main window and start opening the plan the arguments ask for."""
    window = MainWindow(PlanDocument(), remember_geometry=args.screenshot is None)
    window.show()
    window.files.start_after_paint(args.plan, read_only=args.read_only)
    return window


def _settled(window: MainWindow) -> bool:
    """The shown tab has its numbers (tabs compute in workers) and its charts drawn."""
    tab = window.tabs.currentWidget()
    return not getattr(tab, "busy", False) and all_idle(window)


def _wait_for_tab(window: MainWindow, timeout_ms: int = 20_000) -> None:
    """Run events until the shown tab has settled (or the timeout passed)."""
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(25)
    poll.timeout.connect(lambda: _settled(window) and loop.quit())
    QTimer.singleShot(timeout_ms, loop.quit)
    poll.start()
    if not _settled(window):
        loop.exec()
    poll.stop()


def _screenshot(app: QApplication, args: argparse.Namespace, crashes: CrashHandler) -> int:
    """Start up, wait until it settles (the demo build included), show the tab, let
    layouts run, grab the window, quit. Exit status 1 when no plan could be shown,
    2 when there is no such tab."""
    out: Path = args.screenshot
    window = MainWindow(PlanDocument(), remember_geometry=False)
    crashes.window = window
    if args.size is not None:
        window.resize(args.size)
    # Its own loop, not app.exec(): quitting the application from inside the run left
    # later event loops in the same process (the test suite's) deaf to worker signals.
    loop = QEventLoop()

    def finish(code: int) -> None:
        window.close()
        loop.exit(code)

    def grab() -> None:
        if args.tab is not None and not window.show_tab(args.tab):
            names = ", ".join(window.tab_names)
            print(f"campaign-planner: no tab named {args.tab!r}; the tabs are: {names}",
                  file=sys.stderr)
            finish(2)
            return
        window.overview.wait()  # the status line and health list show the plan's numbers
        window.first_run.hide()  # a picture of the plan, not of the one-time hint
        _wait_for_tab(window)
        app.processEvents()
        if args.size is not None and window.size() != args.size:
            print(f"campaign-planner: the window cannot be "
                  f"{args.size.width()}x{args.size.height()}; saved at "
                  f"{window.width()}x{window.height()}", file=sys.stderr)
        out.parent.mkdir(parents=True, exist_ok=True)
        saved = window.grab().save(str(out), "PNG")
        if not saved:
            print(f"campaign-planner: could not write {out}", file=sys.stderr)
        finish(0 if saved and window.document.is_open else 1)

    # Connected before start(): opening a named plan settles before start() returns.
    window.files.settled.connect(lambda: QTimer.singleShot(100, grab))
    window.show()
    window.files.start(args.plan, read_only=args.read_only)
    return loop.exec()


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # a frozen build's solver child starts here
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        # --help and plain mistakes are answered before Qt needs a screen; Qt's own
        # options are then taken out by QApplication and the rest parsed for real.
        _parser().parse_known_args(argv)
        app, remaining = application(argv)
        args = parse_args(remaining)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    crashes = install_crash_handler()
    theme_menu.start(args.theme)
    i18n.apply(args.lang)  # before any widget: they translate as they are built
    i18n.install_cjk_font()
    logging.getLogger(__name__).info("%s starting: %s", APPLICATION, " ".join(argv))
    try:
        if args.screenshot is not None:
            dialogs.set_interactive(False)  # nobody is there to click a message away
            try:
                return _screenshot(app, args, crashes)
            finally:
                dialogs.set_interactive(True)
        window = launch(args)
        crashes.window = window
        # Everything built so far lives as long as the app: keeping it out of the
        # collector's full passes keeps those passes (45-90 ms) off the event loop.
        gc.freeze()
        code = app.exec()
        window.close()
        return code
    finally:
        crashes.uninstall()


if __name__ == "__main__":
    sys.exit(main())
