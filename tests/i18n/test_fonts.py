"""Chinese renders without installed CJK fonts: the shipped fallback is found,
matplotlib draws real glyphs with it (not boxes), and the app font falls back to it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from planner.fonts import BUNDLED_ONLY_ENV, bundled_font_files, matplotlib_cjk_font


def _ink(text: str, family: list[str]) -> np.ndarray:
    """`text` drawn by matplotlib with `family`, as a grey image."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(2, 0.6), dpi=100)
    canvas = FigureCanvasAgg(figure)
    figure.text(0.05, 0.3, text, family=family, fontsize=20)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba())[:, :, 0].copy()


def test_the_shipped_fonts_exist_and_have_chinese_glyphs():
    from matplotlib.ft2font import FT2Font

    files = bundled_font_files()
    assert files, "mpl-font's CJK fonts were not found"
    for path in files:
        font = FT2Font(str(path))
        assert all(font.get_char_index(ord(c)) != 0 for c in "中文计划预算"), path.name


@pytest.mark.filterwarnings("ignore:Glyph")
def test_without_system_fonts_charts_draw_chinese_with_the_shipped_font(monkeypatch):
    monkeypatch.setenv(BUNDLED_ONLY_ENV, "1")
    matplotlib_cjk_font.cache_clear()
    try:
        font = matplotlib_cjk_font()
        assert font is not None and font.bundled
        from matplotlib import font_manager

        found = font_manager.findfont(font_manager.FontProperties(family=font.family),
                                      fallback_to_default=False)
        assert found == str(font.path)
        fallback = ["DejaVu Sans", font.family]
        chinese, boxes = _ink("中文", fallback), _ink("\u25a1\u25a1", fallback)
        tofu = _ink("中文", ["DejaVu Sans"])  # no CJK font: missing-glyph boxes
        assert (chinese < 128).sum() > 50, "nothing was drawn"
        assert not np.array_equal(chinese, tofu), "Chinese drew as missing-glyph boxes"
        assert not np.array_equal(chinese, boxes)
    finally:
        matplotlib_cjk_font.cache_clear()


def test_a_pdf_export_embeds_the_shipped_font_when_no_system_font_is_used(tmp_path):
    """In a fresh process, since the font is chosen once per process; the drawing goes
    through the same `chinese_capable` context every export and chart uses."""
    target = tmp_path / "chinese.pdf"
    script = textwrap.dedent(f"""
        from matplotlib.figure import Figure
        from planner.io.fonts import chinese_capable, font_rc
        from planner.fonts import matplotlib_cjk_font
        font = matplotlib_cjk_font()
        assert font.bundled, font
        assert font_rc()["font.family"] == ["DejaVu Sans", font.family]
        with chinese_capable():
            figure = Figure(figsize=(3, 1))
            figure.text(0.1, 0.5, "春节预算 Spring budget")
            figure.savefig({str(target)!r}, format="pdf")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**os.environ, BUNDLED_ONLY_ENV: "1"}, timeout=120)
    assert done.returncode == 0, done.stderr
    pdf = target.read_bytes()
    assert b"NotoSansCJK" in pdf and b"DejaVuSans" in pdf


@pytest.mark.usefixtures("qapp")
def test_the_application_font_falls_back_to_a_chinese_family():
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    from ui.i18n import install_cjk_font

    before = QGuiApplication.font()
    try:
        family = install_cjk_font()
        assert family is not None
        assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(
            family)
        assert family in QGuiApplication.font().families()
    finally:
        QGuiApplication.setFont(before)
