# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ReferralCommon


@tagged("post_install", "-at_install")
class TestReferralCalendarPoints(ReferralCommon):
    def test_ri6_monthly_reports_activities_and_deadlines(self):
        """RI-6: at the start of a month the reports of the month before are prepared, with
        activities due by the 5th (reports) and the 10th (judged results, at the latest the
        15th); HR sends the PDFs to the general manager, finance and the supervisor; the
        supervisor sends the judged counts and amounts to finance."""
        staff = self._claim(self.user_li, self._won_deal(self.new_customer, won_on="2026-10-12"))
        renewal_lead = self._won_deal(self.old_customer, won_on="2026-10-20")
        self._won_deal(self.old_customer, won_on="2026-01-20")
        renewal = self._claim(
            self.user_chen,
            renewal_lead,
            case="renewal",
            parties=[{"party_type": "consultant", "employee_id": self.emp_chen.id}],
        )
        with freeze_time("2026-10-28 10:00"):
            staff.with_user(self.user_li).action_submit()
            renewal.with_user(self.user_chen).action_submit()
        Month = self.env["referral.month"]
        with freeze_time("2026-11-01 06:00"):
            month = Month._cron_prepare().filtered(lambda m: m.company_id == self.company)
            self.assertFalse(Month._cron_prepare(), "prepared once per month")
        self.assertRecordValues(
            month,
            [
                {
                    "name": "2026-10",
                    "report_deadline": datetime.date(2026, 11, 5),
                    "judged_deadline": datetime.date(2026, 11, 10),
                    "judged_latest_deadline": datetime.date(2026, 11, 15),
                    "state": "open",
                }
            ],
        )
        self.assertEqual(month.staff_claim_ids, staff)
        self.assertEqual(month.list_claim_ids, renewal)
        deadlines = {act.user_id: act.date_deadline for act in month.activity_ids}
        self.assertEqual(
            deadlines,
            {
                self.user_hr: datetime.date(2026, 11, 5),
                self.user_supervisor: datetime.date(2026, 11, 10),
            },
        )
        # The reports render as Chinese PDFs (HTML in tests).
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["referral_incentive"], ["zh_CN"])
        html, _format = (
            self.env["ir.actions.report"]
            .with_context(lang="zh_CN")
            ._render_qweb_html("referral_incentive.action_report_referral_staff", month.ids)
        )
        self.assertIn("内部员工推荐报告", html.decode())
        self.assertIn(staff.name, html.decode())
        with freeze_time("2026-11-04 09:00"):
            with self.assertRaises(AccessError):
                month.with_user(self.user_li).action_send_reports()
            month.with_user(self.user_hr).action_send_reports()
        self.assertEqual(month.state, "reported")
        sent = month.message_ids.filtered("attachment_ids")
        self.assertEqual(len(sent), 2)
        self.assertEqual(
            set(sent.partner_ids.ids),
            set((self.user_gm | self.user_finance | self.user_supervisor).partner_id.ids),
        )
        # Not judged by the 15th: overdue, and the general manager is told.
        with freeze_time("2026-11-16 06:00"):
            self.assertTrue(month.overdue)
            self.assertIn(month, Month.search([("overdue", "=", True)]))
            Month._cron_prepare()
            self.assertIn(self.user_gm, month.activity_ids.user_id)
        with freeze_time("2026-11-16 09:00"):
            month.with_user(self.user_supervisor).write(
                {"judged_count": 2, "judged_amount": 1500.0}
            )
            month.with_user(self.user_supervisor).action_send_judged()
        self.assertEqual(month.state, "judged")
        self.assertFalse(month.activity_ids)
        judged = month.message_ids.filtered(lambda msg: "Judged results" in str(msg.body))
        self.assertEqual(judged.partner_ids, self.user_finance.partner_id)

    def test_ri11_points_follow_brought_by_without_claim(self):
        """RI-11 (corrected), LP-38: reception records that the old customer brought the
        new one: he earns 100 points at once, whether or not the new customer buys, and 100
        per 1,000 of each won deal, once; no employee claim exists or is needed."""
        self.new_customer.with_user(self.user_li).action_record_brought_by(self.old_customer)
        self.assertEqual(self.new_customer.brought_by_id, self.old_customer)
        self.assertEqual(self.old_customer.referral_points, 100)
        self.assertFalse(self.env["referral.claim"].search([]))
        lead = self._won_deal(self.new_customer, amount=25500.0, won_on="2026-11-03")
        self.assertEqual(self.old_customer.referral_points, 100 + 2500)
        lead.write({"stage_id": lead.stage_id.id})
        self.assertEqual(self.old_customer.referral_points, 100 + 2500)
        history = self.old_customer.with_user(self.user_li).referral_points_line_ids
        self.assertEqual(sorted(history.mapped("reason")), ["event", "purchase"])

    def test_ri11_approved_claim_books_no_points(self):
        """RI-11 (corrected): an employee's approved referral claim pays his bonus but books
        no customer points (they follow the brought-by link only); a won deal before the
        link is recorded earns its points when the link is recorded."""
        lead = self._won_deal(self.new_customer, amount=100000.0)
        claim = self._claim(
            self.user_li,
            lead,
            case="customer_referral",
            brought_to_event=True,
            parties=[
                {
                    "party_type": "old_customer",
                    "partner_id": self.old_customer.id,
                    "consultant_id": self.emp_li.id,
                }
            ],
        )
        self._approve(claim)
        self.assertEqual(claim.ledger_line_id.employee_id, self.emp_li)
        self.assertFalse(self.new_customer.brought_by_id)
        self.assertEqual(self.old_customer.referral_points, 0)
        self.new_customer.with_user(self.user_chen).action_record_brought_by(self.old_customer)
        self.assertEqual(self.old_customer.referral_points, 100 + 10000)

    def test_ri11_attacker_brought_by(self):
        """RI-11 attacker: nobody writes the brought-by link directly, nor records it twice
        or to another customer, nor as HR without sales rights; nothing changed."""
        for user in (self.user_li, self.user_manager):
            with self.assertRaises(UserError):
                self.new_customer.with_user(user).write({"brought_by_id": self.old_customer.id})
        with self.assertRaises(AccessError):
            self.new_customer.with_user(self.user_hr).action_record_brought_by(self.old_customer)
        with self.assertRaises(UserError):
            self.new_customer.with_user(self.user_li).action_record_brought_by(self.new_customer)
        self.new_customer.with_user(self.user_li).action_record_brought_by(self.old_customer)
        other = self.env["res.partner"].create({"name": "Other old customer"})
        with self.assertRaises(UserError):
            self.new_customer.with_user(self.user_chen).action_record_brought_by(other)
        self.new_customer.invalidate_recordset()
        self.assertEqual(self.new_customer.brought_by_id, self.old_customer)
        self.assertEqual(other.referral_points, 0)
