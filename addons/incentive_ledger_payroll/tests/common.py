# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.fields import Date
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class PayrollIncentiveCommon(TransactionCase):
    """Employees with a salary structure whose parent is the shipped Incentive Ledger
    structure: NET = BASIC + INC."""

    period_start = Date.to_date("2026-10-01")
    period_end = Date.to_date("2026-10-31")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.user_payroll = new_test_user(
            cls.env,
            login="payroll_clerk",
            name="Payroll Clerk",
            groups="hr.group_hr_user,payroll.group_payroll_manager",
        )
        Category = cls.env["hr.salary.rule.category"]
        basic = Category.create({"name": "Basic", "code": "BASIC"})
        net = Category.create({"name": "Net", "code": "NET"})
        Rule = cls.env["hr.salary.rule"]
        rules = Rule.create(
            [
                {
                    "name": "Basic",
                    "code": "BASIC",
                    "sequence": 1,
                    "category_id": basic.id,
                    "condition_select": "none",
                    "amount_select": "code",
                    "amount_python_compute": "result = contract.wage",
                },
                {
                    "name": "Net",
                    "code": "NET",
                    "sequence": 200,
                    "category_id": net.id,
                    "condition_select": "none",
                    "amount_select": "code",
                    "amount_python_compute": "result = categories.BASIC + categories.INC",
                },
            ]
        )
        cls.structure = cls.env["hr.payroll.structure"].create(
            {
                "name": "Sales Staff",
                "code": "SALES",
                "parent_id": cls.env.ref(
                    "incentive_ledger_payroll.hr_payroll_structure_incentive"
                ).id,
                "rule_ids": [(6, 0, rules.ids)],
            }
        )
        cls.employees = cls.env["hr.employee"].create(
            [{"name": f"Salesperson {i}"} for i in range(3)]
        )
        cls.employee = cls.employees[0]
        for employee in cls.employees:
            employee.version_id.write(
                {
                    "date_version": "2026-01-01",
                    "contract_date_start": "2026-01-01",
                    "wage": 5000.0,
                    "struct_id": cls.structure.id,
                }
            )
        cls.Line = cls.env["employee.incentive.line"]

    @classmethod
    def _approved(cls, employee, kind, amount, key, date="2026-10-15"):
        line = cls.Line._book(
            [
                {
                    "employee_id": employee.id,
                    "kind": kind,
                    "amount": amount,
                    "name": f"{kind} {key}",
                    "source_key": key,
                    "date": date,
                }
            ]
        )
        line.action_approve()
        return line

    @classmethod
    def _run(cls, employees, date_start=None, date_end=None):
        """Generate payslips through OCA payroll's batch wizard, as a payroll clerk would."""
        run = cls.env["hr.payslip.run"].create(
            {
                "name": "Batch",
                "date_start": date_start or cls.period_start,
                "date_end": date_end or cls.period_end,
            }
        )
        wizard = cls.env["hr.payslip.employees"].create({"employee_ids": [(6, 0, employees.ids)]})
        wizard.with_context(active_id=run.id).compute_sheet()
        return run.slip_ids

    @staticmethod
    def _line_total(payslip, code):
        return sum(payslip.line_ids.filtered(lambda line: line.code == code).mapped("total"))

    @staticmethod
    def _input_amount(payslip, code):
        return sum(payslip.input_line_ids.filtered(lambda line: line.code == code).mapped("amount"))
