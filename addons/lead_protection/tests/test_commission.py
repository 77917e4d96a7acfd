# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import LeadProtectionCommon


@tagged("post_install", "-at_install")
class TestCommission(LeadProtectionCommon):
    def _lp16(self, lead):
        return self.env["employee.incentive.line"].search(
            [
                ("rule_ref", "=", "LP-16"),
                ("source_model", "=", "crm.lead"),
                ("source_res_id", "in", lead.ids),
            ]
        )

    def test_lp16_registrant_wins_and_is_booked_once(self):
        """LP-16: the registrant's won deal books expected revenue x the team's rate once,
        100 % to him (100,000 x 2 % = 2,000)."""
        lead = self._lead(self.user_sales_1)
        self._register(self.user_sales_1, lead)
        lead.with_user(self.user_sales_1).action_set_won()
        line = self._lp16(lead)
        self.assertRecordValues(
            line,
            [
                {
                    "employee_id": self.employees[0].id,
                    "amount": 2000.0,
                    "kind": "credit_share",
                    "source_key": f"lp16:{lead.id}",
                }
            ],
        )
        lead.with_user(self.user_sales_1).action_set_won()
        self.assertEqual(self._lp16(lead), line)

    def test_lp16_unregistered_customer_goes_to_the_deal_salesperson(self):
        """LP-16: no registration holds the customer: the deal's salesperson is booked."""
        lead = self._lead(self.user_sales_3)
        lead.with_user(self.user_sales_3).action_set_won()
        self.assertEqual(self._lp16(lead).employee_id, self.employees[2])

    def test_lp16_lost_cancels_and_won_again_books_anew(self):
        """LP-16: a won deal reopened cancels its commission; won again, it is booked again."""
        lead = self._lead(self.user_sales_1)
        self._register(self.user_sales_1, lead)
        lead.action_set_won()
        first = self._lp16(lead)
        self.assertEqual(first.state, "draft")
        lead.stage_id = self.env["crm.stage"].search([("is_won", "=", False)], limit=1)
        self.assertEqual(first.state, "cancelled")
        lead.action_set_won()
        lines = self._lp16(lead) - first
        self.assertEqual(lines.source_key, f"lp16:{lead.id}:2")
        self.assertEqual(lines.state, "draft")

    def test_lp16_default_rate_is_one_percent(self):
        """LP-16: a new team's rate defaults to 1 % (configurable)."""
        team = self.env["crm.team"].create({"name": "West"})
        self.assertEqual(team.protection_commission_rate, 1.0)

    def test_lp16_attacker_takes_a_registered_customer(self):
        """LP-16 attacker: a salesperson made the deal's salesperson of a customer registered
        by a colleague wins it: nothing is booked, the team's manager decides."""
        lead = self._lead(self.user_sales_1)
        self._register(self.user_sales_1, lead)
        lead.user_id = self.user_sales_2
        lead.with_user(self.user_sales_2).action_set_won()
        self.assertFalse(self._lp16(lead))
        self.assertIn(self.user_manager, lead.activity_ids.user_id)

    def test_lp16_attacker_cannot_book_or_raise_the_rate(self):
        """LP-16 attacker: a salesperson neither books a commission line himself nor changes
        his team's rate; the rate stays and no line exists."""
        lead = self._lead(self.user_sales_1)
        with self.assertRaises(AccessError):
            self.env["employee.incentive.line"].with_user(self.user_sales_1).create(
                {
                    "employee_id": self.employees[0].id,
                    "kind": "credit_share",
                    "amount": 99999.0,
                    "name": "Mine",
                    "source_key": f"lp16:{lead.id}",
                }
            )
        with self.assertRaises(AccessError):
            self.team.with_user(self.user_sales_1).protection_commission_rate = 50.0
        self.assertEqual(self.team.protection_commission_rate, 2.0)
        self.assertFalse(self._lp16(lead))

    def test_lp16_batch_of_won_deals(self):
        """LP-16: deals won at once are booked in a number of queries that does not grow
        with the number of deals (3 and 9 deals cost the same)."""
        won_stage = self.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        small = warm_up = self.env["crm.lead"]
        large = self.env["crm.lead"]
        for index in range(13):
            lead = self._lead(
                self.user_sales_3,
                name=f"Batch {index}",
                phone=f"139000000{index:02d}",
                stage_id=won_stage.id,
            )
            if index == 12:
                warm_up = lead
            elif index < 3:
                small |= lead
            else:
                large |= lead
        self.assertEqual(set((small | large).mapped("won_status")), {"won"})
        self.assertFalse(self._lp16(small | large))
        self._count(warm_up)
        self.assertEqual(self._count(small), self._count(large))
        self.assertEqual(len(self._lp16(small | large)), 12)

    def _count(self, leads):
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        leads._protection_book_won_commission()
        return self.cr.sql_log_count - before


@tagged("post_install", "-at_install")
class TestOrderNumber(LeadProtectionCommon):
    def test_lp25_invalid_number_refuses_the_win(self):
        """LP-25: a deal whose mobile number is not a complete mobile number is not won;
        nothing is written."""
        lead = self._lead(self.user_sales_1, phone="021-6888")
        stage = lead.stage_id
        with self.assertRaises(UserError):
            lead.with_user(self.user_sales_1).action_set_won()
        self.assertEqual(lead.stage_id, stage)
        self.assertNotEqual(lead.won_status, "won")
        lead.phone = "138 0013 8000"
        lead.with_user(self.user_sales_1).action_set_won()
        self.assertEqual(lead.won_status, "won")
        # Without any number: refused for a registered customer only.
        registered = self._lead(self.user_sales_1, phone="13800138111")
        self._register(self.user_sales_1, registered)
        registered.sudo().write({"phone": False})
        with self.assertRaisesRegex(UserError, "LP-25"):
            registered.with_user(self.user_sales_1).action_set_won()
        unregistered = self._lead(self.user_sales_1, phone=False)
        unregistered.with_user(self.user_sales_1).action_set_won()
        self.assertEqual(unregistered.won_status, "won")

    def test_lp25_manager_fines_a_number_not_the_customers_own(self):
        """LP-25: the team's manager records the number is not the customer's own: 200 for
        the deal's salesperson, once per deal."""
        lead = self._lead(self.user_sales_1)
        lead.action_set_won()
        lead.with_user(self.user_manager).action_protection_number_not_own()
        fine = self._ledger("LP-25")
        self.assertEqual(fine.amount, -200.0)
        self.assertEqual(fine.employee_id, self.employees[0])
        with self.assertRaises(UserError):
            lead.with_user(self.user_manager).action_protection_number_not_own()
        self.assertEqual(len(self._ledger("LP-25")), 1)

    def test_lp25_attacker_cannot_fine(self):
        """LP-25 attacker: the salesperson himself or a colleague cannot record the fine
        (against a rival or to get it over with); nothing is booked."""
        lead = self._lead(self.user_sales_1)
        lead.action_set_won()
        for user in (self.user_sales_1, self.user_sales_2):
            with self.assertRaises(UserError):
                lead.with_user(user).action_protection_number_not_own()
        self.assertFalse(self._ledger("LP-25"))
