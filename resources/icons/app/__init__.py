"""The app's own icon: the SVG it is drawn in and the PNGs rendered from it
(packaging/render_icons.py), which the window, the desktop entry and the installers use."""
