"""Every string a widget tree shows, and which of them are still English.

`visible_strings(widget)` walks the tree the way a planner would read it: labels,
buttons, menus and their actions, tab and dock titles, group boxes, placeholders,
tooltips, combo items, and the headers and first rows of item views. Each string
comes with where it was found, so a failure says which widget to fix.

`untranslated(found, data_names)` keeps the strings that still contain an English
word once the plan's own names (data, never translated) and the allow-listed
proper nouns, file formats and codes are taken out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QWidget,
)

# Proper nouns, formats, codes and units that stay as they are in Chinese text.
ALLOWED_WORDS = frozenset({
    "CSV", "Excel", "ISO", "Google", "Ads", "Meta", "CVaR", "KPI", "KPIs", "ROI", "ROAS",
    "PDF", "PNG", "SVG", "XLSX", "xlsx", "csv", "cplan", "ics", "iCalendar", "ICS", "JSON",
    "Qt", "PySide", "Python", "linux", "win32", "darwin", "SQLite", "OR", "Tools", "GLOP",
    "HiGHS", "SCIP", "CP", "SAT", "Hill", "Tmall", "JD", "Douyin", "WeChat", "Weibo",
    "Xiaohongshu", "Baidu", "Bilibili", "Kuaishou", "TikTok", "Pinduoduo", "Alipay", "TV",
    "OTT", "OOH", "KOL", "KOC", "SEM", "SEO", "CPM", "CPC", "CPA", "CTR", "GMV", "UV", "PV",
    "CNY", "RMB", "USD", "EUR", "GBP", "JPY", "HKD", "TWD", "SGD", "AUD", "CAD", "CHF",
    "KRW", "INR", "Ctrl", "Shift", "Alt", "Del", "Esc", "PgUp", "PgDown", "Ins", "Cmd",
    "pp", "ms", "px", "MAPE", "CRM", "App",  # kept in English by the glossary
    # language names in their own language; libraries in the About dialog's versions
    "English", "matplotlib", "pandas", "numpy", "scipy", "ortools", "openpyxl", "xlsxwriter",
    "sqlite", "utils", "icalendar", "holidays", "platformdirs", "click", "shiboken",
})
_WORD = re.compile(r"[A-Za-z]+")
_TAG = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&[a-z]+;|&#\d+;")
_SHORTCUT = re.compile(r"\b(?:Ctrl|Shift|Alt|Meta|Cmd)\+\S+|\bF\d{1,2}\b")
_FILE_PATTERN = re.compile(r"\*\.\w+")
_CODE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")  # snake_case codes, as in files
_ROWS = 12  # item-view rows read: enough to meet every kind of cell


@dataclass(frozen=True)
class Shown:
    where: str
    text: str


def _name(widget: QWidget) -> str:
    name = widget.objectName()
    return f"{type(widget).__name__}({name})" if name else type(widget).__name__


def _action_strings(action: QAction, where: str) -> Iterator[Shown]:
    if action.isSeparator():
        return
    yield Shown(f"{where} action", action.text())
    tip = action.toolTip()
    if tip and tip != action.text().replace("&", "").removesuffix("…"):  # Qt's own default
        yield Shown(f"{where} action tooltip", tip)
    yield Shown(f"{where} action status tip", action.statusTip())
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield from _menu_strings(menu, f"{where} ▸ {action.text()}")


def _menu_strings(menu: QMenu, where: str) -> Iterator[Shown]:
    yield Shown(f"{where} menu title", menu.title())
    for action in menu.actions():
        yield from _action_strings(action, where)


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    # A list model hides columnCount() from Python.
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)


def _model_strings(model: QAbstractItemModel, where: str) -> Iterator[Shown]:
    display = Qt.ItemDataRole.DisplayRole
    for section in range(_columns(model, QModelIndex())):
        for role in (display, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(section, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield Shown(f"{where} header {section}", value)
    yield from _rows(model, QModelIndex(), where, depth=0)


def _rows(model: QAbstractItemModel, parent: QModelIndex, where: str,
          depth: int) -> Iterator[Shown]:
    for row in range(min(model.rowCount(parent), _ROWS)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    yield Shown(f"{where} cell {row},{column}", value)
        if depth < 2:
            yield from _rows(model, model.index(row, 0, parent), where, depth + 1)


def _widget_strings(widget: QWidget) -> Iterator[Shown]:
    where = _name(widget)
    yield Shown(f"{where} tooltip", widget.toolTip())
    if widget.isWindow() or isinstance(widget, QDockWidget | QToolBar):
        yield Shown(f"{where} title", widget.windowTitle())
    if isinstance(widget, QLabel | QAbstractButton):
        yield Shown(where, widget.text())
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        yield Shown(f"{where} placeholder", widget.placeholderText())
    if isinstance(widget, QGroupBox):
        yield Shown(f"{where} title", widget.title())
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield Shown(f"{where} item {i}", widget.itemText(i))
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield Shown(f"{where} tab {i}", widget.tabText(i))
            yield Shown(f"{where} tab {i} tooltip", widget.tabToolTip(i))
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield Shown(f"{where} tab {i}", widget.tabText(i))
    if isinstance(widget, QMenu):
        yield from _menu_strings(widget, where)
    elif not isinstance(widget, QMenu):
        for action in widget.actions():
            yield from _action_strings(action, where)
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from _model_strings(widget.model(), where)


def visible_strings(root: QWidget) -> list[Shown]:
    """The non-empty strings of `root` and every widget under it, once each."""
    widgets = [root, *root.findChildren(QWidget)]
    seen: set[tuple[str, str]] = set()
    found: list[Shown] = []
    for widget in widgets:
        for shown in _widget_strings(widget):
            key = (shown.where, shown.text)
            if shown.text and shown.text.strip() and key not in seen:
                seen.add(key)
                found.append(shown)
    return found


def english_words(text: str, data_names: Iterable[str] = ()) -> list[str]:
    """The English words left in `text` once markup, the plan's names, shortcuts,
    file patterns and allow-listed words are taken out."""
    plain = _ENTITY.sub(" ", _TAG.sub(" ", text))
    for name in sorted(data_names, key=len, reverse=True):
        plain = plain.replace(name, " ")
    plain = _CODE.sub(" ", _FILE_PATTERN.sub(" ", _SHORTCUT.sub(" ", plain.replace("&", ""))))
    return [w for w in _WORD.findall(plain) if len(w) > 1 and w not in ALLOWED_WORDS]


def untranslated(found: Iterable[Shown], data_names: Iterable[str] = ()) -> list[Shown]:
    names = [n for n in data_names if n]
    return [shown for shown in found if english_words(shown.text, names)]


def report(missing: Iterable[Shown]) -> str:
    """One line per string, grouped by text, for the translator to work through."""
    places: dict[str, list[str]] = {}
    for shown in missing:
        places.setdefault(shown.text, []).append(shown.where)
    lines = [f"{len(places)} untranslated strings:"]
    for text, where in sorted(places.items()):
        more = f" (+{len(where) - 1} more)" if len(where) > 1 else ""
        lines.append(f"  {text!r}  — {where[0]}{more}")
    return "\n".join(lines)
