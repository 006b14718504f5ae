"""Actuals as the ad platforms and agencies export them, matched to the plan.

A platform file is read as raw lines (:mod:`.grid`), its layout recognised by its
content (:mod:`.layouts`, :mod:`.flowchart`), its cells read a column at a time,
each distinct value once (:mod:`.columns`), with explicit units and per-column date
rules (:mod:`.values`, :mod:`.dates`), personal data kept out (:mod:`.compliance`),
rows matched to channels and flights by the plan's remembered rules (:mod:`.rules`)
and turned into actuals keyed per platform, account, campaign and date
(:mod:`.actuals`), a campaign's overlapping spans refused (:mod:`.overlaps`).
:func:`.check.check_platform_import` is the one entry: its result is both the preview
and what `imports.write_import` commits.
"""
