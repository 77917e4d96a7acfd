# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class IncentiveLedgerCommon(TransactionCase):
    """A sales team: a manager over two salespeople, an outsider, and an HR officer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.user_hr = new_test_user(
            cls.env, login="ledger_hr", name="HR Officer", groups="hr.group_hr_user"
        )
        cls.user_manager = new_test_user(
            cls.env, login="ledger_manager", name="Sales Manager", groups="base.group_user"
        )
        cls.user_sales_1 = new_test_user(
            cls.env, login="ledger_sales_1", name="Salesperson One", groups="base.group_user"
        )
        cls.user_sales_2 = new_test_user(
            cls.env, login="ledger_sales_2", name="Salesperson Two", groups="base.group_user"
        )
        cls.user_outsider = new_test_user(
            cls.env, login="ledger_outsider", name="Outsider", groups="base.group_user"
        )
        Employee = cls.env["hr.employee"]
        cls.emp_manager = Employee.create({"name": "Sales Manager", "user_id": cls.user_manager.id})
        cls.emp_sales_1, cls.emp_sales_2, cls.emp_outsider = Employee.create(
            [
                {
                    "name": "Salesperson One",
                    "user_id": cls.user_sales_1.id,
                    "parent_id": cls.emp_manager.id,
                },
                {
                    "name": "Salesperson Two",
                    "user_id": cls.user_sales_2.id,
                    "parent_id": cls.emp_manager.id,
                },
                {"name": "Outsider", "user_id": cls.user_outsider.id},
            ]
        )
        cls.Line = cls.env["employee.incentive.line"]

    @classmethod
    def _vals(cls, employee, kind="bonus", amount=500.0, key="event-1", **extra):
        return dict(
            {
                "employee_id": employee.id,
                "kind": kind,
                "amount": amount,
                "name": f"{kind} {key}",
                "source_key": key,
                "rule_ref": "RI-5",
                "date": "2026-10-15",
            },
            **extra,
        )

    @classmethod
    def _book_approved(cls, employee, kind="bonus", amount=500.0, key="event-1", **extra):
        line = cls.Line._book([cls._vals(employee, kind, amount, key, **extra)])
        line.action_approve()
        return line
