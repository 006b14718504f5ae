"""Menu and toolbar icons: 24 px line drawings in one placeholder colour (#000000),
recoloured to the palette's text colour by ui/icons.py."""
