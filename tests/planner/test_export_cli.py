"""`planner export`: each format writes its file; bad input exits with one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import planner.cli.export_commands  # noqa: F401  (registers `export` until __init__ does)
from planner.cli import main
from planner.storage.plan_file import Plan
from tests.planner.export_plans import small_plan

MAGIC = {"xlsx": b"PK\x03\x04", "csv": b"\xef\xbb\xbf", "ics": b"BEGIN:VCALENDAR",
         "pdf": b"%PDF", "png": b"\x89PNG"}


@pytest.fixture
def filled(plan: Plan, plan_path: Path) -> Path:
    small_plan(plan)
    plan.close()
    return plan_path


@pytest.mark.parametrize("fmt", sorted(MAGIC))
def test_each_format(filled: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(main, ["export", str(filled), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(MAGIC[fmt])
    assert result.output.strip() == f"Wrote {out}"


def test_options(filled: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    ics = tmp_path / "c.ics"
    assert runner.invoke(main, ["export", str(filled), "--format", "ics", "--per", "campaign",
                                "-o", str(ics)]).exit_code == 0
    assert ics.read_bytes().count(b"BEGIN:VEVENT") == 2
    pdf = tmp_path / "c.pdf"
    assert runner.invoke(main, ["export", str(filled), "--format", "pdf", "--page-size", "A3",
                                "-o", str(pdf)]).exit_code == 0


def test_bad_format_is_a_usage_error(filled: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", str(filled), "--format", "docx",
                                       "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 2
    assert "docx" in result.output
    assert not (tmp_path / "x.docx").exists()
    to_folder = CliRunner().invoke(main, ["export", str(filled), "--format", "xlsx",
                                          "-o", str(tmp_path)])
    assert to_folder.exit_code == 2 and "is a directory" in to_folder.output


@pytest.mark.parametrize("case", ["missing plan", "missing folder"])
def test_user_errors_exit_1_with_one_line(filled: Path, tmp_path: Path, case: str) -> None:
    plan, out = str(filled), str(tmp_path / "out.xlsx")
    if case == "missing plan":
        plan = str(tmp_path / "nope.cplan")
    else:
        out = str(tmp_path / "nowhere" / "out.xlsx")
    result = CliRunner().invoke(main, ["export", plan, "--format", "xlsx", "-o", out])
    assert result.exit_code == 1, result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output
