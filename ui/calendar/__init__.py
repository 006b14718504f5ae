"""The campaign calendar: swimlanes of flights on a zoomable time axis."""

from ui.calendar.view import CalendarView

__all__ = ["CalendarView"]
