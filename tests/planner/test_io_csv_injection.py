"""CSV export neutralises every cell Excel would run as a formula; numbers stay numbers;
the import takes the neutralising apostrophe off, so text comes back exactly."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from planner.io.columns import table_rows
from planner.io.csv_export import DANGEROUS_FIRST, cell, export_csv
from planner.io.imports import import_file
from planner.services import campaigns, channels, flights
from tests.planner.io_support import empty_like


@pytest.mark.parametrize("first", [*DANGEROUS_FIRST, "'"])
def test_every_dangerous_first_character_is_neutralised(plan, tmp_path, first):
    payload = f"{first}HYPERLINK(\"http://x\")"
    channel = channels.create_channel(plan, f"{first}cmd|' /C calc'!A0", "search").created_id
    campaign = campaigns.create_campaign(plan, payload, "brand", owner=f"{first}1+1",
                                         notes=f"{first}note").created_id
    flights.add_flight(plan, campaign, channel, dt.date(2026, 3, 1), dt.date(2026, 3, 31),
                       123_45, name=payload, notes=f"{first}SUM(A1)")
    path = export_csv(plan, tmp_path / "f.csv")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        header, row = list(csv.reader(handle))
    values = dict(zip(header, row, strict=True))
    for column in ("Campaign", "Channel", "Flight", "Notes", "Owner", "Campaign notes"):
        assert values[column].startswith("'" + first), column
    assert values["Budget"] == "123.45"  # a number: no apostrophe, no quotes
    target = empty_like(plan, tmp_path / "copy.cplan")
    report = import_file(target, path, "flights")
    assert report.ok, [p.describe() for p in report.problems]
    assert table_rows(target) == table_rows(plan)
    target.close()


def test_file_starts_with_a_bom_and_numbers_are_not_quoted(plan, tmp_path):
    channel = channels.create_channel(plan, "抖音", "short_video").created_id
    campaign = campaigns.create_campaign(plan, "双十一", "promotion").created_id
    flights.add_flight(plan, campaign, channel, dt.date(2026, 11, 1), dt.date(2026, 11, 11),
                       5_000_000_00)
    data = export_csv(plan, tmp_path / "f.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert ",5000000.00,CNY," in data.decode("utf-8-sig")
    assert "双十一" in data.decode("utf-8-sig")


@pytest.mark.parametrize("value, expected", [
    ("-5", "'-5"), ("=1", "'=1"), ("plain", "plain"), (None, ""), (True, "TRUE"), (7, 7),
])
def test_cell_text_and_numbers(value, expected):
    assert cell(value) == expected
