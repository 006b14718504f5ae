"""`python packaging/build.py [--dist DIR] [--work DIR] [--clean] [--smoke]`.

Builds the one-folder app for the platform it runs on from
`packaging/campaign-planner.spec`: `DIR/campaign-planner/` (default `dist/`) holds
the `campaign-planner` window and the `planner` command line over one shared
`_internal/` (on macOS also `DIR/Campaign Planner.app`). PyInstaller's working
files go to `build/`. Prints how long it took and how big the folder is;
`--smoke` then runs `packaging/smoke.py` on what was built.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
SPEC = PACKAGING / "campaign-planner.spec"
APP_NAME = "campaign-planner"


def folder_size(path: Path) -> int:
    """Bytes of every file under `path` (links not followed)."""
    return sum(item.lstat().st_size for item in path.rglob("*") if item.is_file())


def build(dist: Path, work: Path, clean: bool = False) -> tuple[Path, float]:
    """Run PyInstaller on the spec; the app folder and the seconds it took.

    :raises subprocess.CalledProcessError: when PyInstaller fails (its log is on stderr).
    """
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    if clean:
        command.insert(3, "--clean")
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT)
    return dist / APP_NAME, time.perf_counter() - started


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[1])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="where the app folder goes (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build",
                        help="PyInstaller's working folder (default: build/)")
    parser.add_argument("--clean", action="store_true",
                        help="empty PyInstaller's cache first (a slower, from-scratch build)")
    parser.add_argument("--smoke", action="store_true",
                        help="then start the built app and command line (packaging/smoke.py)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        app, seconds = build(args.dist.resolve(), args.work.resolve(), clean=args.clean)
    except subprocess.CalledProcessError as exc:
        print(f"build.py: PyInstaller failed (exit status {exc.returncode})", file=sys.stderr)
        return 1
    print(f"built {app} in {seconds:.0f} s; {folder_size(app) / 1e6:.0f} MB")
    if args.smoke:
        return subprocess.run([sys.executable, str(PACKAGING / "smoke.py"), "--no-build",
                               "--dist", str(args.dist.resolve())], check=False).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
