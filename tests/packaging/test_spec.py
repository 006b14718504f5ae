"""The bundle's contents, checked without building it (a build takes minutes; the
build and a run of what it built are `python packaging/smoke.py`).

The spec is executed with recording stand-ins for PyInstaller's build steps, so
these tests see the very lists a build would get.
"""

from __future__ import annotations

import ast
import configparser
import fnmatch
import importlib.util
import sys
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "campaign-planner.spec"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


contents = _load("bundle_contents")


class _Step:
    """Stands in for one of PyInstaller's build steps: keeps what it was given."""

    made: list[_Step]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.kind, self.args, self.kwargs = type(self).__name__, args, kwargs
        self.pure, self.scripts, self.binaries = [], [], []
        datas = kwargs.get("datas", [])
        # Analysis's TOC entries are (name in the bundle, source, kind).
        self.datas = [(str(Path(dest, Path(src).name)), src, "DATA") for src, dest in datas]
        self.made.append(self)


@pytest.fixture(scope="module")
def built() -> dict[str, list[_Step]]:
    """Each build step the spec makes, by kind, as the spec made them."""
    made: list[_Step] = []
    steps = {kind: type(kind, (_Step,), {"made": made})
             for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}
    path = list(sys.path)
    try:
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"),
             {"SPECPATH": str(PACKAGING), "__file__": str(SPEC), **steps})
    finally:
        sys.path[:] = path
    by_kind: dict[str, list[_Step]] = {}
    for step in made:
        by_kind.setdefault(step.kind, []).append(step)
    return by_kind


def _package_data() -> set[Path]:
    """The files a wheel ships from resources/ (setuptools' rules: packages are folders
    with an `__init__.py` under one, patterns match names in each package's folder),
    less the translation sources: the app loads their compiled `.qm`."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]
    packages = [folder for folder in [ROOT / "resources", *(ROOT / "resources").rglob("*")]
                if folder.is_dir() and all((parent / "__init__.py").is_file() for parent in
                                           [folder, *folder.relative_to(ROOT).parents][:-1]
                                           if parent != Path("."))]
    shipped = set()
    for package in packages:
        name = ".".join(package.relative_to(ROOT).parts)
        wanted = [*patterns.get("*", []), *patterns.get(name, [])]
        shipped |= {path for path in package.iterdir() if path.is_file()
                    and any(fnmatch.fnmatch(path.name, pattern) for pattern in wanted)}
    return {path for path in shipped if path.suffix != ".ts"}


def _bundled(analysis: _Step) -> set[str]:
    return {dest for dest, _src, _kind in analysis.datas}


def test_every_resource_a_wheel_ships_is_in_the_gui_bundle(built):
    gui = built["Analysis"][0]
    packaged = {path.relative_to(ROOT).as_posix() for path in _package_data()}
    assert {"resources/demo_plan.json", "resources/festivals.json"} <= packaged
    missing = packaged - _bundled(gui)
    assert not missing, f"package data the bundle leaves out: {sorted(missing)}"


def _resource_paths_named_in_code() -> set[tuple[str, ...]]:
    """The literal arguments of every `resource_path(...)` call in planner/ and ui/."""
    named = set()
    for source in [*(ROOT / "planner").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]:
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "resource_path":
                parts = [arg.value for arg in node.args if isinstance(arg, ast.Constant)]
                if parts and len(parts) == len(node.args):
                    named.add(tuple(parts))
    return named


def test_every_resource_the_code_names_is_in_the_gui_bundle(built):
    bundled = _bundled(built["Analysis"][0])
    named = _resource_paths_named_in_code()
    assert ("festivals.json",) in named  # the scan finds calls at all
    for parts in named:
        target = "/".join(("resources", *parts))
        if (ROOT / target).is_dir():
            assert any(dest.startswith(target + "/") for dest in bundled), target
        else:
            assert target in bundled, f"resource_path{parts} names a file the bundle lacks"


def test_the_app_icon_the_window_loads_is_bundled(built):
    bundled = _bundled(built["Analysis"][0])
    for size in (16, 32, 48, 256):
        assert f"resources/icons/app/campaign-planner-{size}.png" in bundled


def test_only_the_regular_and_bold_cjk_faces_and_the_fallback_ship(built):
    gui = built["Analysis"][0]
    fonts = {dest for dest in _bundled(gui) if dest.startswith("mpl_font/")}
    assert fonts == {f"mpl_font/{name}" for name in contents.FONT_FILES}
    assert all(Path(src).is_file() for dest, src, _ in gui.datas if dest in fonts)
    assert contents.keep_data("mpl_font/fonts/noto/NotoSansCJKsc-Regular.otf")
    assert not contents.keep_data("mpl_font/fonts/noto/NotoSansCJKsc-Light.otf")


def test_qt_translations_are_cut_to_the_shipped_languages():
    base = "PySide6/Qt/translations"
    assert contents.keep_data(f"{base}/qtbase_zh_CN.qm")
    assert not contents.keep_data(f"{base}/qtbase_de.qm")
    assert not contents.keep_data(f"{base}/qt_help_zh_CN.qm")
    assert contents.keep_data("resources/i18n/campaign_planner_zh_CN.qm")


def test_holiday_name_catalogues_ship(built):
    bundled = _bundled(built["Analysis"][0])
    assert "holidays/locale/zh_CN/LC_MESSAGES/CN.mo" in bundled


def test_two_executables_share_one_folder(built):
    gui, cli = built["Analysis"]
    assert [Path(a.args[0][0]).name for a in (gui, cli)] == ["entry_gui.py", "entry_cli.py"]
    exes = built["EXE"]
    assert [exe.kwargs["name"] for exe in exes] == ["campaign-planner", "planner"]
    assert [exe.kwargs["console"] for exe in exes] == [False, True]
    (folder,) = built["COLLECT"]
    assert folder.kwargs["name"] == "campaign-planner"
    assert all(exe in folder.args for exe in exes)


def test_what_the_app_does_not_use_is_excluded_and_qt_stays_out_of_the_cli(built):
    gui, cli = built["Analysis"]
    for name in ("tkinter", "cvxpy", "pytest", "hypothesis", "PySide6.QtWebEngineCore"):
        assert name in gui.kwargs["excludes"]
    assert "PySide6" in cli.kwargs["excludes"]
    assert not any(name.startswith("PySide6") for name in cli.kwargs["hiddenimports"])
    assert "resources" in gui.kwargs["hiddenimports"]
    assert any(name.startswith("ortools.math_opt.") for name in gui.kwargs["hiddenimports"])


def test_the_entry_points_are_the_installed_scripts():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert scripts["gui-scripts"]["campaign-planner"] == "ui.app:main"
    assert scripts["scripts"]["planner"] == "planner.cli:main"
    assert "from ui.app import main" in (PACKAGING / "entry_gui.py").read_text()
    assert "from planner.cli import main" in (PACKAGING / "entry_cli.py").read_text()


def test_desktop_entry_is_complete_in_english_and_chinese():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(PACKAGING / "linux" / "campaign-planner.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"].split()[0] == "campaign-planner"
    assert desktop["Icon"] == "campaign-planner"
    for key in ("Name", "Comment"):
        assert desktop[key] and desktop[f"{key}[zh_CN]"]
        assert any("\u4e00" <= ch <= "\u9fff" for ch in desktop[f"{key}[zh_CN]"])
    assert desktop["Categories"].endswith(";")


def test_icon_pngs_are_square_at_their_sizes():
    from PIL import Image

    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(contents.ICONS / f"campaign-planner-{size}.png") as image:
            assert image.size == (size, size)
            assert image.mode == "RGBA"
            assert image.getpixel((0, 0))[3] == 0  # transparent corners: a rounded tile
