# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

import psycopg2
from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import IN_TIME, ReferralCommon


@tagged("post_install", "-at_install")
class TestReferralSchemes(ReferralCommon):
    """RI-2: the referral scheme (a) and the new-customer development scheme (b), each with
    its own exclusion list; RI-13: a salesperson's own new-customer development."""

    def _own_deal(self, user, amount=100000.0, won_on="2026-09-15"):
        """A won deal of a new customer whose contacts ``user`` logged himself (RI-12)."""
        lead = self._won_deal(self.new_customer, amount=amount, won_on=won_on, contacts=0)
        activity = lead.activity_schedule(
            "mail.mail_activity_data_call", user_id=user.id, summary="Visit"
        )
        activity.with_user(user).action_feedback(feedback="Visited the plant, sent the offer")
        return lead

    def _own_claim(self, user, lead, **extra):
        return self._claim(user, lead, case="own_development", party_ids=[], **extra)

    def test_ri13_salesperson_own_development_manager_then_hr(self):
        """RI-13, RI-2 (b): a salesperson of the business department, excluded from the
        referral scheme, claims his own new customer under the development scheme with his
        contact history; his manager reviews, HR approves, the tier's bonus is booked."""
        self.emp_li.department_id = self.business
        lead = self._own_deal(self.user_li)
        claim = self._own_claim(self.user_li, lead)
        self.assertEqual(claim.scheme, "development")
        self.assertEqual(claim.beneficiary_id, self.emp_li)
        self.assertEqual(claim.deadline, datetime.date(2026, 10, 9), "RI-7's window")
        self._approve(claim)
        self.assertEqual(claim.state, "approved")
        self.assertEqual(claim.approved_by_id, self.user_hr)
        self.assertEqual(claim.reviewed_by_id, self.user_manager)
        self.assertEqual(claim.ledger_line_id.employee_id, self.emp_li)
        self.assertEqual(claim.ledger_line_id.amount, 1000.0)

    def test_ri13_needs_his_own_contact_history_and_the_development_scheme(self):
        """RI-12, RI-13: contacts logged by someone else prove nothing of his own
        development; own development is never a claim of the referral scheme."""
        lead = self._won_deal(self.new_customer)  # contacts logged by the administrator
        claim = self._own_claim(self.user_li, lead)
        with freeze_time(IN_TIME), self.assertRaisesRegex(UserError, "RI-13"):
            claim.with_user(self.user_li).action_submit()
        self.assertEqual(claim.state, "draft")
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            claim.with_user(self.user_li).write({"scheme": "referral"})
        claim.invalidate_recordset()
        self.assertEqual(claim.scheme, "development")
        other = self._own_deal(self.user_liu)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self._own_claim(self.user_liu, other, scheme="referral")

    def test_ri2_one_deal_pays_under_both_schemes_to_different_employees(self):
        """RI-2: Liu referred the new customer (scheme a, reported by the 5th, RI-6), Li
        developed it (scheme b, RI-7): both are paid, each once."""
        lead = self._own_deal(self.user_li)
        referral = self._claim(
            self.user_liu,
            lead,
            parties=[{"party_type": "internal", "employee_id": self.emp_liu.id}],
        )
        development = self._own_claim(self.user_li, lead)
        self.assertEqual(referral.scheme, "referral")
        self.assertEqual(referral.deadline, datetime.date(2026, 10, 5))
        self._approve(referral)
        self._approve(development)
        lines = (referral | development).ledger_line_id
        self.assertEqual(lines.employee_id, self.emp_li | self.emp_liu)
        self.assertEqual(lines.mapped("amount"), [1000.0, 1000.0])

    def test_ri2_attacker_claims_scheme_a_from_an_excluded_department_or_by_name(self):
        """RI-2 (a): a member of an excluded department, or a consulting manager excluded by
        name, cannot be paid by the referral scheme; he may be by the development scheme,
        which excludes nobody by default."""
        self.emp_liu.department_id = self.business
        lead = self._own_deal(self.user_li)
        claim = self._claim(self.user_liu, lead)
        with freeze_time(IN_TIME), self.assertRaisesRegex(UserError, "RI-2"):
            claim.with_user(self.user_liu).action_submit()
        claim.invalidate_recordset()
        self.assertEqual(claim.state, "draft")
        self.company.referral_excluded_employee_ids = self.emp_chen
        chen = self._claim(self.user_chen, self._own_deal(self.user_chen, won_on="2026-09-16"))
        with freeze_time(IN_TIME), self.assertRaisesRegex(UserError, "by name"):
            chen.with_user(self.user_chen).action_submit()
        self.assertEqual(chen.state, "draft")
        # The same referral under the development scheme (b): all staff qualify.
        claim.with_user(self.user_liu).write({"scheme": "development"})
        with freeze_time(IN_TIME):
            claim.with_user(self.user_liu).action_submit()
        self.assertEqual(claim.state, "submitted")

    def test_ri2_attacker_second_claim_on_the_same_deal_and_scheme(self):
        """RI-2, RI-9: a colleague's second claim of the same scheme on the deal is refused,
        through the ORM and between two workers (PostgreSQL)."""
        lead = self._own_deal(self.user_li)
        self._own_claim(self.user_li, lead)
        with self.assertRaisesRegex(UserError, "RI-9"), self.env.cr.savepoint():
            self._claim(self.user_liu, lead, scheme="development")
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.errors.UniqueViolation):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    'INSERT INTO referral_claim (name, company_id, state, "case", scheme, '
                    "lead_id, employee_id) VALUES ('dup', %s, 'draft', 'staff_referral', "
                    "'development', %s, %s)",
                    (self.company.id, lead.id, self.emp_liu.id),
                )
        self.assertEqual(self.env["referral.claim"].search_count([("lead_id", "=", lead.id)]), 1)

    def test_ri2_attacker_same_employee_under_both_schemes(self):
        """RI-2: Li cannot be paid twice for one deal, once as referrer (a) and once as
        developer (b): refused by the ORM, by PostgreSQL between two workers, and when
        he edits a colleague's parties to name himself."""
        lead = self._own_deal(self.user_li)
        self._claim(self.user_li, lead)  # staff referral (a), Li entitled
        with self.assertRaisesRegex(UserError, "twice"), self.env.cr.savepoint():
            self._own_claim(self.user_li, lead)
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.errors.UniqueViolation):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    'INSERT INTO referral_claim (name, company_id, state, "case", scheme, '
                    "lead_id, employee_id, beneficiary_id) VALUES ('dup', %s, 'draft', "
                    "'own_development', 'development', %s, %s, %s)",
                    (self.company.id, lead.id, self.emp_li.id, self.emp_li.id),
                )
        liu = self._claim(self.user_liu, lead, scheme="development")
        with self.assertRaisesRegex(UserError, "twice"), self.env.cr.savepoint():
            liu.with_user(self.user_liu).write(
                {
                    "party_ids": [
                        (5, 0, 0),
                        (0, 0, {"party_type": "internal", "employee_id": self.emp_li.id}),
                    ]
                }
            )
        liu.invalidate_recordset()
        self.assertEqual(liu.beneficiary_id, self.emp_liu)
        self.assertEqual(self.env["referral.claim"].search_count([("lead_id", "=", lead.id)]), 2)

    def test_ri2_attacker_changes_the_scheme_after_submission(self):
        """RI-2, RI-9: the scheme is frozen once submitted: the applicant, his manager and
        HR cannot move a claim to the other scheme (its exclusion list, its calendar)."""
        claim = self._claim(self.user_li, self._own_deal(self.user_li))
        with freeze_time(IN_TIME):
            claim.with_user(self.user_li).action_submit()
        for user in (self.user_li, self.user_manager, self.user_hr):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                with self.env.cr.savepoint():
                    claim.with_user(user).write({"scheme": "development"})
        claim.invalidate_recordset()
        self.assertEqual((claim.scheme, claim.state), ("referral", "submitted"))
        self.assertEqual(claim.deadline, datetime.date(2026, 10, 5))
