"""The window's icon: drawn at every size from the PNGs the packaging renders."""

from __future__ import annotations

from PySide6.QtCore import QSize

from ui.app import application


def test_the_application_icon_has_every_rendered_size(qapp):
    app, _ = application([])
    icon = app.windowIcon()
    assert not icon.isNull()
    sizes = {size.width() for size in icon.availableSizes()}
    assert sizes == {16, 24, 32, 48, 64, 128, 256, 512}
    small = icon.pixmap(QSize(16, 16)).toImage()
    assert small.width() == 16 and small.pixelColor(8, 2).alpha() > 0  # drawn, not blank
    assert app.desktopFileName() == "campaign-planner"
