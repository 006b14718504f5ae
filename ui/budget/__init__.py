"""The Budget tab: money by channel, campaign or segment tier per month."""

from ui.budget.tab import BudgetTab

__all__ = ["BudgetTab"]
