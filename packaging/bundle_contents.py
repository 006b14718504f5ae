"""What the bundle holds besides the Python modules PyInstaller finds by itself.

The spec (`campaign-planner.spec`) builds from these lists and
`tests/packaging/test_spec.py` checks them against the files the app reads, so a
resource added to `resources/` but left out of the bundle fails a fast test
instead of an installed app's first start. Nothing here imports PyInstaller.
"""

from __future__ import annotations

import sys
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
RESOURCES = ROOT / "resources"
ICONS = RESOURCES / "icons" / "app"
DISTRIBUTION = "omnichannel-campaign-planner"
APP_NAME = "campaign-planner"  # the folder in dist/ and the GUI executable
CLI_NAME = "planner"
ENTRIES = {APP_NAME: PACKAGING / "entry_gui.py", CLI_NAME: PACKAGING / "entry_cli.py"}

# Files under resources/ the app reads while it runs, as globs relative to that folder.
RESOURCE_PATTERNS = ("**/*.json", "**/*.csv", "**/*.cplan", "**/*.qss", "**/*.svg", "**/*.png",
                     "**/*.qm")
# Folders of resources/ that are there for people, not for the app (README pictures).
RESOURCE_FOLDERS_LEFT_OUT = ("screenshots",)

# The CJK faces the app registers when the system has none: regular and bold cover
# every weight Qt and matplotlib ask for; Light and Medium would add 30 MB for nothing.
FONT_PACKAGE = "mpl_font"
FONT_FILES = ("fonts/noto/NotoSansCJKsc-Regular.otf", "fonts/noto/NotoSansCJKsc-Bold.otf",
              "fonts/wqy/wqy-microhei.ttc")

# Data files of libraries that have no PyInstaller hook of their own: the holiday
# names' translations (gettext catalogues, read when a calendar asks for holidays).
LIBRARY_DATA = {"holidays": ("locale/**/*.mo",)}

# Languages besides English: Qt's own catalogue (standard buttons, file dialogs) goes in
# only for these; the other sixty-odd qtbase_*.qm files would go unread.
LANGUAGES = ("zh_CN",)

# Modules imported by name at run time, where PyInstaller's import scan cannot see them.
HIDDEN_IMPORTS = (
    "resources",  # read through importlib.resources, never imported by a statement
    FONT_PACKAGE,  # its folder is found through the package
    "PySide6.QtSvg",  # brings Qt's SVG icon engine and image plugin along
)
# Subpackages taken whole: the solver bindings import their protobuf modules from C++.
WHOLE_PACKAGES = ("resources", "ortools.math_opt")

# Importable in the development environment but never used by the app.
EXCLUDES = (
    "tkinter", "_tkinter", "turtle", "idlelib",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel", "PySide6.QtWebSockets", "PySide6.QtQml", "PySide6.QtQuick",
    "PySide6.QtQuickControls2", "PySide6.QtQuickWidgets", "PySide6.QtQuickTest",
    "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtUiTools", "PySide6.QtTest",
    "PySide6.QtSql", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtNetwork",
    "PySide6.QtConcurrent", "PySide6.QtXml", "PySide6.QtDBus",
    "cvxpy", "clarabel", "scs", "ecos", "osqp", "pytest", "_pytest", "pytestqt",
    "hypothesis", "openpyxl", "importlinter", "grimp", "ruff", "IPython", "jedi",
    "notebook", "sphinx", "docutils", "PyInstaller",
    "matplotlib.backends.backend_qtagg", "matplotlib.backends.backend_qt",
    "matplotlib.backends.backend_tkagg", "matplotlib.backends._backend_tk",
    "matplotlib.backends.backend_webagg", "matplotlib.backends.backend_nbagg",
)
# The CLI has no window: Qt stays out of its analysis (its files are the GUI's anyway).
CLI_EXCLUDES = (*EXCLUDES, "PySide6", "shiboken6")
# Charts draw through FigureCanvasAgg only (ui/charts/render.py).
HOOKS_CONFIG = {"matplotlib": {"backends": ["Agg"]}}

# Qt platform plugins the smoke check requires, per platform.
PLATFORM_PLUGINS = {
    "linux": ("libqoffscreen.so", "libqxcb.so"),
    "win32": ("qoffscreen.dll", "qwindows.dll"),
    "darwin": ("libqoffscreen.dylib", "libqcocoa.dylib"),
}


def resource_files() -> list[Path]:
    """Every file of resources/ that goes into the bundle, sorted."""
    found: set[Path] = set()
    for pattern in RESOURCE_PATTERNS:
        for path in RESOURCES.glob(pattern):
            parts = path.relative_to(RESOURCES).parts
            if path.is_file() and "__pycache__" not in parts \
                    and parts[0] not in RESOURCE_FOLDERS_LEFT_OUT:
                found.add(path)
    return sorted(found)


def package_folder(package: str) -> Path:
    """Where an installed package's files are.

    :raises FileNotFoundError: when it is not installed.
    """
    spec = find_spec(package)
    if spec is None or spec.origin is None:
        raise FileNotFoundError(f"the {package!r} package is not installed")
    return Path(spec.origin).parent


def font_files() -> list[Path]:
    """The shipped CJK font files, where the installed `mpl_font` keeps them.

    :raises FileNotFoundError: when `mpl_font` is not installed or lacks one.
    """
    package = package_folder(FONT_PACKAGE)
    paths = [package / name for name in FONT_FILES]
    missing = [str(path) for path in paths if not path.is_file()]
    if missing:
        raise FileNotFoundError(f"{FONT_PACKAGE} lacks {', '.join(missing)}")
    return paths


def datas() -> list[tuple[str, str]]:
    """`(source file, folder in the bundle)` pairs for the spec's `Analysis(datas=...)`:
    resources keep their place under `resources/`, the fonts theirs under `mpl_font/`,
    so the app finds both as it does in a checkout."""
    pairs = [(str(path), str(path.parent.relative_to(ROOT))) for path in resource_files()]
    pairs += [(str(path), str(Path(FONT_PACKAGE, name).parent))
              for path, name in zip(font_files(), FONT_FILES, strict=True)]
    for package, patterns in LIBRARY_DATA.items():
        folder = package_folder(package)
        pairs += [(str(path), str(Path(package, path.parent.relative_to(folder))))
                  for pattern in patterns for path in sorted(folder.glob(pattern))]
    return pairs


def keep_data(dest: str) -> bool:
    """Whether a data file PyInstaller's hooks collected stays in: of Qt's
    translations, only those of the languages shipped; of `mpl_font`'s fonts, only
    the ones listed above."""
    parts = Path(dest).parts
    if "translations" in parts and dest.endswith(".qm") and "PySide6" in parts:
        return parts[-1] in {f"qtbase_{language}.qm" for language in LANGUAGES}
    if parts[:1] == (FONT_PACKAGE,) and "fonts" in parts:
        return Path(*parts[1:]).as_posix() in FONT_FILES
    return True


def icon_file() -> str | None:
    """The icon the platform's executable or app bundle carries (Linux: none; the
    desktop entry names the PNGs)."""
    suffix = {"win32": ".ico", "darwin": ".icns"}.get(sys.platform)
    if suffix is None:
        return None
    path = ICONS / f"{APP_NAME}{suffix}"
    return str(path) if path.is_file() else None
