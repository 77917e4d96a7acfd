# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date

from psycopg2.errors import SerializationFailure

from odoo.exceptions import ConcurrencyError
from odoo.tests import tagged

from odoo.addons.incentive_ledger.tests.two_workers import TwoWorkersCase

FEB = date(2025, 2, 10)
MAR = date(2025, 3, 10)
RETRYABLE = (ConcurrencyError, SerializationFailure)


@tagged("post_install", "-at_install")
class TestScorecardConcurrency(TwoWorkersCase):
    """Two real database transactions, as two Odoo workers would run them."""

    def setUp(self):
        super().setUp()
        with self.committed() as env:
            self.company_id = env["res.company"].create({"name": "Racing Park Co"}).id
            employee = env["hr.employee"].create(
                {"name": "Racing Manager", "scorecard_enabled": True, "company_id": self.company_id}
            )
            self.employee_id = employee.id
            evidence = env["ir.attachment"].create(
                {"name": "letter.txt", "datas": base64.b64encode(b"letter")}
            )
            self.evidence_id = evidence.id
            adjust = env.ref("service_scorecard.event_type_adjustment")
            Event = env["service.scorecard.event"].with_company(self.company_id)
            self.event_ids = [
                Event.create(
                    {
                        "name": f"Adjustment {day}",
                        "employee_id": employee.id,
                        "type_id": adjust.id,
                        "date": day,
                        "unit_points": 2,
                        "evidence_ids": [(6, 0, [evidence.id])],
                    }
                ).id
                for day in (FEB, MAR)
            ]
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.committed() as env:
            for table in (
                "service_scorecard_event",
                "service_scorecard",
                "service_scorecard_quarter",
            ):
                env.cr.execute(
                    f"DELETE FROM {table} WHERE employee_id = %s",
                    [self.employee_id],
                )
            env.cr.execute(
                "DELETE FROM service_scorecard_period WHERE company_id = %s", [self.company_id]
            )
            env["hr.employee"].browse(self.employee_id).unlink()
            env["ir.attachment"].browse(self.evidence_id).unlink()
            env["res.company"].browse(self.company_id).unlink()

    def test_sc1_two_workers_cannot_both_pass_the_quarter_cap(self):
        """SC-1: two supervisors confirm a +2 adjustment each for the same manager and quarter
        at the same instant. The second, whose snapshot predates the first's commit, gets a
        retryable concurrency error; its retry sees the first and is refused by the cap of
        3 points. The quarter never holds more than 3 supervisor points."""
        with self.two_workers() as (env1, env2):
            env1["service.scorecard.event"].browse(self.event_ids[0]).action_confirm()
            self.commit(env1)
            with self.assertRaisesRegex(Exception, "at most 3"):
                self.assertRetried(
                    env2,
                    env2["service.scorecard.event"].browse(self.event_ids[1]).action_confirm,
                    exceptions=RETRYABLE,
                )
            env2.cr.rollback()
            self.assertEqual(
                self.count(
                    env2,
                    "SELECT coalesce(sum(points), 0) FROM service_scorecard_event "
                    "WHERE employee_id = %s AND state = 'confirmed'",
                    [self.employee_id],
                ),
                2,
            )

    def test_two_workers_create_the_same_period_once(self):
        """SC-1: two workers record the first event of a new month at the same instant: the
        second gets a retryable concurrency error (never a raw integrity error) and its retry
        finds the first one's period."""
        day = date(2025, 7, 3)
        with self.two_workers() as (env1, env2):
            first = env1["service.scorecard.period"]._ensure_periods(
                [(self.company_id, day)], "month"
            )
            self.commit(env1)
            retried = self.assertRetried(
                env2,
                lambda: env2["service.scorecard.period"]._ensure_periods(
                    [(self.company_id, day)], "month"
                ),
            )
            self.assertEqual(
                [period.id for period in retried.values()], [p.id for p in first.values()]
            )
