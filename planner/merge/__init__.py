"""Merge two offline copies of one plan: preview every change and conflict, then apply
the preview as one undoable action and re-check the plan.

    preview = merge_preview(plan, "plan-from-li.cplan")
    done = apply_merge(plan, preview, choose_all(preview, "mine"))
"""

from planner.merge.apply import MergeError, apply_merge, choose_all
from planner.merge.model import Conflict, MergeDone, MergeItem, MergePreview, RowOp
from planner.merge.preview import MergeRefused, merge_preview

__all__ = ["Conflict", "MergeDone", "MergeError", "MergeItem", "MergePreview", "MergeRefused",
           "RowOp", "apply_merge", "choose_all", "merge_preview"]
