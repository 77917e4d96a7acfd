# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.fields import Date
from odoo.tests import freeze_time, tagged

from .common import PayrollIncentiveCommon


@tagged("post_install", "-at_install")
class TestOffencePayslip(PayrollIncentiveCommon):
    """Fines reach the payslip through the ledger; a quashed offence is taken back (FN-2,
    PAY-2); trial employees are paid at PAY-3's daily wage."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Offence = cls.env["incentive.offence"]

    def _fine(self, employee, date="2026-10-13"):
        offence = self.Offence._record_offence(
            "incentive_ledger.fine_type_fn5_out_without_pass", employee, date=date
        )
        offence.line_ids.action_approve()
        return offence

    def test_fn2_quashed_before_payroll_leaves_nothing_on_the_payslip(self):
        """FN-2, PAY-2: an offence quashed before the payslip leaves no fine on it."""
        offence = self._fine(self.employee)
        offence.action_quash("Had a pass")
        payslip = self._run(self.employee)
        self.assertFalse(self._input_amount(payslip, "INC_PENALTY"))
        self.assertFalse(self._input_amount(payslip, "INC_REVERSAL"))
        self.assertEqual(self._line_total(payslip, "NET"), 5000.0)

    @freeze_time("2026-11-10 04:00:00")
    def test_fn2_quashed_after_payment_is_paid_back_on_the_next_payslip(self):
        """FN-2, PAY-2: a fine already paid on October's payslip is reversed on November's,
        and nothing of it remains after."""
        offence = self._fine(self.employee)
        october = self._run(self.employee)
        self.assertEqual(self._line_total(october, "NET"), 4900.0)
        october.action_payslip_done()
        offence.action_quash("Had a pass")
        november = self._run(self.employee, Date.to_date("2026-11-01"), Date.to_date("2026-11-30"))
        self.assertEqual(self._line_total(november, "INC_REVERSAL"), 100.0)
        self.assertEqual(self._line_total(november, "NET"), 5100.0)
        november.action_payslip_done()
        december = self._run(self.employee, Date.to_date("2026-12-01"), Date.to_date("2026-12-31"))
        self.assertEqual(self._line_total(december, "NET"), 5000.0)

    def test_pay3_trial_month_paid_from_the_first_working_day(self):
        """PAY-3: a new hire on trial who starts on Saturday 14 November 2026 is paid from
        Monday 16 November: 11 working days at 4,200 ÷ 21 = 200; his holiday allowance is
        half; a regular employee is paid his wage."""
        trainee, regular = self.employees[1], self.employees[2]
        trainee.version_id.write(
            {
                "date_version": "2026-11-14",
                "contract_date_start": "2026-11-14",
                "trial_date_end": "2027-02-13",
                "wage": 4200.0,
            }
        )
        basic = self.structure.rule_ids.filtered(lambda rule: rule.code == "BASIC")
        basic.amount_python_compute = (
            "result = current_contract.trial_wage if current_contract.is_trial else contract.wage"
        )
        period = (Date.to_date("2026-11-01"), Date.to_date("2026-11-30"))
        trainee_slip, regular_slip = self._run(trainee | regular, *period).sorted(
            lambda slip: slip.employee_id != trainee
        )
        self.assertEqual(self._line_total(trainee_slip, "BASIC"), 2200.0)
        self.assertEqual(self._line_total(regular_slip, "BASIC"), 5000.0)
        values = trainee_slip._trial_pay_values(trainee.version_id)
        self.assertEqual(
            (values["trial_daily_wage"], values["trial_days"], values["holiday_allowance_factor"]),
            (200.0, 11, 0.5),
        )
        self.assertEqual(
            regular_slip._trial_pay_values(regular.version_id)["holiday_allowance_factor"], 1.0
        )
