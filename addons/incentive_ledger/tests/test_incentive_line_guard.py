# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .attack import AttackCase, other_company_user
from .common import IncentiveLedgerCommon


@tagged("post_install", "-at_install")
class TestIncentiveLineGuard(AttackCase, IncentiveLedgerCommon):
    """The ledger's rule fields change only through its workflow (PAY-1, PAY-2), whoever
    calls: the employee, his manager, another employee, HR."""

    def _attackers(self):
        return (
            self.user_sales_1,
            self.user_sales_2,
            self.user_manager,
            self.user_outsider,
            self.user_hr,
        )

    def _assert_unchanged(self, line, **expected):
        line.invalidate_recordset()
        for name, value in expected.items():
            self.assertEqual(line[name], value, name)

    def test_pay2_approved_and_paid_lines_are_immutable_even_for_hr(self):
        """PAY-2: an approved or paid line is corrected by a cancellation or a reversal;
        nobody edits its amount, employee, kind, date or state directly."""
        approved = self._book_approved(self.emp_sales_1, amount=500.0, key="imm-1")
        paid = self._book_approved(self.emp_sales_1, amount=300.0, key="imm-2")
        paid._mark_paid()
        attacks = [
            {"amount": 88888.0},
            {"employee_id": self.emp_sales_2.id},
            {"kind": "reward"},
            {"date": "2020-01-01"},
            {"state": "draft"},
            {"state": "approved"},
            {"paid_date": False},
            {"source_key": "other"},
        ]
        for user in self._attackers():
            for line in approved | paid:
                for vals in attacks:
                    self.assertRefused(line.with_user(user), vals)
        self._assert_unchanged(
            approved, amount=500.0, employee_id=self.emp_sales_1, state="approved"
        )
        self._assert_unchanged(paid, amount=300.0, state="paid")
        for user in self._attackers():
            self.assertCallRefused(paid.with_user(user), "unlink", names=["state", "amount"])
        self.assertTrue(paid.exists())

    def test_pay1_state_is_set_by_the_workflow_only(self):
        """PAY-1: HR approves with the action; writing the state, or creating a line that is
        already approved or paid, is refused; a default_state context key is ignored."""
        line = self.Line._book([self._vals(self.emp_sales_1, key="wf-1")])
        as_hr = self.Line.with_user(self.user_hr)
        self.assertRefused(line.with_user(self.user_hr), {"state": "approved"})
        self.assertEqual(line.state, "draft")
        with self.assertRaises(UserError):
            as_hr.create(dict(self._vals(self.emp_sales_2, key="wf-2"), state="paid"))
        created = as_hr.with_context(
            default_state="approved", default_paid_date="2020-01-01"
        ).create(self._vals(self.emp_sales_2, key="wf-3"))
        self.assertEqual(created.state, "draft", "a context key chose the state")
        self.assertFalse(created.paid_date)
        created = as_hr.with_context(default_state="approved").create(
            self._vals(self.emp_sales_2, key="wf-4", state="draft")
        )
        self.assertEqual(created.state, "draft")
        line.with_user(self.user_hr).action_approve()
        self.assertEqual(line.state, "approved")
        self.assertEqual(line.approved_by_id, self.user_hr)

    def test_pay1_draft_lines_stay_editable_for_hr_but_keep_their_employee(self):
        """PAY-1 / RI-9: HR corrects a line to approve; a line booked by a workflow keeps
        its employee and source, a manual one can be moved."""
        booked = self.Line._book(
            [self._vals(self.emp_sales_1, key="src-1", source_ref=self.emp_manager)]
        )
        booked.with_user(self.user_hr).write({"amount": 450.0, "name": "corrected"})
        self.assertEqual(booked.amount, 450.0)
        self.assertRefused(booked.with_user(self.user_hr), {"employee_id": self.emp_sales_2.id})
        self.assertEqual(booked.employee_id, self.emp_sales_1)
        manual = self.Line.with_user(self.user_hr).create(self._vals(self.emp_sales_1, key="m-1"))
        manual.write({"employee_id": self.emp_sales_2.id})
        self.assertEqual(manual.employee_id, self.emp_sales_2)

    def test_pay2_copy_does_not_copy_the_workflow_state(self):
        """PAY-2: duplicating a paid line gives a line to approve, not a second paid one."""
        paid = self._book_approved(self.emp_sales_1, key="copy-1")
        paid._mark_paid()
        duplicate = paid.with_user(self.user_hr).copy({"source_key": "copy-2"})
        self.assertEqual(duplicate.state, "draft")
        self.assertFalse(duplicate.paid_date)

    def _other_company_hr(self):
        return other_company_user(
            self.env, "ledger_hr_other", "hr.group_hr_user", name="HR Other Company"
        )

    def test_pay1_workflow_actions_are_hr_only_never_on_own_lines(self):
        """PAY-1: approving, cancelling, paying and resetting are for HR officers of the
        line's company, never on their own lines; the employee, another employee, the
        manager and an HR officer of another company are refused, and nothing changed."""
        emp_hr = self.env["hr.employee"].create({"name": "HR Officer", "user_id": self.user_hr.id})
        own = self.Line._book([self._vals(emp_hr, key="own-hr")])
        line = self.Line._book([self._vals(self.emp_sales_1, key="act-1")])
        approved = self._book_approved(self.emp_sales_1, key="act-2")
        attackers = (
            self.user_sales_1,
            self.user_sales_2,
            self.user_manager,
            self.user_outsider,
            self._other_company_hr(),
        )
        for user in attackers:
            for action, target in (
                ("action_approve", line),
                ("action_cancel", approved),
                ("action_mark_paid", approved),
                ("action_reset_to_draft", approved),
            ):
                self.assertCallRefused(
                    target.with_user(user), action, names=["state"], error=AccessError
                )
        self.assertCallRefused(
            own.with_user(self.user_hr), "action_approve", names=["state"], error=AccessError
        )
        self._assert_unchanged(line, state="draft")
        self._assert_unchanged(approved, state="approved", paid_date=False)
        self._assert_unchanged(own, state="draft", approved_by_id=self.env["res.users"])

    def test_pay1_wrong_values_are_refused_with_a_message(self):
        """PAY-1: text in an amount, an unknown kind, a malformed date or a text employee are
        refused with a translated message, before anything is written."""
        line = self.Line._book([self._vals(self.emp_sales_1, amount=500.0, key="bad-1")])
        as_hr = line.with_user(self.user_hr)
        for vals in (
            {"amount": "a lot"},
            {"kind": "jackpot"},
            {"date": "2030-13-45"},
            {"employee_id": "Salesperson Two"},
            {"amount": True},
            {"no_such_field": 1},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                as_hr.write(vals)
        with self.assertRaises(ValidationError):
            self.Line.with_user(self.user_hr).create(
                self._vals(self.emp_sales_1, key="bad-2", kind="jackpot")
            )
        self._assert_unchanged(line, amount=500.0, kind="bonus", employee_id=self.emp_sales_1)
        self.assertFalse(self.Line.search([("source_key", "=", "bad-2")]))

    def test_pay1_one_record_actions_say_so(self):
        """PAY-1: an action for one record called on several gives a message, not a crash."""
        with self.assertRaisesRegex(UserError, "one"):
            (self.emp_sales_1 | self.emp_sales_2).with_user(
                self.user_hr
            ).action_open_incentive_lines()
