"""`planner merge`: bring an offline copy's changes into a plan, conflicts shown first."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from planner.cli import FINDINGS_EXIT, main

if TYPE_CHECKING:
    from planner.merge import MergeDone, MergePreview

COPY = click.argument("theirs", type=click.Path(dir_okay=False, path_type=Path))


@main.command()
@click.argument("mine", type=click.Path(dir_okay=False, path_type=Path))
@COPY
@click.option("--dry-run", is_flag=True, help="Show the preview; change nothing.")
@click.option("--take", type=click.Choice(["mine", "theirs"]), default=None,
              help="Resolve every conflict this way.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def merge(mine: Path, theirs: Path, dry_run: bool, take: str | None, as_json: bool) -> None:
    """Merge the copy THEIRS into MINE: what only one copy changed is taken; conflicts
    stop the merge (exit 3) unless --take says which side wins. One undoable action,
    after a backup; the plan is re-checked and new findings are listed first.

    Example: planner merge plan.cplan plan-from-li.cplan --take theirs
    """
    from planner.cli import open_read, open_write
    from planner.merge import apply_merge, choose_all, merge_preview

    with (open_read(mine) if dry_run else open_write(mine)) as plan:
        preview = merge_preview(plan, theirs)
        stop = bool(preview.conflicts) and take is None
        result = None
        if not dry_run and not stop:
            result = apply_merge(plan, preview, choose_all(preview, take or "mine"))
    if as_json:
        out: dict[str, object] = preview.as_json()
        if result is not None:
            out["merged"] = {"action_id": result.action_id, "backup": str(result.backup),
                             "new_findings": [f.__dict__ for f in result.created],
                             "findings": [f.__dict__ for f in result.findings]}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2, default=str))
    else:
        _print(preview, result, stop)
    if stop:
        sys.exit(FINDINGS_EXIT)


def _print(preview: MergePreview, result: MergeDone | None, stop: bool) -> None:
    for side, title in (("theirs", f"From {preview.theirs_user}'s copy"),
                        ("mine", "Only here (kept)"), ("same", "Made alike in both")):
        items = preview.side(side)
        if items:
            click.echo(f"{title}: {len(items)}")
            for item in items:
                click.echo(f"  {item.text}")
    if preview.conflicts:
        click.echo(f"Conflicts: {len(preview.conflicts)}")
        for conflict in preview.conflicts:
            click.echo(f"  {conflict.text}")
    if not preview.items and not preview.conflicts:
        click.echo("Nothing to merge: the copies have the same changes.")
    if stop:
        click.echo("Resolve the conflicts with --take mine or --take theirs.", err=True)
        return
    if result is not None:
        if result.action_id is None:
            click.echo("Nothing to write: the plan already has every change.")
            return
        click.echo(f"Merged as one action ({result.action_id}); backup {result.backup}")
        for finding in result.created:
            click.echo(f"  new   {finding.severity:<8} {finding.message}")
        for finding in result.findings[len(result.created):]:
            click.echo(f"        {finding.severity:<8} {finding.message}")
