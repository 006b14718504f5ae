"""When things go wrong: the app's log, the crash hook and its dialog, and what to
offer for a plan file that will not open."""
