"""`python packaging/smoke.py [--no-build] [--dist DIR] [--out DIR]`: build the bundle,
then run what was built.

Each step is timed and printed, and the run stops at the first failure:

1. build (`packaging/build.py`; skipped with `--no-build`, which checks `DIR` as it is);
2. the folder holds both executables, the platform's Qt plugins, OR-Tools' native
   libraries, the three CJK fonts, every resource file and no test or notebook tools;
3. the built `planner` makes a demo plan, prints its summary, checks it and optimises it;
4. the bundle's solver child (the app's executable under `freeze_support`) runs an
   optimisation sent the way the window sends it (`packaging/frozen_child.py`);
5. the built `campaign-planner` starts offscreen on a first run (so it builds the demo
   plan itself) and saves `--screenshot`s, in English and, when the build has
   `--lang`, in Chinese on a dark theme; each PNG must be a real picture of a window;
6. on Linux, `packaging/linux/install.sh` installs it into the temporary home, the
   linked `planner` runs, and `--uninstall` removes it.

HOME and the XDG folders point at a temporary folder, so nothing of the user's is
read or changed. Screenshots are kept in `--out` (default `build/smoke/`) to look
at. Not part of the pytest run: a build takes minutes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
sys.path.insert(0, str(PACKAGING))

import bundle_contents as contents  # noqa: E402

from build import build, folder_size  # noqa: E402

IMPOSSIBLE = 4  # `planner optimize`'s exit status when no allocation meets the limits
STEP_TIMEOUT = 300  # seconds for any one program run; a hang fails the smoke
LEFT_OUT = ("tkinter", "_tkinter", "cvxpy", "pytest", "_pytest", "hypothesis", "openpyxl",
            "IPython", "PySide6/QtWebEngineCore", "PySide6/QtQml", "PySide6/QtQuick")
# The least a window screenshot has: this many colours, no one colour over this share.
MIN_COLOURS, MAX_SHARE = 64, 0.85


class SmokeFailed(Exception):
    """One line saying which check failed and what was seen."""


def executable(app: Path, name: str) -> Path:
    return app / (f"{name}.exe" if sys.platform == "win32" else name)


def internal(app: Path) -> Path:
    return app / "_internal"


def check_layout(app: Path) -> str:
    for name in (contents.APP_NAME, contents.CLI_NAME):
        if not executable(app, name).is_file():
            raise SmokeFailed(f"no {name} executable in {app}")
    base = internal(app)
    plugins = base / "PySide6" / "Qt" / "plugins" / "platforms"
    if sys.platform == "win32":
        plugins = base / "PySide6" / "plugins" / "platforms"
    for plugin in contents.PLATFORM_PLUGINS.get(sys.platform, ()):
        if not (plugins / plugin).is_file():
            raise SmokeFailed(f"the Qt platform plugin {plugin} is not in {plugins}")
    native = [p for p in (base / "ortools").rglob("*")
              if p.is_file() and p.name.startswith("libortools")]
    if not native and not list((base / "ortools").rglob("ortools*.dll")):
        raise SmokeFailed("OR-Tools' native library (libortools) is not in the bundle")
    fonts = sorted(p.relative_to(base / contents.FONT_PACKAGE).as_posix()
                   for p in (base / contents.FONT_PACKAGE / "fonts").rglob("*") if p.is_file())
    if fonts != sorted(contents.FONT_FILES):
        raise SmokeFailed(f"fonts in the bundle: {fonts}; expected {list(contents.FONT_FILES)}")
    for source in contents.resource_files():
        if not (base / source.relative_to(contents.ROOT)).is_file():
            raise SmokeFailed(f"{source.relative_to(contents.ROOT)} is not in the bundle")
    present = [name for name in LEFT_OUT if list(base.glob(f"{name}*"))]
    if present:
        raise SmokeFailed(f"left-out modules are in the bundle: {', '.join(present)}")
    return (f"{len(contents.resource_files())} resource files, {len(fonts)} fonts, "
            f"{len(native)} OR-Tools libraries; {folder_size(app) / 1e6:.0f} MB")


def isolated_env(home: Path) -> dict[str, str]:
    """This process's environment with HOME, the XDG folders (and on Windows the
    profile folders) in `home`, and Qt drawing offscreen."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("XDG_", "LC_", "LANG"))}
    folders = {"HOME": "", "USERPROFILE": "", "APPDATA": "AppData/Roaming",
               "LOCALAPPDATA": "AppData/Local", "XDG_CONFIG_HOME": ".config",
               "XDG_DATA_HOME": ".local/share", "XDG_CACHE_HOME": ".cache",
               "XDG_STATE_HOME": ".local/state", "XDG_RUNTIME_DIR": "runtime"}
    for key, sub in folders.items():
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[key] = str(home / sub)
    os.chmod(home / "runtime", 0o700)
    env.update(QT_QPA_PLATFORM="offscreen", LANG="en_GB.UTF-8", PYTHONUNBUFFERED="1")
    return env


def run(command: Sequence[str | Path], env: dict[str, str], ok: Sequence[int] = (0,)) -> str:
    """Run one program; its stdout, or SmokeFailed with its status and last words."""
    try:
        done = subprocess.run([str(part) for part in command], env=env, capture_output=True,
                              text=True, encoding="utf-8", errors="replace",
                              timeout=STEP_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise SmokeFailed(f"{Path(command[0]).name} did not finish in {STEP_TIMEOUT} s") from None
    if done.returncode not in ok:
        said = (done.stderr.strip() or done.stdout.strip()).splitlines()[-3:]
        raise SmokeFailed(f"{' '.join(Path(str(p)).name for p in command[:3])} exited "
                          f"{done.returncode}: {' | '.join(said)}")
    return done.stdout


def check_cli(app: Path, env: dict[str, str], work: Path) -> str:
    planner, plan = executable(app, contents.CLI_NAME), work / "demo.cplan"
    version = run([planner, "--version"], env).strip()
    run([planner, "demo", plan], env)
    summary = run([planner, "info", plan], env)
    if "budget" not in summary.lower():
        raise SmokeFailed(f"`planner info` printed no budget: {summary[:200]!r}")
    run([planner, "check", plan], env, ok=(0, 3))
    # Exit 4 is an answer too: the solver ran and said which limit makes the plan impossible.
    optimised = run([planner, "optimize", plan, "--grain", "month", "--today", "2026-01-01",
                     "--name", "smoke"], env, ok=(0, IMPOSSIBLE))
    listed = run([planner, "scenarios", plan], env)
    if "smoke" not in listed:
        raise SmokeFailed(f"the optimised scenario is not listed: {listed[-300:]!r}")
    first = optimised.strip().splitlines()[0] if optimised.strip() else ""
    return f"{version}; optimize: {first[:90]}"


def check_frozen_child(app: Path, env: dict[str, str], work: Path) -> str:
    child_env = {**env, "PYTHONPATH": str(contents.ROOT)}
    said = run([sys.executable, PACKAGING / "frozen_child.py",
                executable(app, contents.APP_NAME), work / "demo.cplan"], child_env)
    return said.strip()


def check_linux_install(app: Path, env: dict[str, str], work: Path) -> str:
    """`packaging/linux/install.sh` into the temporary home: the linked `planner` runs
    from outside the folder, the desktop entry names the installed program."""
    prefix = Path(env["HOME"]) / ".local"
    run(["sh", PACKAGING / "linux" / "install.sh", "--prefix", prefix, app], env)
    entry = (prefix / "share" / "applications" / "campaign-planner.desktop").read_text()
    installed = prefix / "lib" / contents.APP_NAME / contents.APP_NAME
    if f"Exec={installed} " not in entry:
        raise SmokeFailed(f"the installed desktop entry does not start {installed}")
    if not (prefix / "share/icons/hicolor/48x48/apps/campaign-planner.png").is_file():
        raise SmokeFailed("install.sh put no 48x48 icon in the icon theme")
    version = run([prefix / "bin" / contents.CLI_NAME, "--version"], env).strip()
    run(["sh", PACKAGING / "linux" / "install.sh", "--prefix", prefix, "--uninstall"], env)
    if (prefix / "bin" / contents.CLI_NAME).exists():
        raise SmokeFailed("install.sh --uninstall left bin/planner behind")
    return f"installed, ran `planner --version` ({version}) by its link, uninstalled"


def check_png(path: Path, least: tuple[int, int]) -> str:
    """A picture of a window: at least `least` pixels, many colours, none dominant."""
    import numpy as np
    from PIL import Image

    if not path.is_file():
        raise SmokeFailed(f"{path.name} was not written")
    with Image.open(path) as image:
        size = image.size
        pixels = np.asarray(image.convert("RGB")).reshape(-1, 3)
    if size[0] < least[0] or size[1] < least[1]:
        raise SmokeFailed(f"{path.name} is {size[0]}x{size[1]}, smaller than {least}")
    packed = pixels[:, 0].astype(np.uint32) << 16 | pixels[:, 1].astype(np.uint32) << 8 \
        | pixels[:, 2]
    _, counts = np.unique(packed, return_counts=True)
    share = counts.max() / len(packed)
    if len(counts) < MIN_COLOURS or share > MAX_SHARE:
        raise SmokeFailed(f"{path.name} looks blank: {len(counts)} colours, "
                          f"one covers {share:.0%}")
    return f"{path.name} {size[0]}x{size[1]}, {len(counts)} colours"


def no_system_fonts(work: Path) -> dict[str, str]:
    """Environment for a fontconfig that knows no font folder: Qt then has only the
    fonts the app adds itself, the bundle's."""
    config = work / "fonts.conf"
    config.write_text(f"<?xml version='1.0'?>\n<fontconfig><cachedir>{work / 'fc-cache'}"
                      "</cachedir></fontconfig>\n", encoding="utf-8")
    return {"FONTCONFIG_FILE": str(config)}


def check_gui(app: Path, env: dict[str, str], work: Path, out: Path) -> str:
    gui = executable(app, contents.APP_NAME)
    shots = [("first-start.png", [])]
    if "--lang" in run([gui, "--help"], env):
        shots.append(("zh_CN-dark.png", [work / "demo.cplan", "--lang", "zh_CN",
                                          "--theme", "dark"]))
        if sys.platform == "linux":  # as on a machine without a CJK font of its own
            shots.append(("zh_CN-shipped-fonts.png", [work / "demo.cplan", "--lang", "zh_CN"]))
    said = []
    for name, extra in shots:
        started = time.perf_counter()
        run([gui, *extra, "--screenshot", out / name, "--size", "1280x800"],
            {**env, **no_system_fonts(work)} if "shipped-fonts" in name else env)
        said.append(f"{check_png(out / name, (1280, 800))} in "
                    f"{time.perf_counter() - started:.1f} s")
    return "; ".join(said)


def step(name: str, check: Callable[[], str]) -> float:
    started = time.perf_counter()
    try:
        said = check()
    except SmokeFailed as exc:
        print(f"FAIL  {name}: {exc}", flush=True)
        raise
    seconds = time.perf_counter() - started
    print(f"ok    {name} ({seconds:.1f} s): {said}", flush=True)
    return seconds


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-build", action="store_true", help="check the folder already built")
    parser.add_argument("--dist", type=Path, default=contents.ROOT / "dist",
                        help="where the app folder is (or goes)")
    parser.add_argument("--out", type=Path, default=contents.ROOT / "build" / "smoke",
                        help="where the screenshots are kept")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    dist, out = args.dist.resolve(), args.out.resolve()
    app = dist / contents.APP_NAME
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="campaign-planner-smoke-") as temp:
        work = Path(temp)
        env = isolated_env(work / "home")
        try:
            if not args.no_build:
                step("build", lambda: (f"{build(dist, contents.ROOT / 'build')[1]:.0f} s, "
                                       f"{folder_size(app) / 1e6:.0f} MB"))
            step("layout", lambda: check_layout(app))
            step("cli", lambda: check_cli(app, env, work))
            step("solver child", lambda: check_frozen_child(app, env, work))
            step("gui", lambda: check_gui(app, env, work, out))
            if sys.platform == "linux":
                step("linux install", lambda: check_linux_install(app, env, work))
        except SmokeFailed:
            return 1
        finally:
            shutil.rmtree(work / "home", ignore_errors=True)
    print(f"smoke passed in {time.perf_counter() - started:.0f} s; screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
