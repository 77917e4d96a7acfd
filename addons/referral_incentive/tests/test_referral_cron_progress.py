# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.incentive_ledger.tests.cron_crash import CronCrashMixin, Killed

from .common import ReferralCommon

CRON = "referral_incentive.ir_cron_referral_month"


@tagged("post_install", "-at_install")
class TestReferralCronProgress(CronCrashMixin, ReferralCommon):
    """RI-6: the monthly reports are prepared one company at a time, each committed with the
    job's progress: a crash or a timeout loses or doubles no month."""

    def setUp(self):
        super().setUp()
        self.others = self.env["res.company"].create(
            [{"name": "Referral North"}, {"name": "Referral South"}]
        )
        self.companies = self.env["res.company"].search([])

    def _months(self):
        return self.env["referral.month"].search([("name", "=", "2026-10")])

    def _job(self, env):
        return env["referral.month"]._cron_prepare()

    def test_ri6_month_job_killed_mid_run_prepares_each_month_once(self):
        """RI-6: the worker dies preparing the second company's month: the first stays
        prepared with its activities; the next run prepares exactly the others."""
        with freeze_time("2026-11-01 06:00"):
            killed, progress = self.run_cron(CRON, self._job, crash_at=3)
            self.assertIsInstance(killed, Killed)
            first = self._months()
            self.assertEqual(len(first), 1)
            self.assertEqual((progress.done, progress.remaining), (1, len(self.companies) - 1))
            months, progress = self.run_cron(CRON, self._job)
            self.assertEqual(len(months), len(self.companies) - 1)
            self.assertFalse(months & first)
            again, _progress = self.run_cron(CRON, self._job)
            self.assertFalse(again)
        self.assertEqual(self._months().company_id, self.companies)
        own = self._months().filtered(lambda month: month.company_id == self.company)
        self.assertEqual(len(own.activity_ids.filtered(lambda act: act.user_id == self.user_hr)), 1)

    def test_ri6_month_job_out_of_time_leaves_the_rest_to_the_next_run(self):
        """RI-6: out of time after one company's month, the job leaves the others to the
        next run."""
        with freeze_time("2026-11-01 06:00"):
            months, progress = self.run_cron(CRON, self._job, timeout=True)
            self.assertEqual(len(months), 1)
            self.assertEqual(progress.remaining, len(self.companies) - 1)
            self.run_cron(CRON, self._job)
        self.assertEqual(self._months().company_id, self.companies)
        self.assertEqual(len(self._months()), len(self.companies))
