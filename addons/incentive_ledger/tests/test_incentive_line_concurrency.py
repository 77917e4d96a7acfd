# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import closing

from odoo import SUPERUSER_ID, api
from odoo.exceptions import ConcurrencyError
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestIncentiveLineConcurrency(BaseCase):
    """Two real database transactions, as two Odoo workers would run them."""

    def setUp(self):
        super().setUp()
        self.registry = Registry(get_db_name())
        with closing(self.registry.cursor()) as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            self.employee_id = env["hr.employee"].create({"name": "Racing Employee"}).id
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with closing(self.registry.cursor()) as cr:
            cr.execute(
                "DELETE FROM employee_incentive_line WHERE employee_id = %s",
                [self.employee_id],
            )
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["hr.employee"].browse(self.employee_id).unlink()
            cr.commit()  # pylint: disable=invalid-commit

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
        with (
            closing(self.registry.cursor()) as cr1,
            closing(self.registry.cursor()) as cr2,
        ):
            env1 = api.Environment(cr1, SUPERUSER_ID, {})
            env2 = api.Environment(cr2, SUPERUSER_ID, {})
            cr2.execute("SELECT 1")  # take worker 2's REPEATABLE READ snapshot now
            first = env1["employee.incentive.line"]._book([self._vals()])
            cr1.commit()  # pylint: disable=invalid-commit
            with self.assertRaises(ConcurrencyError), mute_logger("odoo.sql_db"):
                env2["employee.incentive.line"]._book([self._vals()])
            cr2.rollback()
            retried = env2["employee.incentive.line"]._book([self._vals()])
            self.assertEqual(retried.id, first.id)
            cr2.execute(
                "SELECT count(*) FROM employee_incentive_line WHERE employee_id = %s",
                [self.employee_id],
            )
            self.assertEqual(cr2.fetchone()[0], 1)
