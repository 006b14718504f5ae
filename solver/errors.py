"""What the optimiser reports instead of a result."""

from __future__ import annotations


class SolverError(Exception):
    """Base of the optimiser's own errors; messages are meant for planners."""


class InvalidProblem(SolverError, ValueError):
    """Malformed input (negative budget, NaN curve parameter, min above max):
    the message names the field and the value."""


class NoAllocation(SolverError):
    """The solver ended without an optimal answer (time limit, numerical trouble)."""
