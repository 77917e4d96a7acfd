# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import IncentiveLedgerCommon


@tagged("post_install", "-at_install")
class TestIncentiveLine(IncentiveLedgerCommon):
    # --- PAY-1: exactly once

    def test_pay1_booking_twice_returns_the_same_line(self):
        """PAY-1: booking the same business event again returns the existing line."""
        first = self.Line._book([self._vals(self.emp_sales_1, amount=500.0)])
        again = self.Line._book([self._vals(self.emp_sales_1, amount=999.0)])
        self.assertEqual(again, first)
        self.assertEqual(again.amount, 500.0)
        self.assertEqual(self.Line.search_count([("employee_id", "=", self.emp_sales_1.id)]), 1)

    def test_pay1_batch_keeps_order_and_dedupes(self):
        """PAY-1: one batch with a repeated event books it once and answers per item."""
        existing = self.Line._book([self._vals(self.emp_sales_2, key="old")])
        lines = self.Line._book(
            [
                self._vals(self.emp_sales_1, key="a"),
                self._vals(self.emp_sales_2, key="old"),
                self._vals(self.emp_sales_1, key="a"),
                self._vals(self.emp_sales_1, kind="penalty", amount=-50.0, key="a"),
            ]
        )
        self.assertEqual(len(lines), 4)
        self.assertEqual(lines[0], lines[2])
        self.assertEqual(lines[1], existing)
        self.assertEqual(lines[3].kind, "penalty")
        self.assertEqual(len(set(lines.ids)), 3)
        self.assertEqual(lines[0].company_id, self.emp_sales_1.company_id)

    def test_pay1_database_rejects_a_duplicate(self):
        """PAY-1: the unique index refuses a second line for the same event, even when
        the booking API is bypassed."""
        self.Line.create(self._vals(self.emp_sales_1))
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.Line.create(self._vals(self.emp_sales_1))

    def test_pay1_booking_a_batch_costs_constant_queries(self):
        """PAY-1: booking is batch-first: 100 events cost the same queries as 10."""
        self.Line._book([self._vals(self.emp_sales_1, key="warmup")])
        self.env.invalidate_all()
        with self.assertQueryCount(9):
            self.Line._book([self._vals(self.emp_sales_1, key=f"k{i}") for i in range(10)])
        self.env.invalidate_all()
        with self.assertQueryCount(9):
            self.Line._book([self._vals(self.emp_sales_2, key=f"k{i}") for i in range(100)])

    def test_pay1_booking_with_chatter_costs_constant_queries(self):
        """PAY-1: with the chatter on (a month's close, a user's approval), 100 lines cost
        the queries of 10 (issue 17), and each line is followed by the user who booked it
        and logs its creation, with the note mail.thread writes itself."""
        Line = self.Line.with_context(tracking_disable=False).with_user(self.user_hr).sudo()
        Line._book([self._vals(self.emp_sales_1, key="warmup")])
        counts = []
        for employee, size in ((self.emp_sales_1, 10), (self.emp_sales_2, 100)):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            lines = Line._book([self._vals(employee, key=f"c{i}") for i in range(size)])
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1], counts)
        self.assertEqual(len(lines), 100)
        reference = lines[0]._message_log_batch(bodies={lines[0].id: lines[0]._creation_message()})
        fields = ["body", "message_type", "subtype_id", "author_id", "email_from", "is_internal"]
        expected = reference.read(fields)[0]
        for line in lines:
            notes = line.message_ids - reference
            self.assertEqual(len(notes), 1)
            self.assertEqual(
                {name: notes.read(fields)[0][name] for name in fields},
                {name: expected[name] for name in fields},
            )
        self.assertEqual(lines.message_follower_ids.partner_id, self.user_hr.partner_id)
        self.assertEqual(len(lines.message_follower_ids), 100)

    def test_amount_sign_follows_the_kind(self):
        """Penalties deduct and bonuses add: a wrong sign is refused by the database."""
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.Line.create(self._vals(self.emp_sales_1, kind="penalty", amount=50.0))
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.Line.create(self._vals(self.emp_sales_1, kind="bonus", amount=-1.0))

    # --- PAY-2: cancellations are reversed, never dropped

    def test_pay2_cancel_unpaid_line_just_cancels(self):
        """PAY-2: an approved but unpaid line is cancelled without reversal."""
        line = self._book_approved(self.emp_sales_1)
        line.with_user(self.user_hr).action_cancel()
        self.assertEqual(line.state, "cancelled")
        self.assertFalse(line.reversal_line_ids)

    def test_pay2_cancel_paid_line_books_a_reversal(self):
        """PAY-2: cancelling a paid line books an approved, negative reversal linked to it
        for the next pay period; the reversal itself cannot be cancelled."""
        line = self._book_approved(self.emp_sales_1, amount=1000.0)
        line._mark_paid()
        line.with_user(self.user_hr).action_cancel()
        self.assertEqual(line.state, "cancelled")
        reversal = line.reversal_line_ids
        self.assertEqual(len(reversal), 1)
        self.assertRecordValues(
            reversal,
            [
                {
                    "kind": "reversal",
                    "amount": -1000.0,
                    "state": "approved",
                    "employee_id": self.emp_sales_1.id,
                    "reversed_line_id": line.id,
                    "rule_ref": "RI-5",
                }
            ],
        )
        with self.assertRaises(UserError):
            reversal.action_cancel()
        with self.assertRaises(UserError):
            line.action_cancel()

    def test_pay2_approved_lines_cannot_be_deleted(self):
        """PAY-2: nothing is lost: only lines to approve can be deleted."""
        line = self._book_approved(self.emp_sales_1)
        with self.assertRaises(UserError):
            line.unlink()

    # --- Who sees what

    def test_employee_reads_only_own_lines(self):
        """Employees read their own lines, not their colleagues'; they cannot approve."""
        own = self.Line._book([self._vals(self.emp_sales_1, key="own")])
        other = self.Line._book([self._vals(self.emp_sales_2, key="other")])
        Line = self.Line.with_user(self.user_sales_1)
        self.assertEqual(Line.search([]), own)
        with self.assertRaises(AccessError):
            other.with_user(self.user_sales_1).read(["amount"])
        with self.assertRaises(AccessError):
            own.with_user(self.user_sales_1).action_approve()

    def test_manager_reads_the_team_lines(self):
        """Managers read their team's lines, not other teams'."""
        team = self.Line._book(
            [
                self._vals(self.emp_sales_1, key="t1"),
                self._vals(self.emp_sales_2, key="t2"),
                self._vals(self.emp_manager, key="t3"),
            ]
        )
        self.Line._book([self._vals(self.emp_outsider, key="o1")])
        self.assertEqual(self.Line.with_user(self.user_manager).search([]), team)

    def test_hr_officer_manages_all_lines(self):
        """HR officers see every line and approve in batch."""
        lines = self.Line._book(
            [self._vals(e, key="all") for e in (self.emp_sales_1, self.emp_outsider)]
        )
        as_hr = self.Line.with_user(self.user_hr)
        self.assertEqual(as_hr.search([("id", "in", lines.ids)]), lines)
        lines.with_user(self.user_hr).action_approve()
        self.assertEqual(set(lines.mapped("state")), {"approved"})
        self.assertEqual(lines.approved_by_id, self.user_hr)

    def test_multi_company_rule(self):
        """Lines of another company are invisible, even to HR officers."""
        other_company = self.env["res.company"].create({"name": "Other Co"})
        employee = self.env["hr.employee"].create(
            {"name": "Far Away", "company_id": other_company.id}
        )
        line = self.Line._book([self._vals(employee, key="far")])
        self.assertEqual(line.company_id, other_company)
        self.assertFalse(self.Line.with_user(self.user_hr).search([("id", "=", line.id)]))
