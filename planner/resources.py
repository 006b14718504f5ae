"""Locate files of the top-level ``resources`` package, however the app was shipped.

The same lookup must work from a source checkout, an installed wheel and a
PyInstaller bundle, where data files sit under ``sys._MEIPASS`` and the package
itself may live in an archive that has no real file paths.
"""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Filesystem path of ``resources/<parts...>`` (the file may not exist)."""
    try:
        found = files("resources").joinpath(*parts)
    except ModuleNotFoundError:
        found = None
    if isinstance(found, Path) and (found.exists() or not hasattr(sys, "_MEIPASS")):
        return found
    if hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS, "resources", *parts)
    if found is None:
        raise FileNotFoundError("the 'resources' package is not importable")
    return Path(str(found))
