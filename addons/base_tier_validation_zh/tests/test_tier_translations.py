# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import code_translations

from odoo.addons.base_tier_validation_zh import translations


@tagged("post_install", "-at_install")
class TestTierValidationTranslations(TransactionCase):
    """The review screens of PO-3, PO-11 and RI-6, RI-7 (base_tier_validation) in Chinese."""

    def test_po3_po11_review_screens_read_in_mainland_and_taiwan_chinese(self):
        """PO-3, PO-11, RI-6, RI-7: base_tier_validation's field labels, view buttons and
        messages read in zh_CN and in Taiwan wording in zh_TW, from the files this addon
        ships, also the terms OCA leaves untranslated (its zh_CN has no translation of the
        banner)."""
        langs = ["zh_CN", "zh_TW"]
        for lang in langs:
            self.env["res.lang"]._activate_lang(lang)
        translations.post_init_hook(self.env)
        reviewer = self.env["ir.model.fields"]._get("tier.review", "reviewer_id")
        banner = "%(icon)s This %(model_name)s needs to be validated"
        expected = {
            "zh_CN": ("审批人", "%(icon)s 此%(model_name)s需要审批"),
            "zh_TW": ("審核人", "%(icon)s 此%(model_name)s需要審核"),
        }
        for lang, (label, message) in expected.items():
            with self.subTest(lang=lang):
                self.assertEqual(reviewer.with_context(lang=lang).field_description, label)
                python = code_translations.get_python_translations("base_tier_validation", lang)
                self.assertEqual(python.get(banner), message)
        view = self.env.ref("base_tier_validation.tier_validation_label")
        self.assertIn("核准", view.with_context(lang="zh_TW").arch_db)
        self.assertIn("批准", view.with_context(lang="zh_CN").arch_db)
