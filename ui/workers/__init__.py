"""Work that must not block the GUI thread (demo build, optimise, import, export)."""
