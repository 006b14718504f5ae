"""Full-text search over campaign names, tags and notes (the plan's knowledge).

The index is SQLite FTS5 with the trigram tokenizer, which matches any run of
three or more characters: Chinese needs no word segmenter that way. Queries of
one or two characters (many Chinese words: 春节, 新客) use a LIKE scan instead,
which is exact and fast at plan sizes.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.storage.plan_file import Plan


@dataclass(frozen=True)
class Hit:
    campaign_id: str
    name: str
    status: str
    tags: str
    snippet: str


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search(plan: Plan, query: str, limit: int = 50) -> list[Hit]:
    """Campaigns matching every word of `query`, best matches first."""
    terms = [t for t in query.split() if t]
    if not terms:
        return []
    has_index = plan.db["campaigns_fts"].exists()
    if has_index and all(len(t) >= 3 for t in terms):
        match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        sql = (
            "SELECT c.id, c.name, c.status, c.tags, "
            "snippet(campaigns_fts, -1, '[', ']', '…', 8) "
            "FROM campaigns_fts JOIN campaigns c ON c.rowid = campaigns_fts.rowid "
            "WHERE campaigns_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        params: list[object] = [match, limit]
    else:
        where = " AND ".join(
            "(name LIKE ? ESCAPE '\\' OR tags LIKE ? ESCAPE '\\' OR notes LIKE ? ESCAPE '\\')"
            for _ in terms)
        sql = (f"SELECT id, name, status, tags, substr(notes, 1, 60) FROM campaigns "
               f"WHERE {where} ORDER BY name LIMIT ?")
        params = [p for t in terms for p in (_like(t),) * 3] + [limit]
    return [Hit(*row) for row in plan.db.execute(sql, params).fetchall()]
