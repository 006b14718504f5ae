"""Plan health: the rules a plan is checked against, continuously.

Each rule reads the plan's frames and returns findings that name the objects
they concern, so the GUI can select them and the CLI can list them. Rules are
vectorised over the frames: a plan of 50,000 flights is checked in well under
a second.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from planner.domain.money import format_money
from planner.i18n import QT_TRANSLATE_NOOP
from planner.services import budget
from planner.services.frames import PlanFrames, load
from planner.storage.plan_file import Plan

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    message: str
    object_ids: tuple[str, ...] = ()
    table: str = ""


def _money(frames: PlanFrames, minor: int) -> str:
    return format_money(int(minor), frames.settings.currency)


def _list(ids: object, limit: int = 3) -> str:
    names = list(ids)  # type: ignore[call-overload]
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    return ", ".join(str(n) for n in names[:limit]) + more


def over_budget(frames: PlanFrames, today: dt.date) -> list[Finding]:
    t = budget.totals(frames)
    if t["budget_minor"] <= 0 or t["allocated_minor"] <= t["budget_minor"]:
        return []
    over = t["allocated_minor"] - t["budget_minor"]
    return [Finding("over_budget", "error",
                    QT_TRANSLATE_NOOP("health", "Planned {planned} (flights and placeholders) "
                                      "is {over} over the budget of {budget}").format(
                        planned=_money(frames, t["allocated_minor"]), over=_money(frames, over),
                        budget=_money(frames, t["budget_minor"])))]


def brand_share_range(frames: PlanFrames, today: dt.date) -> list[Finding]:
    share = budget.brand_share(frames)
    s = frames.settings
    low, high = s.brand_share_min_bp / 100, s.brand_share_max_bp / 100
    if share is None or low <= share * 100 <= high:
        return []
    message = (QT_TRANSLATE_NOOP("health", "Brand share is {share}, below the plan's range "
                                 "{low}–{high} %") if share * 100 < low else
               QT_TRANSLATE_NOOP("health", "Brand share is {share}, above the plan's range "
                                 "{low}–{high} %"))
    return [Finding("brand_share", "warning",
                    message.format(share=f"{share:.1%}", low=f"{low:g}", high=f"{high:g}"))]


def channel_caps(frames: PlanFrames, today: dt.date) -> list[Finding]:
    per = budget.by_channel(frames)
    capped = per[per["max_spend_minor"].notna()]
    over = capped[capped["budget_minor"] > capped["max_spend_minor"]]
    return [
        Finding("channel_over_cap", "error",
                QT_TRANSLATE_NOOP("health", "{name} is planned at {planned}, {over} over its "
                                  "cap of {cap}").format(
                    name=row["name"], planned=_money(frames, row.budget_minor),
                    over=_money(frames, row.budget_minor - int(row.max_spend_minor)),
                    cap=_money(frames, int(row.max_spend_minor))), (cid,), "channels")
        for cid, row in over.iterrows()
    ]


def flights_in_blackout(frames: PlanFrames, today: dt.date) -> list[Finding]:
    blackouts = frames.events[frames.events["kind"] == "blackout"]
    flights = frames.flights
    if flights.empty:
        return []
    findings = []
    for _, ev in blackouts.iterrows():
        hit = (flights["start"] <= ev["end"]) & (flights["end"] >= ev["start"])
        if ev["channel_id"] is not None:
            hit &= flights["channel_id"] == ev["channel_id"]
        ids = flights.loc[hit, "id"]
        if len(ids):
            findings.append(Finding(
                "flight_in_blackout", "error",
                QT_TRANSLATE_NOOP("health", "{count} flight(s) run in the blackout “{name}” "
                                  "({start}–{end})").format(
                    count=len(ids), name=ev["name"], start=f"{ev['start']:%Y-%m-%d}",
                    end=f"{ev['end']:%Y-%m-%d}"),
                (*ids, ev["id"]), "flights"))
    return findings


def outside_horizon(frames: PlanFrames, today: dt.date) -> list[Finding]:
    s = frames.settings
    f = frames.flights
    out = f[(f["start"] < str(s.horizon_start)) | (f["end"] > str(s.horizon_end))]
    if out.empty:
        return []
    return [Finding("outside_horizon", "warning",
                    QT_TRANSLATE_NOOP("health", "{count} flight(s) run outside the plan horizon "
                                      "{start}–{end}").format(
                        count=len(out), start=str(s.horizon_start), end=str(s.horizon_end)),
                    tuple(out["id"]), "flights")]


def overlapping_flights(frames: PlanFrames, today: dt.date) -> list[Finding]:
    """Two flights of one campaign on one channel at once usually mean a copy
    that was meant to replace the other."""
    if frames.flights.empty:
        return []
    f = frames.flights.sort_values(["campaign_id", "channel_id", "start"])
    group = [f["campaign_id"], f["channel_id"]]
    # Latest end among the earlier flights of the same campaign and channel.
    previous_end = f.groupby(group, sort=False)["end"].cummax().groupby(group, sort=False).shift()
    clash = f[f["start"] <= previous_end]
    if clash.empty:
        return []
    names = frames.campaigns.set_index("id")["name"]
    return [
        Finding("overlapping_flights", "warning",
                QT_TRANSLATE_NOOP("health", "“{name}” has {count} flight(s) overlapping another "
                                  "flight on the same channel").format(
                    name=names.get(campaign_id, campaign_id), count=len(ids)),
                tuple(ids), "flights")
        for campaign_id, ids in clash.groupby("campaign_id")["id"].agg(list).items()
    ]


def campaigns_without_kpi(frames: PlanFrames, today: dt.date) -> list[Finding]:
    c = frames.campaigns
    missing = c[~c["id"].isin(frames.kpi_targets["campaign_id"])]
    return [Finding("no_kpi_target", "warning",
                    QT_TRANSLATE_NOOP("health", "“{name}” has no KPI target").format(
                        name=row["name"]), (row["id"],), "campaigns")
            for _, row in missing.iterrows()]


def zero_budget(frames: PlanFrames, today: dt.date) -> list[Finding]:
    f = frames.flights
    zero = f[f["budget_minor"] == 0]
    if zero.empty:
        return []
    return [Finding("zero_budget", "warning",
                    QT_TRANSLATE_NOOP("health", "{count} flight(s) have no budget").format(
                        count=len(zero)), tuple(zero["id"]), "flights")]


def booking_deadlines(frames: PlanFrames, today: dt.date) -> list[Finding]:
    """A festival flight booked after the platform's slot deadline, or still not
    booked when the deadline has passed."""
    ev = frames.events
    windows = (ev[(ev["kind"] == "festival") & ev["booking_deadline"].notna()]
               .groupby(["festival_key", "booking_deadline"])
               .agg(start=("start", "min"), end=("end", "max"), name=("name", "first"))
               .reset_index())
    if windows.empty or frames.flights.empty:
        return []
    festival = frames.campaigns.set_index("id")["festival_key"]
    f = frames.flights.assign(festival_key=frames.flights["campaign_id"].map(festival))
    f = f[f["festival_key"].notna()]
    joined = f.merge(windows, on="festival_key", suffixes=("", "_w"))
    joined = joined[(joined["start"] <= joined["end_w"]) & (joined["end"] >= joined["start_w"])]
    late = joined[joined["booked_on"].notna() & (joined["booked_on"] > joined["booking_deadline"])]
    unbooked = joined[(joined["committed"] == 0)
                      & (joined["booking_deadline"] < str(today)) & (joined["end"] >= str(today))]
    findings = []
    messages = (
        (QT_TRANSLATE_NOOP("health", "{count} festival flight(s) booked after the slot "
                           "deadline {deadline} ({festival})"), late),
        (QT_TRANSLATE_NOOP("health", "{count} festival flight(s) not booked by the slot "
                           "deadline {deadline} ({festival})"), unbooked),
    )
    for message, frame in messages:
        for deadline, group in frame.groupby("booking_deadline"):
            findings.append(Finding(
                "booking_deadline", "warning",
                message.format(count=len(group), deadline=f"{deadline:%Y-%m-%d}",
                               festival=group["festival_key"].iloc[0]),
                tuple(group["id"]), "flights"))
    return findings


def unit_mismatch(frames: PlanFrames, today: dt.date) -> list[Finding]:
    f = frames.flights
    priced = f[f["units"].notna() & f["unit_cost_minor"].notna()]
    bad = priced[priced["units"].astype("int64") * priced["unit_cost_minor"].astype("int64")
                 != priced["budget_minor"]]
    if bad.empty:
        return []
    return [Finding("units_mismatch", "warning",
                    QT_TRANSLATE_NOOP("health", "{count} flight(s) have a budget that is not "
                                      "units × unit cost").format(count=len(bad)),
                    tuple(bad["id"]), "flights")]


RULES: tuple[Callable[[PlanFrames, dt.date], list[Finding]], ...] = (
    over_budget, brand_share_range, channel_caps, flights_in_blackout, outside_horizon,
    overlapping_flights, campaigns_without_kpi, zero_budget, booking_deadlines, unit_mismatch,
)


def check_frames(frames: PlanFrames, today: dt.date | None = None) -> list[Finding]:
    today = today or dt.date.today()
    findings = [finding for rule in RULES for finding in rule(frames, today)]
    return sorted(findings, key=lambda f: SEVERITIES.index(f.severity))


def check(plan: Plan, today: dt.date | None = None) -> list[Finding]:
    """Every rule over the plan as it is on disk now."""
    return check_frames(load(plan), today)
