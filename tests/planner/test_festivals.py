"""Festival windows: anchors checked against published calendars, data validation."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.festivals import (
    FestivalDataError,
    FestivalWindow,
    festival_windows,
    load_festival_rules,
    public_holidays,
)
from planner.resources import resource_path

RULES = load_festival_rules()


def window(key: str, year: int) -> FestivalWindow:
    return next(w for w in festival_windows([year], RULES) if w.key == key)


def test_shipped_data_is_found_and_valid() -> None:
    assert resource_path("festivals.json").is_file()
    keys = [rule["key"] for rule in RULES]
    assert {"spring_festival", "618", "double_11", "black_friday", "cyber_monday"} <= set(keys)
    assert 8 <= len(keys) <= 14
    assert all(rule.get("source") for rule in RULES)


def test_resource_path_falls_back_to_frozen_bundle(monkeypatch, tmp_path) -> None:
    # A PyInstaller bundle unpacks data under sys._MEIPASS; the package may not be a directory.
    import sys

    import planner.resources as module

    def no_package(name: str):
        raise ModuleNotFoundError(name)

    monkeypatch.setattr(module, "files", no_package)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert module.resource_path("festivals.json") == tmp_path / "resources" / "festivals.json"


# Chinese New Year: 2025-01-29, 2026-02-17, 2027-02-06 per the Purple Mountain
# Observatory almanac as published by the State Council holiday notices
# (e.g. 国务院办公厅关于2026年部分节假日安排的通知: 春节 2月17日).
@pytest.mark.parametrize(
    ("year", "expected"),
    [(2025, date(2025, 1, 29)), (2026, date(2026, 2, 17)), (2027, date(2027, 2, 6))],
)
def test_chinese_new_year(year: int, expected: date) -> None:
    assert window("spring_festival", year).anchor == expected


# Black Friday = day after US Thanksgiving (4th Thursday of November):
# Thanksgiving 2024-11-28, 2025-11-27, 2026-11-26 (any calendar).
@pytest.mark.parametrize(
    ("year", "expected"),
    [(2024, date(2024, 11, 29)), (2025, date(2025, 11, 28)), (2026, date(2026, 11, 27))],
)
def test_black_friday(year: int, expected: date) -> None:
    assert window("black_friday", year).anchor == expected


def test_cyber_monday() -> None:
    # Monday after Black Friday 2026-11-27 (calendar).
    anchor = window("cyber_monday", 2026).anchor
    assert anchor == date(2026, 11, 30)
    assert anchor.weekday() == 0


def test_mid_autumn_is_lunar() -> None:
    # Mid-Autumn 2025-10-06 (State Council notice for 2025: 中秋节 10月6日).
    assert window("mid_autumn", 2025).anchor == date(2025, 10, 6)


def test_618_phases_2026() -> None:
    w = window("618", 2026)
    assert w.anchor == date(2026, 6, 18)
    assert all(p.start.month in (5, 6) and p.end.month in (5, 6) for p in w.phases)
    assert w.phases[-1].key == "peak"
    assert w.phases[-1].end == w.end == date(2026, 6, 18)
    presale = w.phases[0]
    assert presale.key == "presale"
    assert presale.start == date(2026, 5, 20)
    assert w.booking_deadline < w.start == presale.start


def test_double_11_presale_starts_october_20() -> None:
    w = window("double_11", 2026)
    assert w.start == date(2026, 10, 20)
    assert w.booking_deadline < w.start


def test_windows_sorted_across_years() -> None:
    windows = festival_windows(range(2025, 2028))
    assert windows == sorted(windows, key=lambda w: w.start)
    assert {w.year for w in windows} == {2025, 2026, 2027}
    assert len(windows) == 3 * len(RULES)
    assert all(w.booking_deadline < w.start for w in windows)


def test_lunar_festivals_skipped_outside_tables() -> None:
    keys = {w.key for w in festival_windows([2300], RULES)}
    assert "618" in keys
    assert "spring_festival" not in keys


def test_public_holidays_chinese_by_default() -> None:
    found = public_holidays([2026])
    names = dict(found)
    assert found == sorted(found)
    # National Day, Oct 1 (State Council notice for 2026).
    assert "国庆节" in names[date(2026, 10, 1)]
    assert "春节" in names[date(2026, 2, 17)]


def test_public_holidays_in_english_and_fallback() -> None:
    assert "National Day" in dict(public_holidays([2026], language="en_US"))[date(2026, 10, 1)]
    # No such translation: the country's default language (Chinese) is used.
    assert "国庆节" in dict(public_holidays([2026], language="xx_XX"))[date(2026, 10, 1)]


# --------------------------------------------------------------------------- malformed data


def broken(mutate) -> list[dict]:
    rules = copy.deepcopy(RULES)
    mutate(next(r for r in rules if r["key"] == "618"))
    return rules


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda r: r.pop("anchor"), "anchor"),
        (lambda r: r["anchor"].update(rule="easter"), "anchor.rule"),
        (lambda r: r["phases"][1].update(end=-30), "phases[1].end"),
        (lambda r: r["anchor"].update(day=31), "anchor.day"),
        (lambda r: r.update(booking_lead_days=0), "booking_lead_days"),
        (lambda r: r["phases"].reverse(), "phases[1].start"),
        (lambda r: r["name"].pop("zh"), "name.zh"),
    ],
)
def test_malformed_rules_name_festival_and_field(mutate, field: str) -> None:
    with pytest.raises(FestivalDataError) as caught:
        festival_windows([2026], broken(mutate))
    assert caught.value.festival == "618"
    assert caught.value.field == field
    assert "'618'" in str(caught.value) and field in str(caught.value)


def test_unsupported_lunar_date_rejected() -> None:
    rules = [copy.deepcopy(next(r for r in RULES if r["key"] == "mid_autumn"))]
    rules[0]["anchor"] = {"rule": "lunar", "month": 7, "day": 7}
    with pytest.raises(FestivalDataError, match="mid_autumn"):
        festival_windows([2026], rules)


def test_malformed_file(tmp_path) -> None:
    path = tmp_path / "festivals.json"
    rules = broken(lambda r: r.pop("anchor"))
    path.write_text(json.dumps({"festivals": rules}), encoding="utf-8")
    with pytest.raises(FestivalDataError, match=r"'618'.*'anchor'"):
        load_festival_rules(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(FestivalDataError):
        load_festival_rules(path)


# --------------------------------------------------------------------------- property


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=2000, max_value=2100))
def test_windows_well_formed_for_any_year(year: int) -> None:
    windows = festival_windows([year], RULES)
    assert len(windows) == len(RULES)
    for w in windows:
        assert w.phases
        assert all(p.start <= p.end for p in w.phases)
        assert [p.start for p in w.phases] == sorted(p.start for p in w.phases)
        assert w.booking_deadline < w.start <= w.anchor <= w.end
        assert w.anchor.year == year
