"""Crisp action icons in the palette's colours, from the SVGs in resources/icons/actions.

Each drawing uses one placeholder colour (#000000); it is swapped for the palette's
text colour (and the disabled and highlighted ones) before the SVG is rendered, so
the icons read on light and dark alike. Rendered at every size Qt may ask for up
to 64 px, which covers a 32 px icon on a screen at device pixel ratio 2.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

PLACEHOLDER = "#000000"
SIZES = (16, 20, 24, 32, 40, 48, 64)


@cache
def svg_text(name: str) -> str:
    """:raises FileNotFoundError: when there is no icon called `name`."""
    return (files("resources") / "icons" / "actions" / f"{name}.svg").read_text("utf-8")


def names() -> list[str]:
    folder = files("resources") / "icons" / "actions"
    return sorted(p.name.removesuffix(".svg") for p in folder.iterdir()
                  if p.name.endswith(".svg"))


def render(name: str, colour: QColor, size: int) -> QPixmap:
    """The icon `name` in `colour`, `size` pixels square."""
    data = QByteArray(svg_text(name).replace(PLACEHOLDER, colour.name()).encode("utf-8"))
    renderer = QSvgRenderer(data)
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def icon(name: str, palette: QPalette) -> QIcon:
    """Normal, disabled and selected (menu highlight) looks for `palette`."""
    Role, Group = QPalette.ColorRole, QPalette.ColorGroup
    looks = ((QIcon.Mode.Normal, palette.color(Group.Active, Role.WindowText)),
             (QIcon.Mode.Active, palette.color(Group.Active, Role.WindowText)),
             (QIcon.Mode.Disabled, palette.color(Group.Disabled, Role.WindowText)),
             (QIcon.Mode.Selected, palette.color(Group.Active, Role.HighlightedText)))
    made = QIcon()
    for mode, colour in looks:
        for size in SIZES:
            made.addPixmap(render(name, colour, size), mode)
    return made
