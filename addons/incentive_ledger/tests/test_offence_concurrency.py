# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .two_workers import TwoWorkersCase


@tagged("post_install", "-at_install")
class TestOffenceConcurrency(TwoWorkersCase):
    """Two managers record an offence of the same employee at the same instant (FN-3)."""

    def setUp(self):
        super().setUp()
        with self.committed() as env:
            self.employee_id = env["hr.employee"].create({"name": "Racing Offender"}).id
            self.fine_type_id = (
                env.ref("incentive_ledger.fine_type_lp11_fake").copy({"source_model": False}).id
            )
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.committed() as env:
            for table in ("employee_incentive_line", "incentive_hr_proposal", "incentive_offence"):
                env.cr.execute(
                    f"DELETE FROM {table} WHERE employee_id = %s",
                    [self.employee_id],
                )
            env["incentive.fine.type"].browse(self.fine_type_id).unlink()
            env["hr.employee"].browse(self.employee_id).unlink()

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
        with self.two_workers() as (env1, env2):
            first = self._record(env1)
            self.commit(env1)
            retried = self.assertRetried(env2, lambda: self._record(env2))
            self.commit(env2)
            self.assertEqual((first.occurrence, first.amount), (1, 50.0))
            self.assertEqual((retried.occurrence, retried.amount), (2, 100.0))
            env2.cr.execute(
                "SELECT occurrence FROM incentive_offence WHERE employee_id = %s ORDER BY 1",
                [self.employee_id],
            )
            self.assertEqual([row[0] for row in env2.cr.fetchall()], [1, 2])

    def _lines(self, env):
        return self.count(
            env,
            "SELECT count(*) FROM employee_incentive_line WHERE employee_id = %s",
            [self.employee_id],
        )

    def test_once_only_offence_recorded_by_two_workers_at_once(self):
        """FN-1 once-only offences (EV-4, LP-25, CS-5): two workers record the same event
        at once; the second, whose snapshot predates the first's commit, gets a retryable
        concurrency error, and its retry returns the first's offence: one offence, one
        ledger line."""
        with self.two_workers() as (env1, env2):
            first = self._record(env1, occurrence_key="event:1")
            self.commit(env1)
            retried = self.assertRetried(env2, lambda: self._record(env2, occurrence_key="event:1"))
            self.commit(env2)
            self.assertEqual(retried.id, first.id)
            self.assertEqual(
                self.count(
                    env2,
                    "SELECT count(*) FROM incentive_offence WHERE employee_id = %s",
                    [self.employee_id],
                ),
                1,
            )
            self.assertEqual(self._lines(env2), 1)

    def test_once_only_offence_recorded_twice_in_one_transaction(self):
        """FN-1 once-only offences: the same event recorded twice in one transaction is
        recorded once, and so is a quashed one; another event is a second offence."""
        with self.worker() as env:
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
            self.assertEqual(self._lines(env), 2)
            with self.assertRaises(UserError):
                self._record(env, occurrence_key=42)
