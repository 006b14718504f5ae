"""A font that has Chinese glyphs, on any machine: the system's, else the one we ship.

Plan names, channels and notes are often Chinese, and the default fonts of
matplotlib (DejaVu Sans) and of a bare Linux Qt have no CJK glyphs: they draw
boxes. Installed fonts are preferred (they match the desktop); otherwise the
Noto Sans CJK SC and WenQuanYi Micro Hei files of the `mpl-font` dependency are
used. That package is located without importing it, because importing it
imports pyplot. Setting `CAMPAIGN_PLANNER_BUNDLED_FONTS=1` skips the system
fonts, so the shipped path can be tried on a machine that has CJK fonts.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# Families that cover simplified Chinese, best first.
CJK_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
    "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei", "SimHei", "Heiti SC", "Noto Sans CJK JP", "Source Han Sans",
    "Noto Serif CJK SC", "AR PL UMing CN",
)
BUNDLED_ONLY_ENV = "CAMPAIGN_PLANNER_BUNDLED_FONTS"
_BUNDLED = ("noto/NotoSansCJKsc-Regular.otf", "noto/NotoSansCJKsc-Bold.otf",
            "wqy/wqy-microhei.ttc")


@dataclass(frozen=True)
class CjkFont:
    """A font file with Chinese glyphs and the family name matplotlib knows it by."""

    family: str
    path: Path
    bundled: bool


def bundled_only() -> bool:
    return os.environ.get(BUNDLED_ONLY_ENV, "").strip().lower() in {"1", "true", "yes"}


def bundled_font_files() -> list[Path]:
    """The CJK fonts shipped with the app (regular first), those that exist."""
    spec = importlib.util.find_spec("mpl_font")
    if spec is None or not spec.submodule_search_locations:
        return []
    folder = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    return [folder / name for name in _BUNDLED if (folder / name).is_file()]


def _system_font() -> CjkFont | None:
    from matplotlib import font_manager

    by_name: dict[str, str] = {}
    for entry in font_manager.fontManager.ttflist:
        if entry.weight in (400, "normal", "regular") or entry.name not in by_name:
            by_name[entry.name] = entry.fname
    family = next((name for name in CJK_FAMILIES if name in by_name), None)
    return None if family is None else CjkFont(family, Path(by_name[family]), bundled=False)


def _bundled_font() -> CjkFont | None:
    from matplotlib import font_manager

    first: CjkFont | None = None
    for path in bundled_font_files():
        font_manager.fontManager.addfont(str(path))
        if first is None:
            first = CjkFont(font_manager.FontProperties(fname=str(path)).get_name(), path,
                            bundled=True)
    return first


@cache
def matplotlib_cjk_font(system: bool = True) -> CjkFont | None:
    """The CJK font matplotlib should fall back to, registered with its font manager
    (shipped files are added to it here). `system=False`, or the environment
    variable, skips installed fonts. None when neither is found."""
    if system and not bundled_only():
        found = _system_font()
        if found is not None:
            return found
    return _bundled_font()
