"""`planner`: the plan file from the command line.

Each command parses, opens the plan, calls one service and prints; the GUI calls
the same services. User errors print one line on stderr and exit 1; `check`
exits 3 when the plan has findings, so scripts and CI can gate on it. Commands
live in one module per subject and register themselves on `main`.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from planner.errors import PlannerError
from solver.errors import SolverError

if TYPE_CHECKING:
    from planner.storage.plan_file import Plan

FINDINGS_EXIT = 3


class _Commands(click.Group):
    """Turns planner errors into one line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (PlannerError, SolverError) as exc:
            raise click.ClickException(str(exc)) from None
        except (sqlite3.Error, OSError) as exc:
            raise click.ClickException(f"{type(exc).__name__}: {exc}") from None


def parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-06-18") from None


PLAN = click.argument("plan", type=click.Path(dir_okay=False, path_type=Path))


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="omnichannel-campaign-planner")
def main() -> None:
    """Omnichannel Campaign Planner: plans in one file, checked and exact.

    Example: planner demo demo.cplan && planner info demo.cplan
    """


def open_read(plan: Path) -> Plan:
    from planner.storage.plan_file import open_plan

    return open_plan(plan, read_only=True)


def open_write(plan: Path) -> Plan:
    from planner.storage.plan_file import open_plan

    return open_plan(plan)


from planner.cli import fit_commands  # noqa: E402,F401,I001
from planner.cli import plan_commands  # noqa: E402,F401  (registers the commands)
from planner.cli import optimise_commands  # noqa: E402,F401
from planner.cli import import_commands  # noqa: E402,F401
from planner.cli import export_commands  # noqa: E402,F401
from planner.cli import merge_commands  # noqa: E402,F401
from planner.cli import reforecast_commands  # noqa: E402,F401
