"""The Curves tab: each channel's response curves, re-fitting and hand edits."""
