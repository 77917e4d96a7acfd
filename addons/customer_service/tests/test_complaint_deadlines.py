# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common import CustomerServiceCommon

# Friday 9 January 2026, 23:30 in Shanghai (UTC+8).
FRIDAY_LATE = datetime(2026, 1, 9, 15, 30)
# Saturday 10 January 2026, 00:30 in Shanghai: still Friday in UTC.
SATURDAY_EARLY = datetime(2026, 1, 9, 16, 30)


@tagged("post_install", "-at_install")
class TestComplaintDeadlines(CustomerServiceCommon):
    def test_cs4_deadlines_friday_night(self):
        """CS-4: received Friday 23:30 in Shanghai: response within 24 hours from the
        moment (Saturday 23:30); resolution within 3 days, Friday not counted, until
        24:00 of Monday in Shanghai."""
        with freeze_time(FRIDAY_LATE):
            complaint = self._complaint()
        self.assertEqual(complaint.response_deadline, datetime(2026, 1, 10, 15, 30))
        self.assertEqual(complaint.resolution_deadline, datetime(2026, 1, 12, 16, 0))

    def test_cs4_deadlines_across_midnight_in_company_tz(self):
        """CS-4: 00:30 Saturday in Shanghai is still Friday in UTC: day D is Saturday, the
        3 days end at 24:00 of Tuesday in Shanghai, not Monday."""
        with freeze_time(SATURDAY_EARLY):
            complaint = self._complaint()
        self.assertEqual(complaint.resolution_deadline, datetime(2026, 1, 13, 16, 0))

    def test_cs4_overdue_flags_without_cron(self):
        """CS-4: the overdue flags are right at once and searchable, before any cron."""
        with freeze_time(FRIDAY_LATE):
            complaint = self._complaint()
            answered = self._complaint()
            self._respond(answered)
        Complaint = self.Complaint.with_user(self.user_supervisor)
        with freeze_time(datetime(2026, 1, 10, 15, 29)):
            self.assertFalse(Complaint.search([("response_overdue", "=", True)]) & complaint)
            complaint.invalidate_recordset()
            self.assertFalse(complaint.response_overdue)
        with freeze_time(datetime(2026, 1, 10, 15, 31)):
            overdue = Complaint.search([("response_overdue", "=", True)])
            self.assertIn(complaint, overdue)
            self.assertNotIn(answered, overdue)
            self.assertIn(answered, Complaint.search([("response_overdue", "=", False)]))
            complaint.invalidate_recordset()
            self.assertTrue(complaint.response_overdue)
            self.assertFalse(complaint.resolution_overdue)
        with freeze_time(datetime(2026, 1, 12, 16, 1)):
            self.assertIn(answered, Complaint.search([("resolution_overdue", "=", True)]))
        with self.assertRaises(UserError):
            Complaint._search_response_overdue(">", 3)

    def test_cs4_escalation_to_department_manager_once(self):
        """CS-4: the scheduled job escalates an overdue response to the department manager,
        once; the flag cannot be reset by the receiver."""
        with freeze_time(FRIDAY_LATE):
            complaint = self._complaint()
        with freeze_time(datetime(2026, 1, 10, 16, 0)):
            self.Complaint._escalate_overdue()
            self.Complaint._escalate_overdue()
        self.assertTrue(complaint.response_escalated)
        self.assertFalse(complaint.resolution_escalated)
        dm_activities = complaint.activity_ids.filtered(lambda a: a.user_id == self.user_dm)
        self.assertEqual(len(dm_activities), 1)
        with self.assertRaises(UserError):
            complaint.with_user(self.user_receiver).write({"response_escalated": False})
        self.assertTrue(complaint.sudo().response_escalated)

    def test_cs4_progress_reports_at_interval(self):
        """CS-4: until closed, the receiver is asked to report progress every interval
        (24 hours by default); reporting moves the next report on."""
        self.company.complaint_progress_hours = 12
        with freeze_time(FRIDAY_LATE):
            complaint = self._complaint()
            self._respond(complaint)
        self.assertEqual(complaint.next_progress_at, datetime(2026, 1, 10, 3, 30))
        with freeze_time(datetime(2026, 1, 10, 4, 0)):
            self.Complaint._escalate_overdue()
            calls = complaint.activity_ids.filtered(
                lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_call")
            )
            self.assertEqual(calls.user_id, self.user_receiver)
            complaint.with_user(self.user_receiver).action_report_progress()
            self.assertEqual(complaint.next_progress_at, datetime(2026, 1, 10, 16, 0))

    def test_cs4_escalation_batch_queries(self):
        """CS-4: the job escalates a batch of complaints in a bounded number of queries."""
        with freeze_time(FRIDAY_LATE):
            complaints = self.Complaint.browse()
            for _index in range(5):
                complaints |= self._complaint()
        self.env.invalidate_all()
        with freeze_time(datetime(2026, 1, 10, 16, 0)), self.assertQueryCount(__system__=134):
            handled = self.Complaint._escalate_overdue()
        self.assertEqual(handled, 5)
