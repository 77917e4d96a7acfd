# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

import psycopg2
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import IN_TIME, LATE, ReferralCommon


@tagged("post_install", "-at_install")
class TestReferralClaim(ReferralCommon):
    def test_ri7_employee_manager_hr_flow_books_the_bonus(self):
        """RI-7: the employee applies within the window, his manager reviews, HR approves;
        the bonus lands on the ledger for the next payday of his group (RI-6), RI-5 tier."""
        lead = self._won_deal(self.new_customer, amount=100000.0)
        claim = self._claim(self.user_li, lead)
        self.assertEqual(claim.beneficiary_id, self.emp_li)
        # RI-2 (a), RI-6: an internal-staff referral is reported by the 5th of next month.
        self.assertEqual(claim.scheme, "referral")
        self.assertEqual(claim.deadline, datetime.date(2026, 10, 5))
        with freeze_time(IN_TIME):
            claim.with_user(self.user_li).action_submit()
            self.assertEqual(claim.state, "submitted")
            review = claim.activity_ids.filtered(lambda act: act.user_id == self.user_manager)
            self.assertTrue(review, "the manager gets an activity to review")
            with self.assertRaises(AccessError):
                claim.with_user(self.user_li).action_approve()
            with self.assertRaises(AccessError):
                claim.with_user(self.user_other_manager).action_review()
            claim.with_user(self.user_manager).action_review()
            self.assertEqual(claim.state, "reviewed")
            self.assertEqual(claim.activity_ids.user_id, self.user_hr)
            with self.assertRaises(AccessError):
                claim.with_user(self.user_manager).action_approve()
            claim.with_user(self.user_hr).action_approve()
        self.assertEqual(claim.state, "approved")
        line = claim.ledger_line_id
        self.assertRecordValues(
            line,
            [
                {
                    "employee_id": self.emp_li.id,
                    "kind": "bonus",
                    "amount": 1000.0,
                    "state": "approved",
                    "rule_ref": "RI-5",
                    "date": datetime.date(2026, 10, 10),
                }
            ],
        )
        # The employee sees his bonus line; approving twice is refused, nothing booked twice.
        self.assertEqual(line.with_user(self.user_li).amount, 1000.0)
        with self.assertRaises(UserError):
            claim.with_user(self.user_hr).action_approve()

    def test_ri6_travelling_staff_are_paid_on_the_20th(self):
        """RI-6: long-term travelling staff are paid by the 20th."""
        self.emp_li.referral_pay_group = "travelling"
        claim = self._approve(self._claim(self.user_li, self._won_deal(self.new_customer)))
        self.assertEqual(claim.ledger_line_id.date, datetime.date(2026, 10, 20))

    def test_ri7_late_application_is_refused(self):
        """RI-7: after seven working days past the quarter, the application of the
        development scheme (RI-2 b) is refused; RI-6: an internal-staff referral of the
        referral scheme is late after the 5th of the next month."""
        claim = self._claim(self.user_li, self._won_deal(self.new_customer), scheme="development")
        self.assertEqual(claim.deadline, datetime.date(2026, 10, 9))
        with freeze_time("2026-10-07 10:00"):
            self.assertFalse(claim._problems(datetime.date(2026, 10, 7)))
        staff = self._claim(self.user_liu, self._won_deal(self.old_customer, won_on="2026-09-20"))
        with freeze_time("2026-10-07 10:00"), self.assertRaisesRegex(UserError, "RI-6"):
            staff.with_user(self.user_liu).action_submit()
        with freeze_time(LATE), self.assertRaisesRegex(UserError, "late"):
            claim.with_user(self.user_li).action_submit()
        self.assertEqual(claim.state, "draft")

    def test_ri7_contract_and_process_are_required(self):
        """RI-7: the application holds the process and a copy of the contract."""
        claim = self._claim(self.user_li, self._won_deal(self.new_customer))
        claim.contract_attachment_ids = False
        with freeze_time(IN_TIME), self.assertRaisesRegex(UserError, "contract"):
            claim.with_user(self.user_li).action_submit()

    def test_ri12_no_logged_contact_no_claim(self):
        """RI-12: every contact with the new customer is on the CRM record: a claim on a
        deal without logged contacts cannot be submitted."""
        claim = self._claim(self.user_li, self._won_deal(self.new_customer, contacts=0))
        self.assertEqual(claim.contact_count, 0)
        with freeze_time(IN_TIME), self.assertRaisesRegex(UserError, "RI-12"):
            claim.with_user(self.user_li).action_submit()

    def test_ri3_inspection_firm_means_no_bonus(self):
        """RI-3: any inspection/notary firm involved: no bonus at all."""
        claim = self._claim(
            self.user_li,
            self._won_deal(self.new_customer),
            parties=[
                {"party_type": "internal", "employee_id": self.emp_li.id},
                {"party_type": "inspection", "partner_id": self.inspection_firm.id},
            ],
        )
        self.assertFalse(claim.beneficiary_id)
        self.assertEqual(claim.no_bonus_reason, "inspection_involved")
        self.assertEqual(claim.amount, 0.0)
        with freeze_time(IN_TIME), self.assertRaisesRegex(UserError, "RI-3"):
            claim.with_user(self.user_li).action_submit()

    def test_ri3_buyer_linked_to_a_consultant_pays_the_consultant(self):
        """RI-3: a buyer linked to a consultant outranks internal staff: the consultant
        earns the bonus, not the staff member who filed the claim."""
        claim = self._claim(
            self.user_li,
            self._won_deal(self.new_customer),
            parties=[
                {"party_type": "internal", "employee_id": self.emp_li.id},
                {
                    "party_type": "buyer",
                    "partner_id": self.buyer.id,
                    "consultant_id": self.emp_chen.id,
                },
            ],
        )
        self.assertEqual(claim.beneficiary_id, self.emp_chen)
        self._approve(claim)
        self.assertEqual(claim.ledger_line_id.employee_id, self.emp_chen)

    def test_ri2_shareholders_and_the_business_department_get_nothing(self):
        """RI-2: shareholders and the business department (whose job it is) are excluded."""
        self.emp_li.referral_shareholder = True
        claim = self._claim(self.user_li, self._won_deal(self.new_customer))
        with freeze_time(IN_TIME), self.assertRaisesRegex(UserError, "shareholder"):
            claim.with_user(self.user_li).action_submit()
        self.emp_li.referral_shareholder = False
        self.emp_li.department_id = self.business
        with freeze_time(IN_TIME), self.assertRaisesRegex(UserError, "RI-2"):
            claim.with_user(self.user_li).action_submit()
        # The shareholder flag is HR's business.
        with self.assertRaises(AccessError):
            self.emp_li.with_user(self.user_li).read(["referral_shareholder"])

    def test_ri4_ri1_old_customer_is_no_new_customer_but_may_renew(self):
        """RI-4: a customer whose first deal was in an earlier quarter is not new: no staff
        referral bonus; RI-1 (a): its renewal through a consultant is a case of its own."""
        self._won_deal(self.old_customer, won_on="2026-03-10")
        lead = self._won_deal(self.old_customer, amount=600000.0)
        claim = self._claim(self.user_li, lead)
        with freeze_time(IN_TIME), self.assertRaisesRegex(UserError, "not a new customer"):
            claim.with_user(self.user_li).action_submit()
        claim.unlink()
        renewal = self._claim(
            self.user_chen,
            lead,
            case="renewal",
            parties=[{"party_type": "consultant", "employee_id": self.emp_chen.id}],
        )
        self._approve(renewal)
        self.assertEqual(renewal.ledger_line_id.amount, 2000.0)
        # A renewal needs an old customer.
        renewal_of_new = self._claim(
            self.user_chen,
            self._won_deal(self.new_customer),
            case="renewal",
            parties=[{"party_type": "consultant", "employee_id": self.emp_chen.id}],
        )
        with freeze_time(IN_TIME), self.assertRaisesRegex(UserError, "not a renewal"):
            renewal_of_new.with_user(self.user_chen).action_submit()

    def test_ri1_a_claim_names_the_party_of_its_case(self):
        """RI-1: a referral by an old customer names that old customer."""
        claim = self._claim(
            self.user_li, self._won_deal(self.new_customer), case="customer_referral"
        )
        with freeze_time(IN_TIME), self.assertRaisesRegex(UserError, "RI-1"):
            claim.with_user(self.user_li).action_submit()

    def test_ri5_tiers_are_configuration_with_inclusive_bounds(self):
        """RI-5: 500,000 is in the middle tier, above it the top tier; tiers are data."""
        middle = self._claim(self.user_li, self._won_deal(self.new_customer, amount=500000.0))
        self.assertEqual(middle.tier_bonus, 1000.0)
        other = self.env["res.partner"].create({"name": "Nanhai Port", "is_company": True})
        top = self._claim(self.user_liu, self._won_deal(other, amount=500000.01))
        self.assertEqual(top.tier_bonus, 2000.0)
        self.env.ref("referral_incentive.tier_above_500k").bonus = 2500.0
        self._approve(top)
        self.assertEqual(top.ledger_line_id.amount, 2500.0)

    def test_ri5_uplift_for_special_customers_by_the_approver_with_a_reason(self):
        """RI-5: special customers may get an uplift, entered by the approver with a reason."""
        claim = self._claim(self.user_li, self._won_deal(self.new_customer))
        with freeze_time(IN_TIME):
            claim.with_user(self.user_li).action_submit()
        with self.assertRaises(UserError):
            claim.with_user(self.user_li).write({"uplift": 500.0, "uplift_reason": "Mine"})
        with self.assertRaisesRegex(UserError, "special"):
            claim.with_user(self.user_manager).write({"uplift": 500.0, "uplift_reason": "Big"})
        self.new_customer.category_id = self.env.ref("referral_incentive.partner_tag_special")
        with self.assertRaises(ValidationError):
            claim.with_user(self.user_manager).write({"uplift": 500.0})
        claim.with_user(self.user_manager).write(
            {"uplift": 500.0, "uplift_reason": "Industry leader in the province"}
        )
        self.assertEqual(claim.amount, 1500.0)
        with freeze_time(IN_TIME):
            claim.with_user(self.user_manager).action_review()
            claim.with_user(self.user_hr).action_approve()
        self.assertEqual(claim.ledger_line_id.amount, 1500.0)

    def test_ri8_fraud_cancels_unpaid_and_reclaims_paid_bonuses(self):
        """RI-8: fraud cancels an unpaid bonus; a paid one is taken back on the next payslip."""
        unpaid = self._approve(self._claim(self.user_li, self._won_deal(self.new_customer)))
        other = self.env["res.partner"].create({"name": "Jinan Trading", "is_company": True})
        paid = self._approve(self._claim(self.user_liu, self._won_deal(other)))
        paid.ledger_line_id.sudo()._mark_paid()
        with self.assertRaises(AccessError):
            unpaid.with_user(self.user_manager)._cancel_fraud("Fake contract")
        wizard = (
            self.env["referral.claim.reason"]
            .with_user(self.user_hr)
            .create(
                {
                    "claim_ids": [(6, 0, (unpaid | paid).ids)],
                    "mode": "fraud",
                    "reason": "The contract was forged",
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual((unpaid | paid).mapped("state"), ["cancelled", "cancelled"])
        self.assertEqual(unpaid.ledger_line_id.state, "cancelled")
        self.assertEqual(paid.ledger_line_id.state, "cancelled")
        reversal = paid.ledger_line_id.reversal_line_ids
        self.assertRecordValues(
            reversal,
            [{"employee_id": self.emp_liu.id, "amount": -1000.0, "state": "approved"}],
        )

    def test_ri9_neither_the_bonus_nor_the_customer_can_be_transferred(self):
        """RI-9: once submitted, the applicant, deal and parties are frozen; the deal cannot
        be claimed a second time by somebody else; the ledger line keeps its employee."""
        lead = self._won_deal(self.new_customer)
        claim = self._claim(self.user_li, lead)
        with freeze_time(IN_TIME):
            claim.with_user(self.user_li).action_submit()
        with self.assertRaisesRegex(UserError, "RI-9"):
            claim.with_user(self.user_hr).write({"employee_id": self.emp_liu.id})
        with self.assertRaisesRegex(UserError, "RI-9"):
            claim.with_user(self.user_li).write(
                {"party_ids": [(0, 0, {"party_type": "internal", "employee_id": self.emp_liu.id})]}
            )
        with self.assertRaisesRegex(UserError, "RI-9"):
            self._claim(self.user_liu, lead)
        # Two workers at once: PostgreSQL keeps one claim per deal and scheme (RI-2).
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.errors.UniqueViolation):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    'INSERT INTO referral_claim (name, company_id, state, "case", scheme, '
                    "lead_id, employee_id) VALUES ('dup', %s, 'draft', 'staff_referral', "
                    "'referral', %s, %s)",
                    (self.company.id, lead.id, self.emp_liu.id),
                )
        self._approve_reviewed(claim)
        with self.assertRaises(UserError):
            claim.ledger_line_id.with_user(self.user_hr).employee_id = self.emp_liu
        claim.ledger_line_id.invalidate_recordset()
        self.assertEqual(claim.ledger_line_id.employee_id, self.emp_li)

    def _approve_reviewed(self, claim):
        with freeze_time(IN_TIME):
            claim.with_user(self.user_manager).action_review()
            claim.with_user(self.user_hr).action_approve()

    def test_ri10_a_leavers_customer_becomes_a_company_resource(self):
        """RI-10: when the entitled employee leaves, his customer earns nobody a later bonus."""
        self._approve(self._claim(self.user_li, self._won_deal(self.new_customer)))
        self.emp_li.with_user(self.user_hr).action_archive()
        self.assertTrue(self.new_customer.referral_company_resource)
        next_deal = self._won_deal(self.new_customer, amount=200000.0, won_on="2026-09-20")
        renewal = self._claim(
            self.user_chen,
            next_deal,
            case="renewal",
            parties=[{"party_type": "consultant", "employee_id": self.emp_chen.id}],
        )
        with freeze_time(IN_TIME), self.assertRaisesRegex(UserError, "RI-10"):
            renewal.with_user(self.user_chen).action_submit()

    def test_ri10_pending_claim_of_a_leaver_is_not_approved(self):
        """RI-10: a leaver's claim still under review cannot be approved any more."""
        claim = self._claim(self.user_li, self._won_deal(self.new_customer))
        with freeze_time(IN_TIME):
            claim.with_user(self.user_li).action_submit()
            claim.with_user(self.user_manager).action_review()
        self.emp_li.with_user(self.user_hr).action_archive()
        with freeze_time(IN_TIME), self.assertRaisesRegex(UserError, "RI-10"):
            claim.with_user(self.user_hr).action_approve()
        self.assertFalse(claim.ledger_line_id)

    def test_visibility_own_team_and_hr(self):
        """Employees see their own claims, managers their team's, HR all."""
        claim = self._claim(self.user_li, self._won_deal(self.new_customer))
        Claim = self.env["referral.claim"]
        self.assertFalse(Claim.with_user(self.user_liu).search([("id", "=", claim.id)]))
        with self.assertRaises(AccessError):
            claim.with_user(self.user_liu).read(["amount"])
        self.assertEqual(Claim.with_user(self.user_manager).search([("id", "=", claim.id)]), claim)
        self.assertFalse(Claim.with_user(self.user_other_manager).search([("id", "=", claim.id)]))
        self.assertEqual(Claim.with_user(self.user_hr).search([("id", "=", claim.id)]), claim)

    def _reviewed_claims(self, count, prefix):
        claims = self.env["referral.claim"]
        for index in range(count):
            partner = self.env["res.partner"].create(
                {"name": f"{prefix} {index}", "is_company": True}
            )
            lead = self._won_deal(partner, amount=50000.0 * (index + 1))
            claims |= self._claim(self.user_li, lead)
        with freeze_time(IN_TIME):
            claims.with_user(self.user_li).action_submit()
            claims.with_user(self.user_manager).action_review()
        return claims

    def test_batch_approval_query_count(self):
        """HR approves a batch of claims in a number of queries that does not grow with
        the batch (RI-7)."""
        with freeze_time(IN_TIME):  # warm the caches
            self._reviewed_claims(1, "Warm").with_user(self.user_hr).action_approve()
        counts = []
        for claims in (self._reviewed_claims(3, "Small"), self._reviewed_claims(10, "Large")):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            with freeze_time(IN_TIME):
                claims.with_user(self.user_hr).action_approve()
            counts.append(self.env.cr.sql_log_count - before)
        self.assertLessEqual(counts[1], counts[0], counts)
        self.assertEqual(len(claims.ledger_line_id), 10)
        self.assertEqual(sum(claims.ledger_line_id.mapped("amount")), 500 + 9 * 1000)
        more = self._reviewed_claims(5, "More")
        self.env.invalidate_all()
        # The tier validation (RI-7), the schemes' exclusion lists (RI-2) and the
        # beneficiaries' languages (the ledger lines are named in each one's) add a constant
        # handful of queries, not one per claim.
        with freeze_time(IN_TIME), self.assertQueryCount(40):
            more.with_user(self.user_hr).action_approve()

    def test_views_open_for_every_role(self):
        """Employees, managers and HR open the claim views and read every field they show;
        the partner and employee forms open with the referral fields."""
        claim = self._approve(self._claim(self.user_li, self._won_deal(self.new_customer)))
        for user in (self.user_li, self.user_manager, self.user_hr):
            Claim = self.env["referral.claim"].with_user(user)
            views = Claim.get_views(
                [(False, kind) for kind in ("list", "form", "kanban", "pivot", "graph", "search")]
            )
            shown = list(views["models"]["referral.claim"]["fields"])
            record = Claim.browse(claim.id)
            self.assertEqual(record.read(shown)[0]["amount"], 1000.0)
            partner_views = self.env["res.partner"].with_user(user).get_views([(False, "form")])
            self.assertIn("referral_points", partner_views["models"]["res.partner"]["fields"])
        hr_views = self.env["hr.employee"].with_user(self.user_hr).get_views([(False, "form")])
        self.assertIn("referral_shareholder", hr_views["models"]["hr.employee"]["fields"])
