# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every addon ships complete zh_CN and zh_TW translations of its template."""

import importlib.util
import pathlib
import re

import polib
import pytest

ADDONS = pathlib.Path(__file__).resolve().parent.parent / "addons"
TEMPLATES = sorted(ADDONS.glob("*/i18n/*.pot"))
PLACEHOLDER = re.compile(r"%\(\w+\)s|%s|%d")


def test_every_addon_has_a_template():
    addons = {path.parent.name for path in ADDONS.glob("*/__manifest__.py")}
    assert {path.parent.parent.name for path in TEMPLATES} == addons


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.parent.parent.name)
def test_translation_is_complete(template, lang):
    po_path = template.parent / f"{lang}.po"
    assert po_path.is_file(), f"{po_path} is missing"
    translated = {entry.msgid: entry.msgstr for entry in polib.pofile(str(po_path))}
    for entry in polib.pofile(str(template)):
        msgstr = translated.get(entry.msgid)
        assert msgstr, f"{po_path}: no translation for {entry.msgid!r}"
        assert sorted(PLACEHOLDER.findall(msgstr)) == sorted(PLACEHOLDER.findall(entry.msgid)), (
            f"{po_path}: placeholders differ in {entry.msgid!r}"
        )


def _glossary():
    path = ADDONS.parent / "scripts" / "zh_tw_glossary.py"
    spec = importlib.util.spec_from_file_location("zh_tw_glossary", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.GLOSSARY


@pytest.mark.parametrize(
    "po_path",
    sorted([*ADDONS.glob("*/i18n/zh_TW.po"), *ADDONS.glob("*/i18n_addons/*/zh_TW.po")]),
    ids=str,
)
def test_zh_tw_uses_taiwan_wording(po_path):
    """zh_TW is Taiwan usage (資訊, 預設, 使用者, 設定, 品質, 簡訊, 專案 ...), not mainland terms
    in traditional characters: scripts/zh_tw_glossary.py fixes what this finds."""
    glossary = _glossary()
    for term in ("信息", "默認", "用戶", "設置", "質量", "短信", "項目"):
        assert term in glossary
    offending = [
        (entry.msgid, mainland)
        for entry in polib.pofile(str(po_path))
        for mainland in glossary
        if mainland in entry.msgstr
    ]
    assert not offending, f"{po_path}: mainland wording {offending[:5]}"
