# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Complete zh_CN and zh_TW translations of ``base_tier_validation``, shipped here.

The admission and grade reviews (PO-3, PO-11, ``partner_onboarding``) and the referral
approvals (RI-6, RI-7, ``referral_incentive``) show base_tier_validation's banner, buttons, comment
dialog and messages. OCA ships an
incomplete zh_CN (82 of 151 terms) and no zh_TW, so Taiwan users read them in English.
Odoo reads a module's translations only from that module's own ``i18n`` folders
(``odoo.tools.translate.get_po_paths``); the ``post_load`` hook adds
``i18n_addons/<module>/<lang>.po`` of this addon after them (a later file wins), for the
code terms (read at run time) and for the model terms (loaded with the module's terms;
``post_init_hook`` loads them into databases whose languages were installed before this
addon).
"""

from contextlib import suppress

from odoo.tools import translate
from odoo.tools.misc import file_path

from odoo.addons.base.models import ir_module
from odoo.addons.mail.models import template_reset_mixin

ADDON = "base_tier_validation_zh"
FOLDER = "i18n_addons"
MODULES = ("base_tier_validation",)


def _get_po_paths(module_name, lang):
    yield from _get_po_paths.original(module_name, lang)
    if module_name in MODULES:
        for filename in translate.get_base_langs(lang):
            with suppress(FileNotFoundError):
                yield file_path(f"{ADDON}/{FOLDER}/{module_name}/{filename}.po")


def post_load():
    if getattr(translate.get_po_paths, "original", None) is None:
        _get_po_paths.original = translate.get_po_paths
        translate.get_po_paths = _get_po_paths
        # The modules that imported it by name: terms loading, mail template reset.
        ir_module.get_po_paths = _get_po_paths
        template_reset_mixin.get_po_paths = _get_po_paths


def post_init_hook(env):
    langs = [code for code, _name in env["res.lang"].get_installed() if code != "en_US"]
    if langs:
        env["ir.module.module"]._load_module_terms(list(MODULES), langs, overwrite=True)
