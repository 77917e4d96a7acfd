# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .two_workers import TwoWorkersCase


@tagged("post_install", "-at_install")
class TestIncentiveLineConcurrency(TwoWorkersCase):
    """Two real database transactions, as two Odoo workers would run them."""

    def setUp(self):
        super().setUp()
        with self.committed() as env:
            self.employee_id = env["hr.employee"].create({"name": "Racing Employee"}).id
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.committed() as env:
            env.cr.execute(
                "DELETE FROM employee_incentive_line WHERE employee_id = %s",
                [self.employee_id],
            )
            env["hr.employee"].browse(self.employee_id).unlink()

    def _vals(self):
        return {
            "employee_id": self.employee_id,
            "kind": "bonus",
            "amount": 500.0,
            "name": "Race",
            "source_key": "race-1",
        }

    def test_pay1_two_workers_book_the_same_event_once(self):
        """PAY-1: two transactions book the same event at the same instant: the second,
        whose snapshot predates the first's commit, gets a retryable concurrency error
        (never a second line), and its retry returns the first line."""
        with self.two_workers() as (env1, env2):
            first = env1["employee.incentive.line"]._book([self._vals()])
            self.commit(env1)
            retried = self.assertRetried(
                env2, lambda: env2["employee.incentive.line"]._book([self._vals()])
            )
            self.assertEqual(retried.id, first.id)
            self.assertEqual(
                self.count(
                    env2,
                    "SELECT count(*) FROM employee_incentive_line WHERE employee_id = %s",
                    [self.employee_id],
                ),
                1,
            )
