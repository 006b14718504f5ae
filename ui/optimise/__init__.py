"""The Optimise tab: constraints, runs off the GUI thread, results, the
brand/promotion frontier and stored scenarios."""

from ui.optimise.tab import OptimiseTab

__all__ = ["OptimiseTab"]
