# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .common import PartnerOnboardingCommon


@tagged("post_install", "-at_install")
class TestPartnerOnboardingUi(HttpCase, PartnerOnboardingCommon):
    def test_po3_po11_partner_admitted_and_graded_in_the_browser(self):
        """PO-1, PO-3, PO-4, PO-11, in a real browser and in Chinese: the introducing unit
        submits the application, the central office grades the partner B and validates its
        tier review (admitted); the introducing unit proposes A, the central office and the
        market development department, two different people, validate their reviews: the
        partner is graded A, both approvals recorded."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["base_tier_validation", "incentive_ledger", "partner_onboarding"], ["zh_CN"]
        )
        (self.user_intro | self.user_central | self.user_market).lang = "zh_CN"
        application = self._application()
        # As uploaded in the form: each document belongs to its item, so that whoever reads
        # the application reads them.
        for line in application.line_ids:
            line.attachment_ids.write({"res_model": line._name, "res_id": line.id})
        self.start_tour(
            f"/odoo/partner.onboarding.application/{application.id}",
            "partner_onboarding_submit_tour",
            login="po_intro",
        )
        self.assertEqual(application.state, "submitted")
        self.assertEqual(self.partner.onboarding_state, "pending")
        self.start_tour(
            f"/odoo/partner.onboarding.application/{application.id}",
            "partner_onboarding_admit_tour",
            login="po_central",
        )
        self.assertRecordValues(
            application, [{"state": "approved", "grade": "b", "reviewer_id": self.user_central.id}]
        )
        self.assertEqual(application.review_ids.mapped("status"), ["approved"])
        self.assertEqual(application.review_ids.done_by, self.user_central)
        self.assertRecordValues(
            self.partner,
            [
                {
                    "onboarding_state": "admitted",
                    "onboarding_grade": "b",
                    "onboarding_user_id": self.user_intro.id,
                }
            ],
        )

        change = self.Change.with_user(self.user_intro).create(
            {"partner_id": self.partner.id, "new_grade": "a", "reason": "bid_won"}
        )
        url = f"/odoo/partner.onboarding.grade.change/{change.id}"
        self.start_tour(url, "partner_onboarding_grade_review_tour", login="po_central")
        self.assertRecordValues(
            change, [{"state": "proposed", "central_user_id": self.user_central.id}]
        )
        self.assertEqual(self.partner.onboarding_grade, "b")
        self.start_tour(url, "partner_onboarding_grade_review_tour", login="po_market")
        self.assertRecordValues(
            change,
            [
                {
                    "state": "approved",
                    "old_grade": "b",
                    "new_grade": "a",
                    "central_user_id": self.user_central.id,
                    "market_user_id": self.user_market.id,
                }
            ],
        )
        self.assertEqual(
            set(change.review_ids.mapped("done_by").ids),
            {self.user_central.id, self.user_market.id},
        )
        self.assertEqual(self.partner.onboarding_grade, "a")
