"""The Help menu: keyboard shortcuts, the log folder, About."""

from ui.help.menu import HelpMenu

__all__ = ["HelpMenu"]
