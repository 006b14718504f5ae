"""Qt item models over plan data; they hold ids and plain values, never a connection."""
