# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every addon ships complete zh_CN and zh_TW translations of its template."""

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
