"""`python packaging/render_icons.py`: the app icon's PNGs, .ico and .icns from its SVG.

`resources/icons/app/campaign-planner.svg` is the one drawing; this renders it with
QtSvg at every size desktops ask for (`campaign-planner-16.png` … `-512.png`:
the window icon, the Linux desktop entry's icon theme sizes), and packs them into
`campaign-planner.ico` (Windows executable) and `campaign-planner.icns` (macOS
app bundle) with Pillow. The outputs are committed; run this again after editing
the SVG. Needs no screen (it uses the offscreen platform).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons" / "app"
NAME = "campaign-planner"
SVG = ICONS / f"{NAME}.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # the largest a Windows .ico holds
ICNS_SIZES = (16, 32, 64, 128, 256, 512)  # the sizes Pillow packs into an .icns


def png_path(size: int) -> Path:
    return ICONS / f"{NAME}-{size}.png"


def render_pngs() -> list[Path]:
    """Draw the SVG into a transparent square of each size and save it as PNG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"render_icons.py: {SVG} is not an SVG QtSvg can draw")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        if not image.save(str(png_path(size)), "PNG"):
            raise SystemExit(f"render_icons.py: could not write {png_path(size)}")
        written.append(png_path(size))
    return written


def pack_ico_icns() -> list[Path]:
    """Windows' .ico and macOS' .icns, each holding the rendered sizes (not rescaled
    from one picture, so the small ones stay as sharp as the PNGs)."""
    from PIL import Image

    largest = Image.open(png_path(max(SIZES)))
    ico, icns = ICONS / f"{NAME}.ico", ICONS / f"{NAME}.icns"
    frames = [Image.open(png_path(size)) for size in ICO_SIZES]
    frames[-1].save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                    append_images=frames[:-1])
    largest.save(icns, format="ICNS",
                 append_images=[Image.open(png_path(size)) for size in ICNS_SIZES[:-1]])
    return [ico, icns]


def main() -> int:
    for path in [*render_pngs(), *pack_ico_icns()]:
        print(f"wrote {path.relative_to(ICONS.parent.parent.parent)} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
