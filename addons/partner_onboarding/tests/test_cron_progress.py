# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.incentive_ledger.tests.cron_crash import CronCrashMixin, Killed

from .common import PartnerOnboardingCommon

PLAN = "partner_onboarding.ir_cron_plan_visits"
SNAPSHOT = "partner_onboarding.ir_cron_snapshot_files"


@tagged("post_install", "-at_install")
class TestOnboardingCronProgress(CronCrashMixin, PartnerOnboardingCommon):
    """PO-5, PO-7: visit planning and the half-year snapshots commit in batches and resume
    after a crash or a timeout: no partner loses its visit, none gets two, no file is
    archived twice for a period."""

    def _planned(self, partners):
        visits = self.Visit.search([("partner_id", "in", partners.ids), ("state", "=", "planned")])
        return {
            partner: len(visits.filtered(lambda v, p=partner: v.partner_id == p))
            for partner in partners
        }

    def _plan(self, env):
        return env["partner.onboarding.visit"]._cron_plan(batch_size=2)

    def _snapshot(self, env):
        return env["partner.onboarding.file"]._cron_snapshot(batch_size=2)

    def test_po5_planning_killed_mid_run_plans_each_visit_once(self):
        """PO-5: the worker dies in the second batch of partners: the first two keep their
        visits; the next run plans the other three, and none twice."""
        partners = self._quick_admitted(5, grade="b")
        with freeze_time("2026-11-10 04:00"):
            killed, progress = self.run_cron(PLAN, self._plan, crash_at=3)
            self.assertIsInstance(killed, Killed)
            self.assertEqual(list(self._planned(partners).values()), [1, 1, 0, 0, 0])
            self.assertEqual((progress.done, progress.remaining), (2, 3))
            self.run_cron(PLAN, self._plan)
            self.run_cron(PLAN, self._plan)
        self.assertEqual(list(self._planned(partners).values()), [1] * 5)
        visits = self.Visit.search([("partner_id", "in", partners.ids)])
        self.assertEqual(len(visits.activity_ids), 5, "one activity per visit")

    def test_po5_planning_out_of_time_leaves_the_rest_to_the_next_run(self):
        """PO-5: out of time after its first batch, the job leaves the rest to the next run."""
        partners = self._quick_admitted(5, grade="b")
        with freeze_time("2026-11-10 04:00"):
            _result, progress = self.run_cron(PLAN, self._plan, timeout=True)
            self.assertEqual((progress.done, progress.remaining), (2, 3))
            self.run_cron(PLAN, self._plan)
        self.assertEqual(list(self._planned(partners).values()), [1] * 5)

    def test_po7_snapshots_killed_mid_run_archive_each_file_once(self):
        """PO-7: the worker dies in the second batch of files: two files keep their
        half-year copy; the next run archives the three others; a run after that none."""
        partners = self._quick_admitted(5, grade="b")
        files = self.File.browse()
        for partner in partners:
            files |= partner._onboarding_ensure_file()
        with freeze_time("2026-07-02 04:00"):
            killed, progress = self.run_cron(SNAPSHOT, self._snapshot, crash_at=3)
            self.assertIsInstance(killed, Killed)
            self.assertEqual(len(files.snapshot_ids), 2)
            self.assertEqual((progress.done, progress.remaining), (2, 3))
            _result, progress = self.run_cron(SNAPSHOT, self._snapshot)
            self.assertEqual((progress.done, progress.remaining), (3, 0))
            _result, progress = self.run_cron(SNAPSHOT, self._snapshot)
        self.assertEqual(progress.done, 0)
        self.assertEqual([len(file.snapshot_ids) for file in files], [1] * 5)
