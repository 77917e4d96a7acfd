# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import PayrollIncentiveCommon


@tagged("post_install", "-at_install")
class TestPayrollUi(HttpCase, PayrollIncentiveCommon):
    def test_pay1_confirm_payslips_of_a_batch_in_the_browser(self):
        """PAY-1, in a real browser and in Chinese: the payroll clerk confirms the batch
        with "Confirm Payslips"; every payslip is done and pays the approved ledger lines
        of the period, which are marked paid."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["payroll", "incentive_ledger", "incentive_ledger_payroll"], ["zh_CN"]
        )
        self.user_payroll.lang = "zh_CN"
        first, second = self.employees[:2]
        bonus = self._approved(first, "bonus", 1000.0, "b1")
        penalty = self._approved(second, "penalty", -200.0, "p1")
        payslips = self._run(first | second)
        batch = payslips.payslip_run_id
        self.start_tour(
            f"/odoo/action-payroll.hr_payslip_run_action/{batch.id}",
            "incentive_ledger_payroll_confirm_tour",
            login="payroll_clerk",
        )
        self.assertEqual(payslips.mapped("state"), ["done", "done"])
        first_slip = payslips.filtered(lambda slip: slip.employee_id == first)
        second_slip = payslips - first_slip
        self.assertRecordValues(
            bonus | penalty,
            [
                {"state": "paid", "payslip_id": first_slip.id},
                {"state": "paid", "payslip_id": second_slip.id},
            ],
        )
        self.assertEqual(self._input_amount(first_slip, "INC_BONUS"), 1000.0)
        self.assertEqual(self._line_total(first_slip, "NET"), 5000.0 + 1000.0)
        self.assertEqual(self._line_total(second_slip, "NET"), 5000.0 - 200.0)
