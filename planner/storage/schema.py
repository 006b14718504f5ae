"""The plan file's tables, one forward step per schema version.

Steps are plain SQL so a reviewer can read what a version added. Each step runs
inside the migration's single transaction (see `migrations.py`). Tables listed in
`USER_TABLES` hold the planner's data: every write to them is captured by the
change log (`history.py`), which is what undo, redo, audit and merge read.
"""

from __future__ import annotations

APPLICATION_ID = 0x43504C4E  # "CPLN": marks a SQLite file as a campaign plan
SCHEMA_VERSION = 3

# Bookkeeping tables: never captured, never undone.
_BOOKKEEPING_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE actions (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    label TEXT NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    hlc TEXT NOT NULL,
    copy_id TEXT NOT NULL,
    user TEXT NOT NULL,
    reverts TEXT REFERENCES actions(id),
    undone INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    action_id TEXT REFERENCES actions(id),
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    field TEXT,
    old TEXT,
    new TEXT
);
CREATE INDEX changes_action ON changes(action_id);
CREATE INDEX changes_row ON changes(tbl, row_id);
CREATE TABLE _current_action (id TEXT NOT NULL);
"""

_PLAN_V1 = """
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE channels (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    grp TEXT NOT NULL DEFAULT '',
    colour TEXT NOT NULL DEFAULT '#4e79a7',
    min_spend_minor INTEGER NOT NULL DEFAULT 0 CHECK (min_spend_minor >= 0),
    max_spend_minor INTEGER CHECK (max_spend_minor IS NULL OR max_spend_minor >= 0),
    sort_order INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE TABLE segments (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    tier TEXT NOT NULL CHECK (tier IN ('high', 'potential', 'low')),
    description TEXT NOT NULL DEFAULT '',
    customers INTEGER,
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE campaigns (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    objective TEXT NOT NULL CHECK (objective IN ('brand', 'promotion', 'mixed')),
    brand_share_bp INTEGER NOT NULL CHECK (brand_share_bp BETWEEN 0 AND 10000),
    segment_id TEXT REFERENCES segments(id),
    status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'approved', 'live', 'done')),
    owner TEXT NOT NULL DEFAULT '',
    colour TEXT NOT NULL DEFAULT '#59a14f',
    tags TEXT NOT NULL DEFAULT '[]',
    notes TEXT NOT NULL DEFAULT '',
    festival_key TEXT
);
CREATE INDEX campaigns_segment ON campaigns(segment_id);
CREATE TABLE kpi_targets (
    id TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES campaigns(id),
    category TEXT NOT NULL CHECK (category IN ('brand', 'user', 'sales', 'cost')),
    metric TEXT NOT NULL,
    target REAL NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    cycle TEXT NOT NULL DEFAULT 'total'
        CHECK (cycle IN ('daily', 'weekly', 'monthly', 'total'))
);
CREATE INDEX kpi_targets_campaign ON kpi_targets(campaign_id);
CREATE TABLE flights (
    id TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES campaigns(id),
    channel_id TEXT NOT NULL REFERENCES channels(id),
    name TEXT NOT NULL DEFAULT '',
    start TEXT NOT NULL,
    "end" TEXT NOT NULL,
    budget_minor INTEGER NOT NULL CHECK (budget_minor >= 0),
    phasing TEXT,
    notes TEXT NOT NULL DEFAULT '',
    CHECK ("end" >= start)
);
CREATE INDEX flights_campaign ON flights(campaign_id);
CREATE INDEX flights_channel ON flights(channel_id);
CREATE TABLE actuals (
    id TEXT PRIMARY KEY,
    flight_id TEXT REFERENCES flights(id),
    channel_id TEXT NOT NULL REFERENCES channels(id),
    start TEXT NOT NULL,
    "end" TEXT NOT NULL,
    spend_minor INTEGER NOT NULL,
    revenue_minor INTEGER,
    impressions INTEGER,
    clicks INTEGER,
    conversions INTEGER,
    source TEXT NOT NULL DEFAULT ''
);
CREATE INDEX actuals_channel ON actuals(channel_id);
CREATE INDEX actuals_flight ON actuals(flight_id);
CREATE TABLE history (
    id TEXT PRIMARY KEY,
    channel_id TEXT NOT NULL REFERENCES channels(id),
    start TEXT NOT NULL,
    "end" TEXT NOT NULL,
    spend_minor INTEGER NOT NULL,
    brand_spend_minor INTEGER NOT NULL DEFAULT 0,
    revenue_minor INTEGER,
    brand_outcome REAL
);
CREATE INDEX history_channel ON history(channel_id, start);
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('festival', 'holiday', 'blackout', 'custom')),
    name TEXT NOT NULL,
    start TEXT NOT NULL,
    "end" TEXT NOT NULL,
    festival_key TEXT,
    phase TEXT,
    booking_deadline TEXT,
    channel_id TEXT REFERENCES channels(id),
    notes TEXT NOT NULL DEFAULT '',
    CHECK ("end" >= start)
);
CREATE TABLE curves (
    id TEXT PRIMARY KEY,
    channel_id TEXT NOT NULL REFERENCES channels(id),
    goal TEXT NOT NULL CHECK (goal IN ('brand', 'promotion')),
    family TEXT NOT NULL,
    params TEXT NOT NULL,
    source TEXT NOT NULL,
    quality TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE scenarios (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    inputs TEXT NOT NULL,
    result TEXT
);
"""

# v2: flights carry media units and a commitment; placeholders and baselines.
_PLAN_V2 = """
ALTER TABLE flights ADD COLUMN unit_kind TEXT;
ALTER TABLE flights ADD COLUMN units INTEGER CHECK (units IS NULL OR units >= 0);
ALTER TABLE flights ADD COLUMN unit_cost_minor INTEGER
    CHECK (unit_cost_minor IS NULL OR unit_cost_minor >= 0);
ALTER TABLE flights ADD COLUMN committed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE flights ADD COLUMN booked_on TEXT;
CREATE TABLE placeholders (
    id TEXT PRIMARY KEY,
    channel_id TEXT NOT NULL REFERENCES channels(id),
    start TEXT NOT NULL,
    "end" TEXT NOT NULL,
    amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
    goal TEXT CHECK (goal IS NULL OR goal IN ('brand', 'promotion')),
    notes TEXT NOT NULL DEFAULT '',
    CHECK ("end" >= start)
);
CREATE TABLE baselines (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE baseline_flights (
    id TEXT PRIMARY KEY,
    baseline_id TEXT NOT NULL REFERENCES baselines(id),
    flight_id TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    start TEXT NOT NULL,
    "end" TEXT NOT NULL,
    budget_minor INTEGER NOT NULL,
    phasing TEXT
);
CREATE INDEX baseline_flights_baseline ON baseline_flights(baseline_id);
"""

# v3: rows inserted or deleted in bulk (an import of 100,000 actuals) are logged whole,
# up to 10,000 to a record: op "insert_rows" / "delete_rows", row id "*", the columns
# in `field`, the rows in `new` / `old` (see `bulk.py`). SQLite cannot widen a CHECK
# in place, so the log is rebuilt with every row and seq kept and AUTOINCREMENT's
# high-water mark carried over; the capture triggers, which name `changes`, are
# dropped before the steps and rebuilt after them (`migrations.py`).
_CHANGE_LOG_V3 = """
CREATE TABLE changes_v3 (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    action_id TEXT REFERENCES actions(id),
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL
        CHECK (op IN ('insert', 'update', 'delete', 'insert_rows', 'delete_rows')),
    field TEXT,
    old TEXT,
    new TEXT
);
INSERT INTO changes_v3(seq, action_id, tbl, row_id, op, field, old, new)
    SELECT seq, action_id, tbl, row_id, op, field, old, new FROM changes ORDER BY seq;
DELETE FROM sqlite_sequence WHERE name = 'changes_v3';
INSERT INTO sqlite_sequence(name, seq)
    SELECT 'changes_v3', seq FROM sqlite_sequence WHERE name = 'changes';
DROP TABLE changes;
ALTER TABLE changes_v3 RENAME TO changes;
CREATE INDEX changes_action ON changes(action_id);
CREATE INDEX changes_row ON changes(tbl, row_id);
"""

STEPS: dict[int, str] = {1: _BOOKKEEPING_V1 + _PLAN_V1, 2: _PLAN_V2, 3: _CHANGE_LOG_V3}

# Tables whose every write is a planner's edit: captured, undoable, merged.
USER_TABLES: tuple[str, ...] = (
    "settings", "channels", "segments", "campaigns", "kpi_targets", "flights", "actuals",
    "history", "events", "curves", "scenarios", "placeholders", "baselines",
    "baseline_flights",
)


def primary_key(table: str) -> str:
    return "key" if table == "settings" else "id"
