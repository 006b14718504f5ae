"""What the app remembers between starts: recent plans, the last plan, the window.

Everything goes through `QSettings()` with the organisation and application
names set in `ui.app`, so each platform keeps it where its users expect, and
tests redirect it with `QSettings.setPath`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8
RECENT_KEY = "recent/files"
LAST_KEY = "recent/last"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"


def _as_list(value: object) -> list[str]:
    # INI files hand a one-element list back as a plain string.
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value]  # type: ignore[union-attr]


def recent_files() -> list[str]:
    """Most recent first, at most `MAX_RECENT`."""
    return _as_list(QSettings().value(RECENT_KEY, []))[:MAX_RECENT]


def last_plan() -> Path | None:
    value = QSettings().value(LAST_KEY, "")
    return Path(str(value)) if value else None


def remember(path: Path) -> None:
    """A plan was opened: it becomes the last plan and heads the recent list."""
    text = str(Path(path).resolve())
    files = [text, *(f for f in recent_files() if f != text)][:MAX_RECENT]
    settings = QSettings()
    settings.setValue(RECENT_KEY, files)
    settings.setValue(LAST_KEY, text)


def clear_recent() -> None:
    QSettings().remove(RECENT_KEY)


def window_geometry() -> tuple[QByteArray | None, QByteArray | None]:
    settings = QSettings()
    geometry, state = settings.value(GEOMETRY_KEY), settings.value(STATE_KEY)
    return (geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None)


def save_window_geometry(geometry: QByteArray, state: QByteArray) -> None:
    settings = QSettings()
    settings.setValue(GEOMETRY_KEY, geometry)
    settings.setValue(STATE_KEY, state)


VIEW_DEFAULTS: dict[str, object] = {
    "view/zoom": "month",
    "view/lanes": "channel",
    "view/colour_by": "campaign",
    "view/festivals": True,
    "view/baseline": True,
}


def view_option(key: str) -> object:
    """A persisted View-menu choice, typed like its default (INI files store text)."""
    default = VIEW_DEFAULTS[key]
    value = QSettings().value(key, default)
    if isinstance(default, bool):
        return value if isinstance(value, bool) else str(value).lower() == "true"
    return str(value)


def set_view_option(key: str, value: object) -> None:
    if key not in VIEW_DEFAULTS:
        raise KeyError(key)
    QSettings().setValue(key, value)
