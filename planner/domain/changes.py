"""What a user action touched, so views redraw only that."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PlanChanges:
    settings: bool = False
    channels: frozenset[str] = field(default_factory=frozenset)
    segments: frozenset[str] = field(default_factory=frozenset)
    campaigns: frozenset[str] = field(default_factory=frozenset)
    flights: frozenset[str] = field(default_factory=frozenset)
    events: frozenset[str] = field(default_factory=frozenset)
    other_tables: frozenset[str] = field(default_factory=frozenset)

    @property
    def budget(self) -> bool:
        """Whether money roll-ups may have moved."""
        return bool(self.settings or self.flights or self.channels or self.campaigns
                    or {"placeholders", "actuals", "baselines"} & self.other_tables)

    @classmethod
    def from_rows(cls, touched: dict[str, set[str]]) -> PlanChanges:
        """Build from {table: row ids} as the change log records them."""
        named = {"channels", "segments", "campaigns", "flights", "events"}
        return cls(
            settings="settings" in touched,
            other_tables=frozenset(t for t in touched if t not in named and t != "settings"),
            **{t: frozenset(touched.get(t, ())) for t in named},
        )


@dataclass(frozen=True)
class Done:
    """The result of a mutating service: the action to undo (None when nothing
    changed), and what it touched."""

    action_id: str | None
    changes: PlanChanges
    created_id: str | None = None
    created_ids: tuple[str, ...] = ()
