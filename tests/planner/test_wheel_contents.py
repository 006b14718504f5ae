"""An installed wheel (not only a checkout) carries the data files the app reads."""

from __future__ import annotations

import json
from importlib import metadata

import pytest

DIST = "omnichannel-campaign-planner"


def _installed_files() -> set[str]:
    try:
        dist = metadata.distribution(DIST)
    except metadata.PackageNotFoundError:
        pytest.skip("the project is not installed")
    direct = dist.read_text("direct_url.json")
    if direct and json.loads(direct).get("dir_info", {}).get("editable"):
        pytest.skip("editable install: files are read from the checkout")
    return {str(f).replace("\\", "/") for f in dist.files or ()}


@pytest.mark.parametrize("name", ["resources/festivals.json", "resources/demo_plan.json"])
def test_wheel_ships_resource(name):
    assert name in _installed_files()


def test_wheel_ships_every_package():
    files = _installed_files()
    for package in ("planner", "solver", "ui", "resources"):
        assert f"{package}/__init__.py" in files
