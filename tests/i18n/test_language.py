"""The language choice: system locale by default, a remembered override, `--lang`,
and planner messages shown in the chosen language."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from planner.domain import validate
from planner.domain.entities import Channel
from planner.errors import ValidationError
from planner.services.health import check
from planner.storage.plan_file import open_plan
from ui import i18n
from ui.app import parse_args
from ui.formatting import format_date, format_money
from ui.language_menu import LanguageMenu

ZH_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="zh_CN">
<context><name>health</name><message><source>“{name}” has no KPI target</source>
<translation>“{name}”没有 KPI 目标</translation></message></context>
<context><name>validation</name><message><source>must not be empty</source>
<translation>不能为空</translation></message></context>
</TS>"""


def test_the_system_locale_decides_until_the_planner_chooses(isolated_settings):
    assert i18n.resolve(i18n.SYSTEM, QLocale("zh_CN")) == i18n.CHINESE
    assert i18n.resolve(i18n.SYSTEM, QLocale("zh_SG")) == i18n.CHINESE
    assert i18n.resolve(i18n.SYSTEM, QLocale("zh_TW")) == i18n.ENGLISH
    assert i18n.resolve(i18n.SYSTEM, QLocale("de_DE")) == i18n.ENGLISH
    assert i18n.chosen_language() == i18n.SYSTEM
    i18n.set_chosen_language(i18n.CHINESE)
    assert i18n.chosen_language() == i18n.CHINESE
    assert i18n.resolve(i18n.chosen_language(), QLocale("de_DE")) == i18n.CHINESE


def test_the_menu_remembers_the_choice_and_says_it_applies_at_restart(window, prompts):
    menu = LanguageMenu(window)
    assert menu.action(i18n.SYSTEM).isChecked()
    menu.action(i18n.CHINESE).trigger()
    assert i18n.chosen_language() == i18n.CHINESE
    assert len(prompts.informed) == 1
    assert LanguageMenu(window).action(i18n.CHINESE).isChecked()


def test_lang_on_the_command_line():
    assert parse_args(["--lang", "zh_CN"]).lang == "zh_CN"
    assert parse_args([]).lang is None


def test_chinese_installs_both_catalogues_and_the_locale(chinese):
    assert chinese.ours and chinese.qt
    assert QLocale().language() == QLocale.Language.Chinese
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert format_money(123_456_78, "CNY") == "¥123,456.78"
    assert format_date(dt.date(2026, 3, 1))  # the translator's pattern, whatever it is


def test_health_findings_and_validation_reasons_show_translated(qapp, plan_path, tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    ts = tmp_path / "t.ts"
    ts.write_text(ZH_TS, encoding="utf-8")
    qm = tmp_path / "t.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    with open_plan(plan_path) as plan:
        from planner.services import campaigns

        campaigns.create_campaign(plan, "春节", "brand")
        finding = next(f for f in check(plan) if f.rule == "no_kpi_target")
    try:
        validate.check(Channel(id="c", name=" ", kind="web_shop"))
    except ValidationError as exc:
        refused = exc
    assert finding.message == "“春节” has no KPI target"  # the CLI's English
    qapp.installTranslator(translator)
    try:
        assert i18n.translated(finding.message) == "“春节”没有 KPI 目标"
        assert i18n.translated(refused.reason) == "不能为空"
        assert "不能为空" in i18n.error_message(refused)
    finally:
        qapp.removeTranslator(translator)
    assert i18n.translated(finding.message) == finding.message
