"""`python packaging/i18n.py update|release`: the translation sources and their build.

`update` runs `pyside6-lupdate` over every Python file in `ui/` and over the
planner modules that mark messages with `QT_TRANSLATE_NOOP` (health findings,
validation errors), merging new strings into each `.ts` in `resources/i18n/`
and dropping strings no source uses any more. `release` compiles each `.ts`
into the `.qm` the app loads. The `.qm` files are committed, so a checkout runs
without Qt's tools; `tests/i18n` checks both steps have been run.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
CATALOGUE_MARKER = "QT_TRANSLATE_NOOP"
LANGUAGES = ("zh_CN",)  # a new language: add it here, then run `update`


def _tool(name: str) -> str:
    """The PySide6 tool beside this interpreter (a venv need not be on PATH)."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"i18n: {name} not found; install PySide6 into this environment")
    return found


def sources(root: Path = ROOT) -> list[Path]:
    """Every file lupdate reads: all of `ui/`, and planner modules with marked messages."""
    ui = sorted(p for p in (root / "ui").rglob("*.py") if "__pycache__" not in p.parts)
    planner = sorted(p for p in (root / "planner").rglob("*.py")
                     if "__pycache__" not in p.parts and p.name != "i18n.py"
                     and CATALOGUE_MARKER in p.read_text(encoding="utf-8"))
    return ui + planner


def ts_files(folder: Path = I18N) -> list[Path]:
    return [folder / f"campaign_planner_{language}.ts" for language in LANGUAGES]


def update(ts: Sequence[Path], root: Path = ROOT) -> None:
    """Merge the strings the sources use now into `ts` (created if missing)."""
    files = [str(p.relative_to(root)) for p in sources(root)]
    command = [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "relative",
               "-source-language", "en", *files, "-ts", *map(str, ts)]
    subprocess.run(command, cwd=root, check=True)


def release(ts: Path, qm: Path) -> None:
    """Compile one `.ts` into `qm`; unfinished translations are left out (English shows)."""
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="i18n.py", description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=["update", "release"])
    args = parser.parse_args(argv)
    targets = ts_files()
    if args.step == "update":
        update(targets)
    else:
        for ts in targets:
            release(ts, ts.with_suffix(".qm"))
    for ts in targets:
        print(ts.relative_to(ROOT) if args.step == "update"
              else ts.with_suffix(".qm").relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
