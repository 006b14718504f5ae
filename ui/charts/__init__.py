"""Charts drawn by matplotlib on a pool thread and shown as images."""

from ui.charts.render import ChartInfo, DrawnAxes, Rendered
from ui.charts.view import ChartView, all_idle

__all__ = ["ChartInfo", "ChartView", "DrawnAxes", "Rendered", "all_idle"]
