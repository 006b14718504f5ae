"""iCalendar export parsed back with icalendar: one all-day event per flight (or
campaign), exclusive ends, UIDs that survive re-export, SEQUENCE that grows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from planner.domain.entities import Flight
from planner.errors import ValidationError
from planner.io.ics_export import export_ics
from planner.services.flights import move_flight
from planner.storage import rows
from planner.storage.plan_file import Plan
from tests.planner.export_plans import small_plan


def events(path: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    found = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(found) == len(calendar.walk("VEVENT"))
    return found


def test_one_event_per_flight_with_stable_uids(plan: Plan, tmp_path: Path) -> None:
    small_plan(plan)
    first = events(export_ics(plan, tmp_path / "a.ics"))
    second = events(export_ics(plan, tmp_path / "b.ics"))
    flights = {f.id: f for f in rows.all_of(plan.db, Flight)}
    assert set(first) == set(second) == {f"{fid}@campaign-planner" for fid in flights}
    for fid, f in flights.items():
        event = first[f"{fid}@campaign-planner"]
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert not isinstance(start, dt.datetime)  # all-day
        assert (start, end) == (f.start, f.end + dt.timedelta(days=1))
    one_day = [e for e in first.values() if "抖音直播" in str(e["SUMMARY"])
               and e.decoded("DTSTART") == dt.date(2026, 2, 1)]
    assert one_day[0].decoded("DTEND") == dt.date(2026, 2, 2)
    summaries = {str(e["SUMMARY"]) for e in first.values()}
    assert "新春品牌大片 · 团圆 · 天猫旗舰店 Tmall" in summaries
    assert "¥1,234,567.89" in str(next(e for e in first.values()
                                       if "定金膨胀" in str(e["SUMMARY"]))["DESCRIPTION"])


def test_calendar_properties(plan: Plan, tmp_path: Path) -> None:
    small_plan(plan)
    calendar = icalendar.Calendar.from_ical((export_ics(plan, tmp_path / "p.ics")).read_bytes())
    assert str(calendar["VERSION"]) == "2.0"
    assert "Campaign Planner" in str(calendar["PRODID"])
    assert str(calendar["X-WR-CALNAME"]) == "Untitled plan"
    for event in calendar.walk("VEVENT"):
        assert event.decoded("DTSTAMP").tzinfo is not None


def test_sequence_grows_only_for_the_edited_flight(plan: Plan, tmp_path: Path) -> None:
    built = small_plan(plan)
    before = events(export_ics(plan, tmp_path / "a.ics"))
    moved = built.flights[0]
    move_flight(plan, moved, dt.date(2026, 1, 12))
    after = events(export_ics(plan, tmp_path / "b.ics"))
    for uid, event in after.items():
        grew = int(event["SEQUENCE"]) - int(before[uid]["SEQUENCE"])
        assert grew == (1 if uid.startswith(moved) else 0)
    assert after[f"{moved}@campaign-planner"].decoded("DTSTART") == dt.date(2026, 1, 12)


def test_one_event_per_campaign(plan: Plan, tmp_path: Path) -> None:
    built = small_plan(plan)
    found = events(export_ics(plan, tmp_path / "c.ics", per="campaign"))
    assert set(found) == {f"{cid}@campaign-planner" for cid in built.campaigns}
    promo = found[f"{built.campaigns[1]}@campaign-planner"]
    assert promo.decoded("DTSTART") == dt.date(2026, 10, 20)
    assert promo.decoded("DTEND") == dt.date(2027, 1, 1)
    assert str(promo["SUMMARY"]) == "双11 预售 =SUM(A1)"


def test_unknown_per_is_refused(plan: Plan, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        export_ics(plan, tmp_path / "x.ics", per="week")  # type: ignore[arg-type]
    assert not (tmp_path / "x.ics").exists()
