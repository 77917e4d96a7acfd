# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import LeadProtectionCommon


@tagged("post_install", "-at_install")
class TestLateClaim(LeadProtectionCommon):
    def _sold_by_other(self, sale_day):
        """Li Na registered the customer; Liu Yang books the sale on ``sale_day``."""
        # LP-19: the claim is proved by the follow-up sheet valid on the sale date.
        with freeze_time("2026-11-01 09:00"):
            self._register(self.user_sales_1, self._lead(self.user_sales_1), self.kind_follow_up)
        with freeze_time(f"{sale_day} 10:00"):
            deal = self._lead(self.user_sales_2, name="Booked by Liu")
            deal.action_set_won()
        return deal

    def test_lp10_claim_within_seven_days_gives_full_credit(self):
        """LP-10: claimed within 7 days: full credit to the original salesperson; the
        manager's approval books the commission (2% of 100,000)."""
        deal = self._sold_by_other("2026-11-02")
        with freeze_time("2026-11-09 10:00"):
            deal.with_user(self.user_sales_1).action_protection_claim()
        claim = self.env["lead.protection.claim"].search([("lead_id", "=", deal.id)])
        self.assertRecordValues(
            claim, [{"outcome": "full", "claimant_share": 100.0, "booker_share": 0.0}]
        )
        with self.assertRaises(UserError):
            claim.with_user(self.user_sales_1).action_approve()
        claim.with_user(self.user_manager).action_approve()
        line = self._ledger("LP-10")
        self.assertEqual((line.employee_id, line.amount), (self.employees[0], 2000.0))

    def test_lp10_half_late_and_month_end(self):
        """LP-10: 8 to 15 days: half each; later refused; never across months; in the
        last 3 days of a month only same-day sales."""
        deal = self._sold_by_other("2026-11-02")
        with freeze_time("2026-11-12 10:00"):
            claim = self.env["lead.protection.claim"].with_user(self.user_sales_1)._submit(deal)
        self.assertEqual((claim.claimant_share, claim.booker_share), (50.0, 50.0))
        claim.sudo().unlink()
        with freeze_time("2026-11-18 10:00"), self.assertRaisesRegex(UserError, "Too late"):
            deal.with_user(self.user_sales_1).action_protection_claim()
        with freeze_time("2026-12-01 10:00"), self.assertRaisesRegex(UserError, "month end"):
            deal.with_user(self.user_sales_1).action_protection_claim()

    def test_lp10_sale_and_claim_days_are_company_days_across_midnight(self):
        """LP-3, LP-10: a sale booked at 01:00 on 1 December in Shanghai (30 November in UTC
        and for a salesperson set in Brussels) belongs to December: claimed on 1 December it
        is not refused as a claim across months, and gets full credit."""
        self.company.partner_id.tz = "Asia/Shanghai"
        self.user_sales_1.tz = "Europe/Brussels"
        with freeze_time("2026-11-20 09:00"):
            self._register(self.user_sales_1, self._lead(self.user_sales_1), self.kind_follow_up)
        with freeze_time("2026-11-30 17:00"):
            deal = self._lead(self.user_sales_2, name="Booked by Liu")
            deal.action_set_won()
        with freeze_time("2026-12-01 10:00"):
            claim = self.env["lead.protection.claim"].with_user(self.user_sales_1)._submit(deal)
        self.assertRecordValues(
            claim,
            [
                {
                    "sale_date": date(2026, 12, 1),
                    "claim_date": date(2026, 12, 1),
                    "outcome": "full",
                }
            ],
        )

    def test_lp10_claim_across_month_end_in_company_time_is_refused(self):
        """LP-3, LP-10 (attacker): a claim made at 00:30 on 1 December in Shanghai on a
        November sale is refused, even by a salesperson whose own clock still says 30
        November."""
        self.company.partner_id.tz = "Asia/Shanghai"
        self.user_sales_1.tz = "Pacific/Honolulu"
        deal = self._sold_by_other("2026-11-30")
        with freeze_time("2026-11-30 16:30"), self.assertRaisesRegex(UserError, "month end"):
            deal.with_user(self.user_sales_1).action_protection_claim()
        self.assertFalse(self.env["lead.protection.claim"].search([("lead_id", "=", deal.id)]))

    def test_lp10_month_end_freeze(self):
        """LP-10: on the 28th of November only a sale of the same day can be claimed."""
        deal = self._sold_by_other("2026-11-26")
        with freeze_time("2026-11-28 10:00"), self.assertRaisesRegex(UserError, "same-day"):
            deal.with_user(self.user_sales_1).action_protection_claim()

    def test_lp10_only_the_registered_salesperson_claims(self):
        """LP-10: someone who never registered the customer has nothing to claim."""
        deal = self._sold_by_other("2026-11-02")
        with freeze_time("2026-11-03 10:00"), self.assertRaisesRegex(UserError, "never"):
            deal.with_user(self.user_sales_3).action_protection_claim()


@tagged("post_install", "-at_install")
class TestReceptionRotation(LeadProtectionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_receptionist = new_test_user(
            cls.env,
            login="lp_reception",
            name="Reception Sun",
            groups="sales_team.group_sale_salesman",
        )
        cls.rotation = cls.env["lead.protection.rotation"].create(
            {
                "team_id": cls.team.id,
                "receptionist_ids": [(6, 0, cls.user_receptionist.ids)],
                "line_ids": [
                    (0, 0, {"sequence": i, "user_id": user.id})
                    for i, user in enumerate((cls.user_sales_1, cls.user_sales_2, cls.user_sales_3))
                ],
            }
        )

    def _walk_in(self, **values):
        wizard = (
            self.env["lead.protection.walk.in"]
            .with_user(self.user_receptionist)
            .create(dict({"rotation_id": self.rotation.id, "contact_name": "Walk-in"}, **values))
        )
        action = wizard.action_receive()
        return self.env["crm.lead"].browse(action["lead_id"]).user_id

    def test_lp15_turns_skip_make_up_and_lose(self):
        """LP-15: customers are received in turn; a busy salesperson's turn is made up, an
        absent one's is lost."""
        _line_1, line_2, line_3 = self.rotation.line_ids.sorted("sequence")
        self.assertEqual(self._walk_in(), self.user_sales_1)
        line_2.with_user(self.user_receptionist).action_set_busy()
        line_3.with_user(self.user_receptionist).action_set_absent()
        self.assertEqual(self._walk_in(), self.user_sales_1)
        self.assertTrue(line_2.owed)
        line_2.with_user(self.user_receptionist).action_set_available()
        self.assertEqual(self._walk_in(), self.user_sales_2)  # the skipped turn, made up
        self.assertFalse(line_2.owed)
        self.assertEqual(self._walk_in(), self.user_sales_2)  # then its turn of this round
        self.assertEqual(self._walk_in(), self.user_sales_1)  # Chen Jing, absent, lost hers

    def test_lp15_named_and_known_customers_use_no_turn(self):
        """LP-15: a customer naming a salesperson goes to him; a customer of a company
        already registered goes to its first receiver; neither uses a turn."""
        self._register(
            self.user_sales_3, self._lead(self.user_sales_3, partner_name="宏达机械有限公司")
        )
        self.assertEqual(self._walk_in(named_user_id=self.user_sales_2.id), self.user_sales_2)
        self.assertEqual(self._walk_in(partner_name="宏达机械"), self.user_sales_3)
        self.assertEqual(self._walk_in(), self.user_sales_1)
