"""Shared fixtures: every test gets its own data folder and, when it asks, a real
plan file copied from one migrated empty plan (creating it once per session)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.storage.plan_file import Plan, create_plan, open_plan


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Backups, the demo plan and logs go under the test's own folder."""
    folder = tmp_path / "home"
    monkeypatch.setenv("CAMPAIGN_PLANNER_HOME", str(folder))
    return folder


@pytest.fixture(scope="session")
def empty_plan_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "empty.cplan"
    create_plan(path).close()
    return path


@pytest.fixture
def plan_path(empty_plan_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "plan.cplan"
    shutil.copyfile(empty_plan_file, target)
    return target


@pytest.fixture
def plan(plan_path: Path) -> Iterator[Plan]:
    opened = open_plan(plan_path)
    try:
        yield opened
    finally:
        opened.close()
