"""Light and dark: the application palette, and every colour the app draws by hand.

Widgets Qt draws follow the palette by themselves; what the app paints itself (the
calendar, charts, gauges, severity colours) asks `colours()` at paint time, so
one palette change repaints everything in the new scheme. Which scheme applies is
read off the palette (a dark window colour means dark), so a platform's own dark
palette under "System" gets the dark colours too.

Printing always uses the light colours (`paper()`): paper is white.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES = ("system", "light", "dark")
FUSION = "Fusion"
# An application palette change reaches a widget as either, depending on the platform.
PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


@dataclass(frozen=True)
class ChartColours:
    """Plain strings, because charts are drawn on a pool thread by matplotlib."""

    figure: str
    axes: str
    text: str
    subtle: str
    grid: str
    edge: str

    def rc(self) -> dict[str, str]:
        """matplotlib settings that put a figure in this scheme."""
        return {
            "figure.facecolor": self.figure, "figure.edgecolor": self.figure,
            "savefig.facecolor": self.figure, "axes.facecolor": self.axes,
            "axes.edgecolor": self.edge, "axes.labelcolor": self.text,
            "axes.titlecolor": self.text, "text.color": self.text,
            "xtick.color": self.subtle, "ytick.color": self.subtle,
            "xtick.labelcolor": self.text, "ytick.labelcolor": self.text,
            "grid.color": self.grid, "legend.facecolor": self.axes,
            "legend.edgecolor": self.grid, "legend.labelcolor": self.text,
        }


@dataclass(frozen=True)
class Colours:
    """One scheme's hand-drawn colours: calendar surfaces and marks, status meanings."""

    name: str
    grid: QColor
    grid_strong: QColor
    lane_even: QColor
    lane_odd: QColor
    weekend: QColor
    header_bg: QColor
    header_text: QColor
    header_subtle: QColor
    today: QColor
    selection: QColor
    marker: QColor
    ghost: QColor
    blackout_tint: QColor
    good: QColor  # inside a range, done well
    bad: QColor  # outside a range, an error
    warning: QColor
    info: QColor
    error_text: QColor  # an input message that blocks saving, on a window or field
    warning_text: QColor  # one that only informs; both keep 4.5:1 on the window colour
    hint_text: QColor  # an empty area's hint, muted but readable on `hint_surface`
    hint_surface: QColor
    heat_low: QColor
    heat_high: QColor
    chart: ChartColours
    bands: dict[str, QColor] = field(default_factory=dict)
    band_chips: dict[str, QColor] = field(default_factory=dict)

    @property
    def dark(self) -> bool:
        return self.name == "dark"


LIGHT = Colours(
    name="light",
    grid=QColor("#d9dde3"), grid_strong=QColor("#aab2bd"),
    lane_even=QColor("#ffffff"), lane_odd=QColor("#f6f7f9"),
    weekend=QColor(120, 130, 150, 28),
    header_bg=QColor("#eef1f5"), header_text=QColor("#303846"),
    header_subtle=QColor("#6b7585"),
    today=QColor("#d62728"), selection=QColor("#1f5fbf"), marker=QColor("#e8590c"),
    ghost=QColor(60, 60, 70, 110), blackout_tint=QColor(40, 40, 40, 18),
    good=QColor("#2e8b57"), bad=QColor("#c0392b"), warning=QColor("#b9770e"),
    info=QColor("#2471a3"),
    error_text=QColor("#a8281c"), warning_text=QColor("#8a5a00"),
    hint_text=QColor("#565e6b"), hint_surface=QColor(238, 241, 245, 235),
    heat_low=QColor("#f7fbff"), heat_high=QColor("#08519c"),
    chart=ChartColours(figure="#ffffff", axes="#ffffff", text="#1d2330", subtle="#6b7585",
                       grid="#d9dde3", edge="#8c96a3"),
    bands={"festival": QColor(255, 190, 60, 40), "holiday": QColor(90, 170, 90, 36),
           "blackout": QColor(40, 40, 40, 40)},
    band_chips={"festival": QColor("#f0a81e"), "holiday": QColor("#4f9d55"),
                "blackout": QColor("#555b66")},
)

DARK = Colours(
    name="dark",
    grid=QColor("#30343b"), grid_strong=QColor("#4a515c"),
    lane_even=QColor("#1e2024"), lane_odd=QColor("#25282d"),
    weekend=QColor(150, 165, 190, 26),
    header_bg=QColor("#2a2d32"), header_text=QColor("#e3e7ed"),
    header_subtle=QColor("#9aa3b0"),
    today=QColor("#ff5a5a"), selection=QColor("#7fb2ff"), marker=QColor("#ff8c42"),
    ghost=QColor(220, 225, 235, 120), blackout_tint=QColor(255, 255, 255, 12),
    good=QColor("#5cc48c"), bad=QColor("#ff6f61"), warning=QColor("#f0b44c"),
    info=QColor("#6eaaff"),
    error_text=QColor("#ff8a80"), warning_text=QColor("#f3c35b"),
    hint_text=QColor("#aab2be"), hint_surface=QColor(42, 45, 50, 235),
    heat_low=QColor("#1e2024"), heat_high=QColor("#2f6fc6"),
    chart=ChartColours(figure="#1e2024", axes="#1e2024", text="#e3e7ed", subtle="#9aa3b0",
                       grid="#3a3f47", edge="#6b7380"),
    bands={"festival": QColor(255, 190, 60, 34), "holiday": QColor(100, 200, 100, 30),
           "blackout": QColor(220, 220, 230, 46)},
    band_chips={"festival": QColor("#b97d0e"), "holiday": QColor("#3d8a44"),
                "blackout": QColor("#6b7280")},
)

_paper = 0  # > 0 while printing


def palette_is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def colours() -> Colours:
    """The scheme of the application palette now (light while printing)."""
    if _paper or QGuiApplication.instance() is None:
        return LIGHT
    return DARK if palette_is_dark(QGuiApplication.palette()) else LIGHT


@contextmanager
def paper() -> Iterator[None]:
    """Light colours while drawing for print or an exported picture."""
    global _paper
    _paper += 1
    try:
        yield
    finally:
        _paper -= 1


def dark_palette() -> QPalette:
    """Fusion in dark: text and surfaces chosen for contrast (4.5:1 and more)."""
    Role, Group = QPalette.ColorRole, QPalette.ColorGroup
    palette = QStyleFactory.create(FUSION).standardPalette()
    roles = {
        Role.Window: "#2a2d32", Role.WindowText: "#e3e7ed", Role.Base: "#1e2024",
        Role.AlternateBase: "#25282d", Role.ToolTipBase: "#2a2d32",
        Role.ToolTipText: "#e3e7ed", Role.PlaceholderText: "#8f98a5", Role.Text: "#e3e7ed",
        Role.Button: "#33373d", Role.ButtonText: "#e3e7ed", Role.BrightText: "#ff6f61",
        Role.Light: "#474c54", Role.Midlight: "#3b4047", Role.Mid: "#3f444c",
        Role.Dark: "#17191c", Role.Shadow: "#000000", Role.Highlight: "#2f6fc6",
        Role.HighlightedText: "#ffffff", Role.Link: "#7fb2ff", Role.LinkVisited: "#b79cff",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.HighlightedText):
        palette.setColor(Group.Disabled, role, QColor("#6c737d"))
    palette.setColor(Group.Disabled, Role.Highlight, QColor("#3b4047"))
    return palette


def light_palette() -> QPalette:
    return QStyleFactory.create(FUSION).standardPalette()


class ThemeApplier:
    """Puts the application in a theme; remembers the platform's own style so
    "System" can go back to it after a forced Fusion scheme."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._platform_style = app.style().name()
        self.theme = "system"

    def apply(self, theme: str, system: Qt.ColorScheme | None = None) -> None:
        """`system` is the platform's scheme when it just changed (else asked)."""
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}; choose one of {', '.join(THEMES)}")
        self.theme = theme
        if theme == "system":
            scheme = self._app.styleHints().colorScheme() if system is None else system
            if scheme == Qt.ColorScheme.Dark:
                self._force(dark_palette())
            else:
                self._set_style(self._platform_style)
                self._app.setPalette(QPalette())  # the platform's own, light or dark
            return
        self._force(dark_palette() if theme == "dark" else light_palette())

    def _force(self, palette: QPalette) -> None:
        self._set_style(FUSION)
        self._app.setPalette(palette)

    def _set_style(self, name: str) -> None:
        if self._app.style().name().casefold() != name.casefold():
            self._app.setStyle(name)
