"""Icons the app draws with: SVG line art, tinted to the palette when loaded (ui/icons.py)."""
