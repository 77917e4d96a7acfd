# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .common import ReferralCommon


@tagged("post_install", "-at_install")
class TestReferralUi(HttpCase, ReferralCommon):
    def test_ri7_claim_submitted_reviewed_approved_in_the_browser(self):
        """RI-7, RI-5, in a real browser and in Chinese: the salesperson submits his claim,
        his manager validates the first tier in the review banner, HR the last one; the
        bonus of the tier is on the ledger, approved."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["base_tier_validation", "referral_incentive"], ["zh_CN"]
        )
        (self.user_li | self.user_manager | self.user_hr).lang = "zh_CN"
        # Won today: the application window of this quarter is open in the browser's time.
        today = self.env.company._suite_today()
        lead = self._won_deal(self.new_customer, amount=100000.0, won_on=today.isoformat())
        claim = self._claim(self.user_li, lead)
        self.start_tour(
            f"/odoo/referral.claim/{claim.id}", "referral_incentive_submit_tour", login="ri_li"
        )
        self.assertEqual(claim.state, "submitted")
        self.start_tour(
            f"/odoo/referral.claim/{claim.id}", "referral_incentive_review_tour", login="ri_manager"
        )
        self.assertEqual(claim.state, "reviewed")
        self.assertEqual(claim.reviewed_by_id, self.user_manager)
        self.start_tour(
            f"/odoo/referral.claim/{claim.id}", "referral_incentive_review_tour", login="ri_hr"
        )
        self.assertEqual(claim.state, "approved")
        self.assertRecordValues(
            claim.ledger_line_id,
            [
                {
                    "employee_id": self.emp_li.id,
                    "kind": "bonus",
                    "amount": 1000.0,
                    "state": "approved",
                    "rule_ref": "RI-5",
                }
            ],
        )
