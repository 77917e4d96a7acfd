# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from contextlib import closing
from datetime import date

from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, api
from odoo.exceptions import ConcurrencyError
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger

FEB = date(2025, 2, 10)
MAR = date(2025, 3, 10)
RETRYABLE = (ConcurrencyError, SerializationFailure)


@tagged("post_install", "-at_install")
class TestScorecardConcurrency(BaseCase):
    """Two real database transactions, as two Odoo workers would run them."""

    def setUp(self):
        super().setUp()
        self.registry = Registry(get_db_name())
        with closing(self.registry.cursor()) as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
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
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with closing(self.registry.cursor()) as cr:
            for table in (
                "service_scorecard_event",
                "service_scorecard",
                "service_scorecard_quarter",
            ):
                cr.execute(
                    f"DELETE FROM {table} WHERE employee_id = %s",
                    [self.employee_id],
                )
            cr.execute(
                "DELETE FROM service_scorecard_period WHERE company_id = %s", [self.company_id]
            )
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["hr.employee"].browse(self.employee_id).unlink()
            env["ir.attachment"].browse(self.evidence_id).unlink()
            env["res.company"].browse(self.company_id).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def test_sc1_two_workers_cannot_both_pass_the_quarter_cap(self):
        """SC-1: two supervisors confirm a +2 adjustment each for the same manager and quarter
        at the same instant. The second, whose snapshot predates the first's commit, gets a
        retryable concurrency error; its retry sees the first and is refused by the cap of
        3 points. The quarter never holds more than 3 supervisor points."""
        with (
            closing(self.registry.cursor()) as cr1,
            closing(self.registry.cursor()) as cr2,
        ):
            env1 = api.Environment(cr1, SUPERUSER_ID, {})
            env2 = api.Environment(cr2, SUPERUSER_ID, {})
            cr2.execute("SELECT 1")  # take worker 2's REPEATABLE READ snapshot now
            env1["service.scorecard.event"].browse(self.event_ids[0]).action_confirm()
            cr1.commit()  # pylint: disable=invalid-commit
            with self.assertRaises(RETRYABLE), mute_logger("odoo.sql_db"):
                env2["service.scorecard.event"].browse(self.event_ids[1]).action_confirm()
            cr2.rollback()
            env2.invalidate_all()
            with self.assertRaisesRegex(Exception, "at most 3"):
                env2["service.scorecard.event"].browse(self.event_ids[1]).action_confirm()
            cr2.rollback()
            cr2.execute(
                "SELECT coalesce(sum(points), 0) FROM service_scorecard_event "
                "WHERE employee_id = %s AND state = 'confirmed'",
                [self.employee_id],
            )
            self.assertEqual(cr2.fetchone()[0], 2)

    def test_two_workers_create_the_same_period_once(self):
        """SC-1: two workers record the first event of a new month at the same instant: the
        second gets a retryable concurrency error (never a raw integrity error) and its retry
        finds the first one's period."""
        day = date(2025, 7, 3)
        with (
            closing(self.registry.cursor()) as cr1,
            closing(self.registry.cursor()) as cr2,
        ):
            env1 = api.Environment(cr1, SUPERUSER_ID, {})
            env2 = api.Environment(cr2, SUPERUSER_ID, {})
            cr2.execute("SELECT 1")
            first = env1["service.scorecard.period"]._ensure_periods(
                [(self.company_id, day)], "month"
            )
            cr1.commit()  # pylint: disable=invalid-commit
            with self.assertRaises(ConcurrencyError), mute_logger("odoo.sql_db"):
                env2["service.scorecard.period"]._ensure_periods([(self.company_id, day)], "month")
            cr2.rollback()
            env2.invalidate_all()
            retried = env2["service.scorecard.period"]._ensure_periods(
                [(self.company_id, day)], "month"
            )
            self.assertEqual(
                [period.id for period in retried.values()], [p.id for p in first.values()]
            )
