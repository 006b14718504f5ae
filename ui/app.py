"""`campaign-planner [PLAN] [--screenshot OUT.png] [--read-only]`: start the GUI.

With no PLAN the last plan opens again, or, on a first start, the demo plan,
which is built in a worker so the window is up at once. `--screenshot` opens,
waits until the window shows everything it will show (the demo build included),
saves the window as a PNG and exits: the README's picture and a smoke test of
start-up on a machine with no screen.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from ui import dialogs
from ui.document import PlanDocument
from ui.main_window import APP_TITLE, MainWindow

ORGANISATION = "Omnichannel Campaign Planner"
ORGANISATION_DOMAIN = "campaign-planner.local"
APPLICATION = "campaign-planner"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="campaign-planner", description=APP_TITLE)
    parser.add_argument("plan", nargs="?", type=Path, help="plan file (.cplan) to open")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png",
                        help="open, save a picture of the window to OUT.png, and exit")
    parser.add_argument("--read-only", action="store_true",
                        help="open the plan without taking its write lock")
    return parser


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """:raises SystemExit: on --help (status 0) or a bad command line (status 2)."""
    return _parser().parse_args(list(argv))


def configure_application(app: QCoreApplication) -> None:
    """Names that `QSettings()` files its values under."""
    app.setOrganizationName(ORGANISATION)
    app.setOrganizationDomain(ORGANISATION_DOMAIN)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APP_TITLE)


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
    return app, remaining  # type: ignore[return-value]


def launch(args: argparse.Namespace) -> MainWindow:
    """Show a main window and start opening the plan the arguments ask for."""
    window = MainWindow(PlanDocument(), remember_geometry=args.screenshot is None)
    window.show()
    window.files.start(args.plan, read_only=args.read_only)
    return window


def _screenshot(app: QApplication, args: argparse.Namespace) -> int:
    """Start up, wait until it settles (the demo build included), let layouts run,
    grab the window, quit. Exit status 1 when no plan could be shown."""
    out: Path = args.screenshot
    window = MainWindow(PlanDocument(), remember_geometry=False)
    result = {"code": 1}

    def grab() -> None:
        app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        saved = window.grab().save(str(out), "PNG")
        if not saved:
            print(f"campaign-planner: could not write {out}", file=sys.stderr)
        result["code"] = 0 if saved and window.document.is_open else 1
        window.close()
        app.exit(result["code"])

    # Connected before start(): opening a named plan settles before start() returns.
    window.files.settled.connect(lambda: QTimer.singleShot(100, grab))
    window.show()
    window.files.start(args.plan, read_only=args.read_only)
    app.exec()
    return result["code"]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        # --help and plain mistakes are answered before Qt needs a screen; Qt's own
        # options are then taken out by QApplication and the rest parsed for real.
        _parser().parse_known_args(argv)
        app, remaining = application(argv)
        args = parse_args(remaining)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    if args.screenshot is not None:
        dialogs.set_interactive(False)  # nobody is there to click a message away
        try:
            return _screenshot(app, args)
        finally:
            dialogs.set_interactive(True)
    window = launch(args)
    code = app.exec()
    window.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
