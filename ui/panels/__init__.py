"""Widgets the main window assembles; each takes what it shows in `__init__`."""
