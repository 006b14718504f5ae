"""The campaign form: name, objective and brand share, segment, status, owner, colour, tags.

Used by `CampaignDialog` and the inspector. The brand share follows the
objective as the core requires (brand 100 %, promotion 0 %); only a mixed
campaign lets the planner type it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QWidget

from planner.domain.entities import Campaign
from ui.editors import labels
from ui.editors.form import Problems, RecordForm
from ui.editors.widgets import ColourButton, fill_combo
from ui.models.plan_index import PlanIndex

_FIXED_SHARE = {"brand": 100.0, "promotion": 0.0}
MIXED_DEFAULT = 50.0
NEW_COLOUR = "#59a14f"


def parse_tags(text: str) -> tuple[str, ...]:
    """Comma-separated tags, trimmed, empty ones and repeats dropped."""
    return tuple(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


class CampaignForm(RecordForm):
    def __init__(self, index: PlanIndex, parent: QWidget | None = None) -> None:
        super().__init__(index, parent)
        self.name = QLineEdit()
        self.objective = QComboBox()
        for objective, text in labels.objectives().items():
            self.objective.addItem(text, objective)
        self.brand_share = QDoubleSpinBox()
        self.brand_share.setRange(0.0, 100.0)
        self.brand_share.setDecimals(2)
        self.brand_share.setSuffix(" %")
        self.segment = QComboBox()
        self.status = QComboBox()
        for status, text in labels.statuses().items():
            self.status.addItem(text, status)
        self.owner = QLineEdit()
        self.colour = ColourButton()
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. 618, launch"))
        self.notes = QLineEdit()

        self._row(self.tr("Name"), self.name, "campaign.name")
        self._row(self.tr("Objective"), self.objective, "campaign.objective")
        self._row(self.tr("Brand share"), self.brand_share, "campaign.brand_share")
        self._row(self.tr("Segment"), self.segment, "campaign.segment_id")
        self._row(self.tr("Status"), self.status, "campaign.status")
        self._row(self.tr("Owner"), self.owner, "campaign.owner")
        self._row(self.tr("Colour"), self.colour, "campaign.colour")
        self._row(self.tr("Tags"), self.tags, "campaign.tags")
        self._row(self.tr("Notes"), self.notes, "campaign.notes")
        self._finish()

    def _fill(self, record: Campaign | None, preset: dict[str, Any],
              skip: frozenset[QWidget]) -> None:
        fill_combo(self.segment, [(self.tr("No segment"), None),
                                  *((s.name, s.id) for s in self._index.segments.values())])
        campaign = record or Campaign(
            id="", name=preset.get("name", ""), objective=preset.get("objective", "promotion"),
            brand_share_bp=0, segment_id=preset.get("segment_id"), colour=NEW_COLOUR)
        for widget, value in (
            (self.name, campaign.name), (self.objective, campaign.objective),
            (self.brand_share, campaign.brand_share_bp / 100),
            (self.segment, campaign.segment_id), (self.status, campaign.status),
            (self.owner, campaign.owner), (self.colour, campaign.colour),
            (self.tags, ", ".join(campaign.tags)), (self.notes, campaign.notes),
        ):
            self._set(widget, value, skip)
        self._follow_objective(keep_share=True)

    def _changed(self, widget: QWidget) -> None:
        if widget is self.objective:
            self._follow_objective(keep_share=False)

    def _follow_objective(self, *, keep_share: bool) -> None:
        objective = self.objective.currentData()
        fixed = _FIXED_SHARE.get(objective)
        self.brand_share.setEnabled(fixed is None)
        with self.quiet():
            if fixed is not None:
                self.brand_share.setValue(fixed)
            elif not keep_share and self.brand_share.value() in _FIXED_SHARE.values():
                self.brand_share.setValue(MIXED_DEFAULT)

    def _read(self, problems: Problems) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "objective": self.objective.currentData(),
            "brand_share_bp": round(self.brand_share.value() * 100),
            "segment_id": self.segment.currentData(),
            "status": self.status.currentData(),
            "owner": self.owner.text().strip(),
            "colour": self.colour.colour(),
            "tags": parse_tags(self.tags.text()),
            "notes": self.notes.text().strip(),
        }

    def _build(self, values: dict[str, Any]) -> Campaign:
        return self._entity(Campaign, values)
