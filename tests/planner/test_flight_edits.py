"""Multi-flight edits on a real plan file: one action each, exact money, all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.entities import Campaign, Flight
from planner.domain.phasing import Phasing, phase_days
from planner.errors import ValidationError
from planner.services import campaigns, channels, flight_edits, flights
from planner.storage import history, rows
from tests.plan_dump import dump

D = dt.date


@pytest.fixture
def world(plan):
    tmall = channels.create_channel(plan, "天猫 Tmall", "web_shop").created_id
    douyin = channels.create_channel(plan, "抖音 Douyin", "short_video").created_id
    camp = campaigns.create_campaign(plan, "618 大促", "promotion").created_id
    a = flights.add_flight(plan, camp, tmall, D(2026, 6, 1), D(2026, 6, 18), 1_000_001).created_id
    b = flights.add_flight(plan, camp, douyin, D(2026, 6, 10), D(2026, 6, 20), 500_000,
                           phasing={"pattern": "front", "ratio": 3}).created_id
    return {"tmall": tmall, "douyin": douyin, "campaign": camp, "a": a, "b": b}


def daily(flight: Flight) -> dict[dt.date, int]:
    amounts = phase_days(flight.budget_minor, flight.start, flight.end,
                         Phasing.from_dict(flight.phasing))
    return {flight.start + dt.timedelta(days=i): a for i, a in enumerate(amounts)}


def test_move_is_one_undoable_action(plan, world):
    before = dump(plan.db.conn)
    done = flight_edits.move_flights(plan, [world["a"], world["b"]], 7, world["douyin"])
    assert done.changes.flights == {world["a"], world["b"]}
    a = rows.get(plan.db, Flight, world["a"])
    assert (a.start, a.channel_id) == (D(2026, 6, 8), world["douyin"])
    assert history.log(plan)[0].label == "Move 2 flights"
    history.undo(plan, done.action_id)
    assert dump(plan.db.conn) == before


def test_committed_flights_refuse_moves_and_nothing_is_written(plan, world):
    flights.set_committed(plan, [world["b"]], booked_on=D(2026, 5, 1))
    before = dump(plan.db.conn)
    with pytest.raises(ValidationError, match="committed"):
        flight_edits.move_flights(plan, [world["a"], world["b"]], 3)
    with pytest.raises(ValidationError, match="committed"):
        flights.move_flight(plan, world["b"], D(2026, 7, 1))
    assert dump(plan.db.conn) == before
    # Status is not a reshape: a locked flight's campaign can still be approved.
    flight_edits.bulk_edit(plan, [world["b"]], status="approved")
    assert rows.get(plan.db, Campaign, world["campaign"]).status == "approved"


def test_copy_makes_uncommitted_copies(plan, world):
    flights.set_committed(plan, [world["a"]], booked_on=D(2026, 5, 1))
    done = flight_edits.copy_flights(plan, [world["a"]], 30)
    assert len(done.created_ids) == 1
    copy = rows.get(plan.db, Flight, done.created_ids[0])
    assert copy.start == D(2026, 7, 1) and not copy.committed and copy.booked_on is None
    assert copy.budget_minor == 1_000_001


@pytest.mark.parametrize("key", ["a", "b"])
def test_split_keeps_every_day_to_the_cent(plan, world, key):
    original = rows.get(plan.db, Flight, world[key])
    at = original.start + dt.timedelta(days=5)
    done = flight_edits.split_flight(plan, world[key], at)
    first = rows.get(plan.db, Flight, world[key])
    second = rows.get(plan.db, Flight, done.created_ids[0])
    assert (first.end, second.start) == (at - dt.timedelta(days=1), at)
    assert {**daily(first), **daily(second)} == daily(original)


@given(days=st.integers(2, 60), budget=st.integers(0, 10**9), cut=st.integers(1, 59),
       pattern=st.sampled_from(["even", "continuous", "front", "back", "flighting", "pulsing"]))
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_split_property(plan, world, days, budget, cut, pattern):
    cut = min(cut, days - 1)
    fid = flights.add_flight(plan, world["campaign"], world["tmall"], D(2026, 3, 1),
                             D(2026, 3, 1) + dt.timedelta(days=days - 1), budget,
                             phasing={"pattern": pattern}).created_id
    original = rows.get(plan.db, Flight, fid)
    done = flight_edits.split_flight(plan, fid, original.start + dt.timedelta(days=cut))
    parts = [rows.get(plan.db, Flight, fid), rows.get(plan.db, Flight, done.created_ids[0])]
    assert {**daily(parts[0]), **daily(parts[1])} == daily(original)


def test_split_outside_the_flight_is_refused(plan, world):
    with pytest.raises(ValidationError, match=r"split\.date"):
        flight_edits.split_flight(plan, world["a"], D(2026, 6, 1))
    with pytest.raises(ValidationError, match=r"split\.date"):
        flight_edits.split_flight(plan, world["a"], D(2026, 6, 19))


def test_bulk_edit_is_one_step(plan, world):
    before = dump(plan.db.conn)
    done = flight_edits.bulk_edit(plan, [world["a"], world["b"]], shift_days=-3,
                                  scale_percent=110, channel_id=world["tmall"], status="live")
    a, b = (rows.get(plan.db, Flight, world[k]) for k in "ab")
    assert a.budget_minor == 1_100_001  # 110 % of 1,000,001 rounds half to even
    assert b.budget_minor == 550_000 and b.channel_id == world["tmall"]
    assert a.start == D(2026, 5, 29)
    assert rows.get(plan.db, Campaign, world["campaign"]).status == "live"
    assert history.log(plan)[0].label == "Edit 2 flights"
    history.undo(plan, done.action_id)
    assert dump(plan.db.conn) == before


def test_bulk_edit_bad_values_write_nothing(plan, world):
    before = dump(plan.db.conn)
    with pytest.raises(ValidationError, match="status"):
        flight_edits.bulk_edit(plan, [world["a"]], status="paused")
    with pytest.raises(ValidationError, match=r"scale\.percent"):
        flight_edits.bulk_edit(plan, [world["a"], world["b"]], scale_percent=-10)
    assert dump(plan.db.conn) == before


def test_copy_paste_round_trip(plan, world):
    payload = flight_edits.clipboard_payload(plan, [world["a"], world["b"]])
    done = flight_edits.paste_flights(plan, payload, D(2026, 9, 1))
    pasted = sorted((rows.get(plan.db, Flight, i) for i in done.created_ids),
                    key=lambda f: f.start)
    assert [f.start for f in pasted] == [D(2026, 9, 1), D(2026, 9, 10)]
    assert [f.budget_minor for f in pasted] == [1_000_001, 500_000]


@pytest.mark.parametrize("payload", [{}, {"kind": "other"},
                                     {"kind": flight_edits.CLIPBOARD_KIND, "flights": []},
                                     {"kind": flight_edits.CLIPBOARD_KIND, "flights": [{"x": 1}]}])
def test_pasting_junk_is_refused(plan, world, payload):
    before = dump(plan.db.conn)
    with pytest.raises(ValidationError, match="clipboard"):
        flight_edits.paste_flights(plan, payload)
    assert dump(plan.db.conn) == before


def test_pasting_into_a_plan_without_the_campaign_names_it(plan, world, tmp_path):
    payload = flight_edits.clipboard_payload(plan, [world["a"]])
    campaigns.delete_campaign(plan, world["campaign"])
    with pytest.raises(ValidationError, match="campaign_id"):
        flight_edits.paste_flights(plan, payload)


def test_deleting_a_mixed_selection_is_one_step(plan, world):
    other = campaigns.create_campaign(plan, "Brand", "brand").created_id
    c = flights.add_flight(plan, other, world["tmall"], D(2026, 7, 1), D(2026, 7, 9), 9).created_id
    before = dump(plan.db.conn)
    done = campaigns.delete_selection(plan, [world["a"], c], [other])
    assert [f.id for f in rows.all_of(plan.db, Flight)] == [world["b"]]
    assert history.log(plan)[0].label == "Delete 3 items"
    history.undo(plan, done.action_id)
    assert dump(plan.db.conn) == before


def test_months_adding_up_to_nothing_are_refused(plan, world):
    before = dump(plan.db.conn)
    with pytest.raises(ValidationError, match=r"flight\.phasing"):
        flights.set_custom_amounts(plan, world["a"], [(D(2026, 6, 1), D(2026, 6, 18), 0)])
    assert dump(plan.db.conn) == before
