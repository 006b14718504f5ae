"""Fonts for matplotlib exports: Chinese names must print, whatever is installed.

matplotlib's default font has no CJK glyphs. Since 3.6 it falls back glyph by
glyph through the listed families, so Latin text keeps DejaVu Sans and Chinese
text uses a CJK family: an installed one, else the one shipped with the app
(planner.fonts). Should even that be missing, the export still renders (missing
glyphs become boxes); it never fails over a font.
"""

from __future__ import annotations

import contextlib
import logging
import warnings
from collections.abc import Iterator
from typing import Any

from planner.fonts import matplotlib_cjk_font


def cjk_family() -> str | None:
    """The CJK family to fall back to: an installed one, else the one we ship."""
    font = matplotlib_cjk_font()
    return None if font is None else font.family


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
