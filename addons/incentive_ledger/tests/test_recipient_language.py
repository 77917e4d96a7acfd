# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import IncentiveLedgerCommon

TEXT = "Open the incentive lines of one employee at a time."


@tagged("post_install", "-at_install")
class TestRecipientLanguage(IncentiveLedgerCommon):
    """The rule of the readme ("Languages"): a message is written in the language of the
    people it is addressed to, else of the internal followers, else of the company."""

    def test_message_language_follows_its_readers(self):
        """Addressed people, then internal followers sharing one language, then the
        company's language; a customer following the record does not count."""
        for code in ("zh_CN", "zh_TW"):
            self.env["res.lang"]._activate_lang(code)
        self.user_sales_1.lang = "zh_CN"
        self.user_sales_2.lang = "zh_TW"
        self.user_manager.lang = "en_US"
        self.company.partner_id.lang = "zh_TW"
        customer = self.env["res.partner"].create({"name": "Customer", "lang": "en_US"})
        record = self.env["res.partner"].create({"name": "Document", "company_id": self.company.id})
        record.message_unsubscribe(record.message_partner_ids.ids)
        self.assertEqual(record._suite_lang(), "zh_TW", "nobody follows: the company's")
        record.message_subscribe((self.user_sales_1.partner_id | customer).ids)
        self.assertEqual(record._suite_lang(), "zh_CN", "the one internal follower's")
        record.message_subscribe(self.user_manager.partner_id.ids)
        self.assertEqual(record._suite_lang(), "zh_TW", "followers differ: the company's")
        self.assertEqual(record._suite_lang(self.user_manager.partner_id), "en_US")
        # Posted by a user reading English, addressed to a zh_CN salesperson.
        message = record.with_user(self.user_manager)._suite_message_post(
            lambda env: env._(TEXT), partner_ids=self.user_sales_1.partner_id.ids
        )
        self.assertIn("一次只能打开一名员工的激励明细。", str(message.body))
        self.assertEqual(message.partner_ids, self.user_sales_1.partner_id)
        # A person's language for activities and ledger lines: his user's, else his work
        # contact's (an employee without a user).
        self.assertEqual(record._in_lang_of(self.emp_sales_2).env.lang, "zh_TW")
        self.emp_sales_2.work_contact_id.lang = "zh_CN"
        self.emp_sales_2.user_id = False
        self.assertEqual(record._in_lang_of(self.emp_sales_2).env.lang, "zh_CN")
