"""Fonts for matplotlib exports: Chinese names must print, whatever is installed.

matplotlib's default font has no CJK glyphs. Since 3.6 it falls back glyph by
glyph through the listed families, so Latin text keeps DejaVu Sans and Chinese
text uses the first CJK family found among the installed fonts. Without one the
export still renders (missing glyphs become boxes); it never fails over a font.
"""

from __future__ import annotations

import contextlib
import logging
import warnings
from collections.abc import Iterator
from functools import cache
from typing import Any

# Families that cover simplified Chinese, best first.
CJK_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
    "Noto Sans CJK JP", "Source Han Sans", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
    "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "SimHei", "Heiti SC",
    "Noto Serif CJK SC", "AR PL UMing CN",
)


@cache
def cjk_family() -> str | None:
    """The best installed CJK font family, or None when there is none."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FAMILIES if name in installed), None)


def font_rc() -> dict[str, Any]:
    """rcParams for `matplotlib.rc_context`: Latin first, then CJK fallback."""
    family = ["DejaVu Sans"] + ([cjk] if (cjk := cjk_family()) else [])
    return {"font.family": family, "axes.unicode_minus": False}


@contextlib.contextmanager
def chinese_capable() -> Iterator[None]:
    """Draw inside this: the CJK fallback is on, and matplotlib's notes about a
    missing bold face or missing glyphs (boxes, when no CJK font is installed)
    stay out of the user's terminal; they are expected, not errors."""
    import matplotlib

    fonts_log = logging.getLogger("matplotlib.font_manager")
    level = fonts_log.level
    fonts_log.setLevel(logging.ERROR)
    try:
        with matplotlib.rc_context(font_rc()), warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
            yield
    finally:
        fonts_log.setLevel(level)
