"""The translation files are in step with the code: every string the code shows is
in the .ts, translated, with its placeholders, and the committed .qm is the .ts
compiled (`python packaging/i18n.py update`, then `release`)."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
_PLACEHOLDER = re.compile(r"%(?:\d+|n|L\d+)|\{\w*\}|%\(\w+\)[sdf]")


def _tool() -> ModuleType:
    """packaging/ is not a package: load its script by path."""
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "packaging" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


i18n_tool = _tool()
TS_FILES = i18n_tool.ts_files()


def messages(ts: Path) -> dict[tuple[str, str, str], ET.Element]:
    """(context, source, disambiguation) → message, for the messages still in use."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in {"obsolete", "vanished"}:
                continue
            key = (name, message.findtext("source", ""), message.findtext("comment", ""))
            found[key] = message
    return found


def _texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if translation is None:
        return []
    forms = [f.text or "" for f in translation.iter("numerusform")]
    return forms if message.get("numerus") == "yes" else [translation.text or ""]


def _listing(keys) -> str:
    return "\n".join(f"  [{c}] {s!r}" + (f" ({d})" if d else "") for c, s, d in sorted(keys))


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_ts_has_every_string_the_code_shows(ts, tmp_path):
    copy = tmp_path / "resources" / "i18n" / ts.name
    copy.parent.mkdir(parents=True)
    shutil.copy(ts, copy)
    i18n_tool.update([copy])
    missing = messages(copy).keys() - messages(ts).keys()
    assert not missing, (f"{len(missing)} strings are not in {ts.name}; run "
                         f"`python packaging/i18n.py update`:\n{_listing(missing)}")


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_string_has_a_translation(ts):
    unfinished = [key for key, message in messages(ts).items()
                  if message.find("translation").get("type") == "unfinished"
                  or not all(text.strip() for text in _texts(message))]
    assert not unfinished, f"{len(unfinished)} strings untranslated:\n{_listing(unfinished)}"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_translations_keep_their_placeholders(ts):
    wrong = []
    for key, message in messages(ts).items():
        wanted = sorted(_PLACEHOLDER.findall(key[1].replace("%n", "")))
        for text in _texts(message):
            if text and sorted(_PLACEHOLDER.findall(text.replace("%n", ""))) != wanted:
                wrong.append((*key[:2], text))
    assert not wrong, "placeholders differ:\n" + "\n".join(
        f"  [{c}] {s!r} → {t!r}" for c, s, t in wrong)


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_context_is_one_the_code_looks_up(ts):
    """lupdate files a `self.tr` that follows a `QCoreApplication.translate` in the same
    function under "QCoreApplication.self", a context nothing asks for at run time:
    such a string stays English whatever the .ts says. Use one style per function."""
    strays = [key for key in messages(ts) if "." in key[0]]
    assert not strays, f"strings under a context no code asks for:\n{_listing(strays)}"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_committed_qm_is_the_ts_compiled(ts, tmp_path):
    built = tmp_path / ts.with_suffix(".qm").name
    i18n_tool.release(ts, built)
    committed = ts.with_suffix(".qm")
    run = "run `python packaging/i18n.py release`"
    assert committed.exists(), f"{committed.name} is missing; {run}"
    assert committed.read_bytes() == built.read_bytes(), f"{committed.name} is stale; {run}"
