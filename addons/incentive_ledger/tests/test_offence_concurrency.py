# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import closing

from odoo import SUPERUSER_ID, api
from odoo.exceptions import ConcurrencyError, UserError
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestOffenceConcurrency(BaseCase):
    """Two managers record an offence of the same employee at the same instant (FN-3)."""

    def setUp(self):
        super().setUp()
        self.registry = Registry(get_db_name())
        with closing(self.registry.cursor()) as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            self.employee_id = env["hr.employee"].create({"name": "Racing Offender"}).id
            self.fine_type_id = (
                env.ref("incentive_ledger.fine_type_lp11_fake").copy({"source_model": False}).id
            )
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with closing(self.registry.cursor()) as cr:
            cr.execute(
                "DELETE FROM employee_incentive_line WHERE employee_id = %s", [self.employee_id]
            )
            cr.execute(
                "DELETE FROM incentive_hr_proposal WHERE employee_id = %s", [self.employee_id]
            )
            cr.execute("DELETE FROM incentive_offence WHERE employee_id = %s", [self.employee_id])
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["incentive.fine.type"].browse(self.fine_type_id).unlink()
            env["hr.employee"].browse(self.employee_id).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def _record(self, env, **kwargs):
        return env["incentive.offence"]._record_offence(
            env["incentive.fine.type"].browse(self.fine_type_id),
            env["hr.employee"].browse(self.employee_id),
            date="2026-11-10",
            **kwargs,
        )

    def test_fn3_two_managers_record_the_same_employee_at_once(self):
        """FN-3: both transactions count no earlier offence; the second, whose snapshot
        predates the first's commit, gets a retryable concurrency error (never a second
        "first occurrence"), and its retry is the second occurrence at 100."""
        with (
            closing(self.registry.cursor()) as cr1,
            closing(self.registry.cursor()) as cr2,
        ):
            env1 = api.Environment(cr1, SUPERUSER_ID, {})
            env2 = api.Environment(cr2, SUPERUSER_ID, {})
            cr2.execute("SELECT 1")  # take worker 2's REPEATABLE READ snapshot now
            first = self._record(env1)
            cr1.commit()  # pylint: disable=invalid-commit
            with self.assertRaises(ConcurrencyError), mute_logger("odoo.sql_db"):
                self._record(env2)
            cr2.rollback()
            retried = self._record(env2)
            cr2.commit()  # pylint: disable=invalid-commit
            self.assertEqual((first.occurrence, first.amount), (1, 50.0))
            self.assertEqual((retried.occurrence, retried.amount), (2, 100.0))
            cr2.execute(
                "SELECT occurrence FROM incentive_offence WHERE employee_id = %s ORDER BY 1",
                [self.employee_id],
            )
            self.assertEqual([row[0] for row in cr2.fetchall()], [1, 2])

    def _lines(self, cr):
        cr.execute(
            "SELECT count(*) FROM employee_incentive_line WHERE employee_id = %s",
            [self.employee_id],
        )
        return cr.fetchone()[0]

    def test_once_only_offence_recorded_by_two_workers_at_once(self):
        """FN-1 once-only offences (EV-4, LP-25, CS-5): two workers record the same event
        at once; the second, whose snapshot predates the first's commit, gets a retryable
        concurrency error, and its retry returns the first's offence: one offence, one
        ledger line."""
        with (
            closing(self.registry.cursor()) as cr1,
            closing(self.registry.cursor()) as cr2,
        ):
            env1 = api.Environment(cr1, SUPERUSER_ID, {})
            env2 = api.Environment(cr2, SUPERUSER_ID, {})
            cr2.execute("SELECT 1")  # take worker 2's REPEATABLE READ snapshot now
            first = self._record(env1, occurrence_key="event:1")
            cr1.commit()  # pylint: disable=invalid-commit
            with self.assertRaises(ConcurrencyError), mute_logger("odoo.sql_db"):
                self._record(env2, occurrence_key="event:1")
            cr2.rollback()
            retried = self._record(env2, occurrence_key="event:1")
            cr2.commit()  # pylint: disable=invalid-commit
            self.assertEqual(retried.id, first.id)
            cr2.execute(
                "SELECT count(*) FROM incentive_offence WHERE employee_id = %s",
                [self.employee_id],
            )
            self.assertEqual(cr2.fetchone()[0], 1)
            self.assertEqual(self._lines(cr2), 1)

    def test_once_only_offence_recorded_twice_in_one_transaction(self):
        """FN-1 once-only offences: the same event recorded twice in one transaction is
        recorded once, and so is a quashed one; another event is a second offence."""
        with closing(self.registry.cursor()) as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            first = self._record(env, occurrence_key="event:1")
            self.assertEqual(self._record(env, occurrence_key="event:1"), first)
            first.action_quash("Not late after all")
            self.assertEqual(self._record(env, occurrence_key="event:1"), first)
            other = self._record(env, occurrence_key="event:2")
            self.assertNotEqual(other, first)
            self.assertEqual(
                env["incentive.offence"].search_count([("employee_id", "=", self.employee_id)]),
                2,
            )
            self.assertEqual(self._lines(cr), 2)
            with self.assertRaises(UserError):
                self._record(env, occurrence_key=42)
            cr.rollback()
