# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.incentive_ledger.tests.cron_crash import CronCrashMixin, Killed

from .common import ServiceScorecardCommon

CRON = "service_scorecard.ir_cron_close_periods"


@tagged("post_install", "-at_install")
class TestScorecardCronProgress(CronCrashMixin, ServiceScorecardCommon):
    """SC-2..SC-5: the month and quarter close job commits one period at a time and
    resumes after a crash or a timeout: every period closed once, its money booked once."""

    def setUp(self):
        super().setUp()
        for day in (date(2025, 1, 10), date(2025, 2, 10), date(2025, 3, 10)):
            self._event(self.li, self.t_won, day, quantity=4)
            self._event(self.chen, self.t_complaint, day, quantity=5)

    def _states(self):
        periods = self.Period.search([("date_start", ">=", "2025-01-01")], order="date_start, id")
        return {(period.period_type, period.date_start.month): period.state for period in periods}

    def _job(self, env):
        return env["service.scorecard.period"]._cron_close_due_periods()

    def test_sc4_close_job_killed_mid_run_books_each_period_once(self):
        """SC-3, SC-4: the worker dies while closing February: January stays closed with its
        rewards; the next run closes February, March, then the quarter, booking each
        month's rewards (Li A, Liu B with no event, Chen E: three lines a month) and the
        quarter's bonuses exactly once."""
        with freeze_time("2025-04-06 04:00"):
            killed, progress = self.run_cron(CRON, self._job, crash_at=3)
            self.assertIsInstance(killed, Killed)
            self.assertEqual(
                self._states(),
                {
                    ("month", 1): "closed",
                    ("month", 2): "open",
                    ("month", 3): "open",
                    ("quarter", 1): "open",
                },
            )
            self.assertEqual((progress.done, progress.remaining), (1, 3))
            self.assertEqual(len(self._lines(rule_ref="SC-4")), 3)
            _result, progress = self.run_cron(CRON, self._job)
            self.assertEqual((progress.done, progress.remaining), (3, 0))
            self.assertEqual(set(self._states().values()), {"closed"})
            _result, progress = self.run_cron(CRON, self._job)
            self.assertEqual(progress.done, 0, "nothing left to close")
        self.assertEqual(len(self._lines(rule_ref="SC-4")), 3 * 3)
        self.assertEqual(len(self._lines(self.li, rule_ref="SC-4")), 3)
        bonuses = self._lines(rule_ref="SC-3")
        self.assertTrue(bonuses)
        self.assertEqual(len(bonuses), len(bonuses.employee_id), "one quarter bonus each")

    def test_sc4_close_job_out_of_time_leaves_the_rest_to_the_next_run(self):
        """SC-4: out of time after January, the job leaves February, March and the quarter,
        in that order, to the next run."""
        with freeze_time("2025-04-06 04:00"):
            _result, progress = self.run_cron(CRON, self._job, timeout=True)
            self.assertEqual((progress.done, progress.remaining), (1, 3))
            self.assertEqual(self._states()[("month", 2)], "open")
            _result, progress = self.run_cron(CRON, self._job)
        self.assertEqual(set(self._states().values()), {"closed"})
        self.assertEqual(len(self._lines(rule_ref="SC-4")), 3 * 3)
