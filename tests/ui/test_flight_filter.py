"""The shared filter on its own: what matches, and when it says it changed."""

from __future__ import annotations

from planner.services import campaigns
from tests.ui.plan_views import Views, add_chinese_campaign
from ui.models.flight_filter import FlightFilter


def matching(views: Views) -> tuple[set[str], set[str]]:
    """(campaign ids, flight ids) the filter lets through."""
    index, flight_filter = views.index, views.flight_filter
    return ({c.id for c in index.campaigns.values() if flight_filter.matches_campaign(c, index)},
            {f.id for f in index.flights.values() if flight_filter.matches_flight(f, index)})


def test_text_matches_any_name_folded_for_case_and_width(views, sample_plan):
    chinese = add_chinese_campaign(views)
    flight_filter = views.flight_filter
    flight_filter.set_text("ＴＭＡＬＬ")  # full-width letters, as a Chinese keyboard may type
    assert matching(views) == ({views.index.flights[sample_plan.flight_ids[0]].campaign_id},
                               {sample_plan.flight_ids[0]})
    flight_filter.set_text(" 双十一 ")
    assert matching(views) == ({chinese.campaign_id}, set(chinese.flight_ids))


def test_a_campaign_matches_by_its_fields_and_by_its_flights(views, sample_plan):
    first, second, third = sample_plan.flight_ids
    brand, promo = (views.index.flights[f].campaign_id for f in (first, second))
    empty = views.document.run(campaigns.create_campaign, "Autumn", "brand").created_id
    flight_filter = views.flight_filter

    flight_filter.set_objective("brand")
    assert matching(views) == ({brand, empty}, {first})
    flight_filter.set_channel(sample_plan.channel_ids["WeChat"])  # a brand campaign on WeChat?
    assert matching(views) == (set(), set())
    flight_filter.set_objective(None)
    assert matching(views) == ({promo}, {third})  # only through its WeChat flight
    flight_filter.set_channel(None)
    flight_filter.set_text("autumn")  # a campaign with no flights, found by its name
    assert matching(views) == ({empty}, set())


def test_changed_fires_once_per_real_change():
    flight_filter = FlightFilter()
    fired: list[None] = []
    flight_filter.changed.connect(lambda: fired.append(None))
    flight_filter.set_text("x")
    flight_filter.set_text("x")
    flight_filter.set_status("live")
    flight_filter.set_status("live")
    assert len(fired) == 2 and flight_filter.is_active
    flight_filter.clear()
    flight_filter.clear()
    assert len(fired) == 3 and not flight_filter.is_active
