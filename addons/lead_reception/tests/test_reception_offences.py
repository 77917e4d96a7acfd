# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import LeadReceptionCommon


@tagged("post_install", "-at_install")
class TestReceptionOffences(LeadReceptionCommon):
    def _report(self, rule, offender, manager=None, **extra):
        vals = {
            "rule": rule,
            "offender_id": offender.id,
            "team_id": self.team.id,
            "note": "Seen by the manager.",
        }
        vals.update(extra)
        return (
            self.env["lead.reception.offence"].with_user(manager or self.user_manager).create(vals)
        )

    def test_fines_through_the_catalogue(self):
        """LP-27 (50 per visitor), LP-28 (100), LP-37 (100), LP-44 (300): the team's manager
        reports and confirms; the fine catalogue records one occurrence per visitor and books
        its amounts, which the company sets on the fine types."""
        self.env.ref("incentive_ledger.fine_type_lp27_no_visit_entry").amount = 60.0
        cases = (
            ("LP-27", {"visitor_count": 3}, [-60.0, -60.0, -60.0]),
            ("LP-28", {}, [-100.0]),
            ("LP-37", {}, [-100.0]),
            ("LP-44", {}, [-300.0]),
        )
        for rule, extra, amounts in cases:
            offence = self._report(rule, self.user_sales_1, **extra)
            offence.with_user(self.user_manager).action_confirm()
            lines = self._ledger(rule)
            self.assertEqual(lines.mapped("amount"), amounts, rule)
            self.assertEqual(lines.employee_id.user_id, self.user_sales_1)
            self.assertEqual(set(lines.mapped("kind")), {"penalty"})
            self.assertEqual(offence.amount, -sum(amounts))
            recorded = self.env["incentive.offence"].search(
                [("source_model", "=", offence._name), ("source_res_id", "=", offence.id)]
            )
            self.assertEqual(len(recorded), len(amounts))

    def test_fines_attacker(self):
        """Attacker: a salesperson reports, another team's manager or the offender confirms,
        the manager writes the amount: refused, nothing booked."""
        with self.assertRaises(AccessError):
            self._report("LP-44", self.user_sales_2, manager=self.user_sales_1)
        with self.assertRaises(UserError):
            self._report("LP-44", self.user_sales_2, manager=self.user_manager_2)
        offence = self._report("LP-44", self.user_sales_2)
        with self.assertRaises(UserError):
            offence.with_user(self.user_manager).write({"amount": 1.0})
        with self.assertRaises(UserError):
            offence.with_user(self.user_manager_2).action_confirm()
        with self.assertRaises(UserError):
            offence.with_user(self.user_sales_2).action_confirm()
        self.assertEqual(offence.state, "draft")
        self.assertFalse(self._ledger("LP-44"))

    def _visit_and_order(self, order_phone):
        visit = self._enter(self.user_sales_1)
        action = visit.with_user(self.user_sales_1).action_create_opportunity()
        lead = self.env["crm.lead"].browse(action["res_id"])
        lead.with_user(self.user_sales_1).write({"phone": order_phone})
        lead.with_user(self.user_sales_1).action_set_won()
        return visit, lead

    def test_lp30_reconciled_same_day_no_fine(self):
        """LP-30: the order's salesperson adds the order's number the same day: no fine."""
        with freeze_time("2026-03-31 15:30:00"):  # 23:30 on the month's last day
            visit, lead = self._visit_and_order("13900139555")
            lead.with_user(self.user_sales_1).action_reception_add_order_phone()
        self.assertEqual(visit.extra_phone, "+8613900139555")
        self.assertEqual(visit.extra_phone_by_id, self.user_sales_1)
        with freeze_time("2026-03-31 16:30:00"):  # 00:30 on 1 April
            self.env["crm.lead"]._cron_reception_reconcile()
        self.assertFalse(self._ledger("LP-30"))

    def test_lp30_not_reconciled_fined_once(self):
        """LP-30: not added by the end of the sale day (company time): fined 100, once."""
        with freeze_time("2026-03-31 15:30:00"):
            _visit, lead = self._visit_and_order("13900139555")
            self.env["crm.lead"]._cron_reception_reconcile()  # same day: not yet
        self.assertFalse(self._ledger("LP-30"))
        with freeze_time("2026-03-31 16:30:00"):
            self.env["crm.lead"]._cron_reception_reconcile()
            self.env["crm.lead"]._cron_reception_reconcile()
        line = self._ledger("LP-30")
        self.assertEqual(line.amount, -100.0)
        self.assertEqual(line.employee_id.user_id, self.user_sales_1)
        self.assertEqual(lead.user_id, self.user_sales_1)

    def test_lp30_attacker(self):
        """LP-30 attacker: another salesperson adds the number, or the salesperson writes it
        directly or links another entry: refused."""
        visit, lead = self._visit_and_order("13900139555")
        with self.assertRaises(UserError):
            visit.with_user(self.user_sales_2)._add_order_phone(lead)
        with self.assertRaises(UserError):
            visit.with_user(self.user_sales_1).write({"extra_phone": "+8613900139555"})
        other = self._enter(self.user_sales_1, phone="13900139777")
        with self.assertRaises(UserError):
            lead.with_user(self.user_sales_1).write({"reception_visit_id": other.id})
        self.assertFalse(visit.extra_phone)

    def _unreconciled_orders(self, count, sale_time, prefix):
        """``count`` orders won at ``sale_time`` whose number is missing from their entry."""
        with freeze_time(sale_time):
            for index in range(count):
                visit = self._enter(self.user_sales_1, phone=f"{prefix}{index}")
                action = visit.with_user(self.user_sales_1).action_create_opportunity()
                lead = self.env["crm.lead"].browse(action["res_id"])
                lead.write({"phone": f"1390013955{index}"})
                lead.action_set_won()
        self.env.flush_all()
        self.env.invalidate_all()

    def test_lp30_check_is_batched(self):
        """LP-30: the daily check finds the unreconciled orders, records them in the fine
        catalogue and books their fines in as many queries for five orders as for two."""
        # The first run warms the registry caches (ledger models, sequences).
        self._unreconciled_orders(1, "2026-03-29 03:00:00", "1360013600")
        with freeze_time("2026-03-29 16:30:00"):
            self.env["crm.lead"]._cron_reception_reconcile()
        for count, day, prefix in ((2, 30, "1380013800"), (5, 31, "1370013700")):
            self._unreconciled_orders(count, f"2026-03-{day} 03:00:00", prefix)
            with freeze_time(f"2026-03-{day} 16:30:00"), self.assertQueryCount(33):
                self.env["crm.lead"]._cron_reception_reconcile()
                self.env.flush_all()
        self.assertEqual(len(self._ledger("LP-30")), 8)
