"""The optimiser's, the curve fit's and the reforecast's sentences, marked for translation.

The solver writes its explanations (why no allocation is possible, which
constraints bind, why money is left unspent, why a curve could not be fitted) in
English, knowing nothing of languages, and scenarios keep them as plain text in
the plan file. Each template below is one of those sentences, word for word, with
placeholders where its values go; `worded` recognises a message as the template
that made it, so the GUI can show it in the interface language while the CLI and
the stored scenario keep the English. Longer sentences come before the short
constraint names a sentence may contain.
"""

from __future__ import annotations

from planner.i18n import QT_TRANSLATE_NOOP, Wording

_OPTIMISE = (
    # Why no allocation is possible (solver/explain.py).
    QT_TRANSLATE_NOOP("optimise", "the budget {budget} cannot all be spent: channel caps, caps "
                      "per period and availability leave {amount} with nowhere to go"),
    QT_TRANSLATE_NOOP("optimise", "the budget {budget} is short by {amount}: channel minimums "
                      "add up to {minimums} and locked spend to {locked}"),
    QT_TRANSLATE_NOOP("optimise", "the minimum for {channel} ({minimum}) cannot be met "
                      "(short {amount})"),
    QT_TRANSLATE_NOOP("optimise", "the cap on {channel} ({cap}) would be exceeded by {amount}"),
    QT_TRANSLATE_NOOP("optimise", "brand share ≥ {share} cannot be reached: brand-capable "
                      "channels can take at most {amount}"),
    QT_TRANSLATE_NOOP("optimise", "brand share ≤ {share} cannot hold: promotion-capable "
                      "channels can take at most {amount}"),
    QT_TRANSLATE_NOOP("optimise", "the per-period cap on {channel} is exceeded by {amount}"),
    QT_TRANSLATE_NOOP("optimise", "the pacing limit on {channel} is exceeded by {amount}"),
    QT_TRANSLATE_NOOP("optimise", "the cap in {period} is exceeded by {amount}"),
    QT_TRANSLATE_NOOP("optimise", "locked spend on {channel} in {period} cannot be honoured "
                      "(the channel is unavailable or capped there)"),
    QT_TRANSLATE_NOOP("optimise", "the revenue target {target} is out of reach by {amount} "
                      "within the budget and caps"),
    QT_TRANSLATE_NOOP("optimise", "brand response {target} is out of reach by {amount} "
                      "within the budget and caps"),
    QT_TRANSLATE_NOOP("optimise", "a return on spend of {roas} cannot be reached"),
    QT_TRANSLATE_NOOP("optimise", "the constraints cannot hold together, but no single "
                      "planner rule can be blamed"),
    # Why money is left unspent (solver/report.py, planner/services/scenarios.py).
    QT_TRANSLATE_NOOP("optimise", "{amount} left unspent: {reason}"),
    QT_TRANSLATE_NOOP("optimise", "the revenue target is reached without it"),
    QT_TRANSLATE_NOOP("optimise", "held back by {limits}"),
    QT_TRANSLATE_NOOP("optimise", "every channel is at its cap or saturated (the next unit "
                      "would earn nothing)"),
    QT_TRANSLATE_NOOP("optimise", "every channel is at its cap or saturated"),
    # Money the model leaves out (planner/services/optimise.py).
    QT_TRANSLATE_NOOP("optimise", "{channel}: {amount} of brand money has no curve; it stays "
                      "as planned"),
    QT_TRANSLATE_NOOP("optimise", "{channel}: {amount} of promotion money has no curve; it "
                      "stays as planned"),
    QT_TRANSLATE_NOOP("optimise", "monthly curves assume money spread evenly within each "
                      "month"),
    QT_TRANSLATE_NOOP("optimise", "{channel}: {amount} is already spent or committed, over "
                      "its cap of {cap}; nothing more is placed on it"),
    # The constraints, as the solver names them (solver/formulation.py, report.py).
    QT_TRANSLATE_NOOP("optimise", "total budget"),
    QT_TRANSLATE_NOOP("optimise", "brand share ≥ {share}"),
    QT_TRANSLATE_NOOP("optimise", "brand share ≤ {share}"),
    QT_TRANSLATE_NOOP("optimise", "minimum spend on {channel}"),
    QT_TRANSLATE_NOOP("optimise", "maximum spend on {channel}"),
    QT_TRANSLATE_NOOP("optimise", "minimum buy on {channel}"),
    QT_TRANSLATE_NOOP("optimise", "{channel} cap per period"),
    QT_TRANSLATE_NOOP("optimise", "pacing of {channel}"),
    QT_TRANSLATE_NOOP("optimise", "cap in {period}"),
    QT_TRANSLATE_NOOP("optimise", "locked brand spend on {channel} in {period}"),
    QT_TRANSLATE_NOOP("optimise", "locked promotion spend on {channel} in {period}"),
    QT_TRANSLATE_NOOP("optimise", "brand response ≥ {floor}"),
    QT_TRANSLATE_NOOP("optimise", "revenue target"),
    QT_TRANSLATE_NOOP("optimise", "return on spend ≥ {roas}"),
)

_FITTING = (
    # Why a curve could not be fitted, or how far to trust it (solver/fitting.py).
    QT_TRANSLATE_NOOP("fitting", "joint fit: no channel has usable history ({failures})"),
    QT_TRANSLATE_NOOP("fitting", "{channels}: jointly no better than the mean (R² = {r2}); "
                      "the history carries no usable signal"),
    QT_TRANSLATE_NOOP("fitting", "{channel}: the outcome needs one finite number per period"),
    QT_TRANSLATE_NOOP("fitting", "{channel}: spend must be finite and not negative"),
    QT_TRANSLATE_NOOP("fitting", "{channel}: the seasonal index needs one positive number per "
                      "period"),
    QT_TRANSLATE_NOOP("fitting", "{channel}: only {count} periods with spend; a curve needs at "
                      "least {minimum}"),
    QT_TRANSLATE_NOOP("fitting", "{channel}: spend barely varies, so the history cannot show "
                      "how the return changes with spend"),
    QT_TRANSLATE_NOOP("fitting", "{channel}: no saturation within the history's spend; beyond "
                      "its largest spend the curve is an extrapolation"),
    QT_TRANSLATE_NOOP("fitting", "{channel}: Hill shape at its limit s = {limit}"),
    QT_TRANSLATE_NOOP("fitting", "{channel}: adstock at the top of its range"),
    QT_TRANSLATE_NOOP("fitting", "{channel}: the outcome does not rise with spend"),
    QT_TRANSLATE_NOOP("fitting", "{channel}: the fit is no better than the mean (R² = {r2}); "
                      "the history carries no usable signal"),
    QT_TRANSLATE_NOOP("fitting", "{channel}: only {count} periods of history; treat the curve "
                      "as rough"),
    QT_TRANSLATE_NOOP("fitting", "{channel}: no detectable effect on the outcome"),
    # planner/services/fitting.py
    QT_TRANSLATE_NOOP("fitting", "{channel}: no seasonal index covers its history; fitted "
                      "without seasonality"),
    QT_TRANSLATE_NOOP("fitting", "{channel}: its history has no revenue and the plan has no "
                      "total revenue"),
    QT_TRANSLATE_NOOP("fitting", "{channel}: its history has no brand outcome and the plan has "
                      "no total brand outcome"),
    QT_TRANSLATE_NOOP("fitting", "brand: {count} channel(s) fitted jointly on the plan's total "
                      "{outcome}: R² = {r2}, MAPE = {mape}, baseline {baseline} per {period} "
                      "without any of them"),
    QT_TRANSLATE_NOOP("fitting", "promotion: {count} channel(s) fitted jointly on the plan's "
                      "total {outcome}: R² = {r2}, MAPE = {mape}, baseline {baseline} per "
                      "{period} without any of them"),
)

_REFORECAST = (
    # planner/services/refit.py
    QT_TRANSLATE_NOOP("reforecast", "curves re-fitted before the reforecast: {count} promotion "
                      "curve(s) on history and actual weeks to {date}, brand curves on history "
                      "(actuals carry no brand outcome); saved as their own undoable step"),
    QT_TRANSLATE_NOOP("reforecast", "{channel}: promotion curve kept from history only "
                      "({reason})"),
    QT_TRANSLATE_NOOP("reforecast", "{channel} brand: not fitted ({reason})"),
    QT_TRANSLATE_NOOP("reforecast", "{channel} promotion: not fitted ({reason})"),
    # planner/services/reforecast.py: what the reforecast assumed
    QT_TRANSLATE_NOOP("reforecast", "spend up to {date} is fixed at actual spend per channel "
                      "and {grain}"),
    QT_TRANSLATE_NOOP("reforecast", "where a channel has no actuals in a {grain} up to {date}, "
                      "its plan counts as spent: {count} channel-{grain}(s), {amount}, on "
                      "{channels} and {more} more"),
    QT_TRANSLATE_NOOP("reforecast", "where a channel has no actuals in a {grain} up to {date}, "
                      "its plan counts as spent: {count} channel-{grain}(s), {amount}, on "
                      "{channels}"),
    QT_TRANSLATE_NOOP("reforecast", "{period} runs past {date}: its days from {first} to "
                      "{last} stay as planned ({amount}); re-planning starts {start}"),
    QT_TRANSLATE_NOOP("reforecast", "the plan has no actuals: the plan counts as spent "
                      "throughout"),
    QT_TRANSLATE_NOOP("reforecast", "actuals end on {last}, before {date}"),
    QT_TRANSLATE_NOOP("reforecast", "actuals after {date} (to {last}) are left out"),
    QT_TRANSLATE_NOOP("reforecast", "brand stock built before {start} carries into the "
                      "remaining {grain}s through each channel's adstock ({amount} of brand "
                      "spend still working)"),
    QT_TRANSLATE_NOOP("reforecast", "keeping the current plan is not a feasible allocation "
                      "({breaches}), so the reforecast need not score above it"),
    QT_TRANSLATE_NOOP("reforecast", "it spends {amount}, over the budget {budget}"),
    QT_TRANSLATE_NOOP("reforecast", "{channel} {amount} is over its maximum {maximum}"),
)

# Periods as these sentences name them, and how a stored run ended.
_WORDS = (
    QT_TRANSLATE_NOOP("reforecast", "week"), QT_TRANSLATE_NOOP("reforecast", "month"),
    QT_TRANSLATE_NOOP("reforecast", "day"), QT_TRANSLATE_NOOP("reforecast", "{days} days"),
    QT_TRANSLATE_NOOP("reforecast", "optimal"), QT_TRANSLATE_NOOP("reforecast", "infeasible"),
)

_COMMA = QT_TRANSLATE_NOOP("optimise", ", ")
_SEMICOLON = QT_TRANSLATE_NOOP("optimise", "; ")

worded = Wording(
    (*_OPTIMISE, *_FITTING, *_REFORECAST, *_WORDS),
    lists={"limits": _COMMA, "channels": _COMMA, "failures": _SEMICOLON,
           "breaches": _SEMICOLON},
)
"""`worded(message)`: the message as the `Text` of the template that wrote it, or as it is."""
