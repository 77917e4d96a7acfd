# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime
from unittest.mock import patch

from odoo.tests import freeze_time, tagged

from odoo.addons.customer_service.models import customer_complaint_escalation
from odoo.addons.incentive_ledger.tests.cron_crash import CronCrashMixin, Killed

from .common import CustomerServiceCommon
from .test_complaint_deadlines import FRIDAY_LATE

ESCALATE = "customer_service.ir_cron_escalate_complaints"
OVERDUE = "customer_service.ir_cron_overdue_return_visits"


@tagged("post_install", "-at_install")
class TestCustomerServiceCronProgress(CronCrashMixin, CustomerServiceCommon):
    """CS-4, CS-7: the escalation and overdue-visit jobs commit in batches and resume after
    a crash or a timeout: every complaint escalated once, every visit notified once."""

    def _escalate(self, env):
        return env["customer.complaint"]._cron_escalate()

    def _notify(self, env):
        return env["customer.return.visit"]._cron_notify_overdue(batch_size=2)

    def _visits(self, count):
        visits = self.env["customer.return.visit"].browse()
        with freeze_time(datetime(2026, 3, 6, 2, 0)):
            for _index in range(count):
                service = self.Service.with_user(self.user_receiver).create(
                    {
                        "name": "Boiler",
                        "partner_id": self.customer.id,
                        "kind": "warranty_repair",
                        "date_done": date(2026, 3, 5),
                        "employee_ids": [(6, 0, self.emp_tech.ids)],
                        "department_id": self.department.id,
                    }
                )
                service.action_done()
                visits |= service.return_visit_id
        return visits

    def test_cs4_escalation_killed_mid_run_escalates_each_complaint_once(self):
        """CS-4: the worker dies in the second batch: the first two complaints stay
        escalated with their activity; the next run escalates the other three, none twice."""
        with freeze_time(FRIDAY_LATE):
            complaints = self.Complaint.browse()
            for _index in range(5):
                complaints |= self._complaint()
        with (
            patch.object(customer_complaint_escalation, "ESCALATION_BATCH", 2),
            freeze_time(datetime(2026, 1, 10, 16, 0)),
        ):
            killed, progress = self.run_cron(ESCALATE, self._escalate, crash_at=2)
            self.assertIsInstance(killed, Killed)
            self.assertEqual(len(complaints.filtered("response_escalated")), 2)
            self.assertEqual(progress.done, 2)
            _result, progress = self.run_cron(ESCALATE, self._escalate)
            self.assertEqual(progress.done, 3)
        self.assertTrue(all(complaints.mapped("response_escalated")))
        for complaint in complaints:
            escalations = complaint.activity_ids.filtered(lambda a: a.user_id == self.user_dm)
            self.assertEqual(len(escalations), 1, complaint.name)

    def test_cs7_overdue_job_killed_mid_run_notifies_each_visit_once(self):
        """CS-7: the worker dies in the second batch of overdue visits: two managers'
        activities stay; the next run adds the three others; none twice; a timeout after
        the first batch leaves the rest to the next run too."""
        visits = self._visits(5)
        with freeze_time(datetime(2026, 3, 15, 16, 30)):
            killed, progress = self.run_cron(OVERDUE, self._notify, crash_at=3)
            self.assertIsInstance(killed, Killed)
            self.assertEqual(visits.mapped("overdue_notified"), [True] * 2 + [False] * 3)
            self.assertEqual((progress.done, progress.remaining), (2, 3))
            notified, progress = self.run_cron(OVERDUE, self._notify, timeout=True)
            self.assertEqual(notified, visits[2:4])
            self.assertEqual((progress.done, progress.remaining), (2, 1))
            notified, progress = self.run_cron(OVERDUE, self._notify)
            self.assertEqual(notified, visits[4:])
        for visit in visits:
            notes = visit.activity_ids.filtered(lambda a: a.user_id == self.user_supervisor)
            self.assertEqual(len(notes), 1)
