# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.incentive_ledger.tests.cron_crash import CronCrashMixin, Killed

from .common import LeadProtectionCommon

NEGLECT = "lead_protection.ir_cron_flag_neglected"
EXPIRY = "lead_protection.ir_cron_expire_registrations"


@tagged("post_install", "-at_install")
class TestCronProgress(CronCrashMixin, LeadProtectionCommon):
    """The lead protection jobs commit in batches and resume after a crash or a timeout,
    losing and doubling nothing; a steady run costs what changed, not the table."""

    def _registered(self, count, start=0):
        with freeze_time("2026-07-01 10:00"):
            leads = self.env["crm.lead"].browse()
            for n in range(start, start + count):
                lead = self._lead(self.user_sales_1, name=f"Neglect {n}", phone=f"1391111{n:04d}")
                self._register(self.user_sales_1, lead)
                leads |= lead
        return leads

    def _neglect(self, batch_size=2):
        return lambda env: env["crm.lead"]._cron_flag_neglected(batch_size=batch_size)

    def test_lp14_neglect_job_killed_mid_run_resumes_without_loss(self):
        """LP-14: the worker dies in the second batch: the first batch stays flagged with its
        progress, the next run flags exactly the rest; a run after that changes nothing."""
        leads = self._registered(5)
        with freeze_time("2026-11-22 10:00"):
            killed, progress = self.run_cron(NEGLECT, self._neglect(), crash_at=3)
            self.assertIsInstance(killed, Killed)
            self.assertEqual(len(leads.filtered("protection_neglected")), 2)
            self.assertEqual((progress.done, progress.remaining), (2, 3))
            flagged, progress = self.run_cron(NEGLECT, self._neglect())
            self.assertEqual(flagged, leads[2:], "the rest, not the first batch again")
            self.assertEqual((progress.done, progress.remaining), (3, 0))
            self.assertTrue(all(leads.mapped("protection_neglected")))
            again, progress = self.run_cron(NEGLECT, self._neglect())
            self.assertFalse(again)
            self.assertEqual((progress.done, progress.remaining), (0, 0))

    def test_lp14_neglect_job_out_of_time_leaves_the_rest_to_the_next_run(self):
        """LP-14: when the job's time is over it stops after the batch in hand, its progress
        saying what remains (``ir.cron`` runs it again at once); the next run ends it."""
        leads = self._registered(5)
        with freeze_time("2026-11-22 10:00"):
            flagged, progress = self.run_cron(NEGLECT, self._neglect(), timeout=True)
            self.assertEqual(len(flagged), 2)
            self.assertEqual((progress.done, progress.remaining), (2, 3))
            flagged, progress = self.run_cron(NEGLECT, self._neglect(batch_size=10))
            self.assertEqual(len(flagged), 3)
        self.assertTrue(all(leads.mapped("protection_neglected")))

    def test_lp14_neglect_job_unflags_in_the_same_batches(self):
        """LP-14: served again or lost, a flagged lead is unflagged by the next run, through
        the same committed batches; a crash before the commit keeps it flagged for the retry."""
        leads = self._registered(3)
        with freeze_time("2026-11-22 10:00"):
            self.run_cron(NEGLECT, self._neglect())
        self.assertTrue(all(leads.mapped("protection_neglected")))
        leads[0].action_set_lost()
        with freeze_time("2026-11-23 09:00"):
            activity = (
                leads[1]
                .with_user(self.user_sales_1)
                .activity_schedule(
                    "lead_protection.activity_type_home_visit", user_id=self.user_sales_1.id
                )
            )
            activity.with_user(self.user_sales_1).action_feedback(feedback="Visited")
        with freeze_time("2026-11-23 10:00"):
            killed, _progress = self.run_cron(NEGLECT, self._neglect(), crash_at=2)
            self.assertIsInstance(killed, Killed)
            self.assertTrue(leads[0].with_context(active_test=False).protection_neglected)
            flagged, progress = self.run_cron(NEGLECT, self._neglect())
        self.assertFalse(flagged)
        self.assertEqual((progress.done, progress.remaining), (2, 0))
        self.assertEqual(
            leads.with_context(active_test=False).mapped("protection_neglected"),
            [False, False, True],
        )

    def test_lp14_steady_neglect_run_costs_the_same_whatever_the_leads(self):
        """LP-14: a run where nothing changed is one SQL query that returns nothing, with 4
        registered leads or with 12; a run's cost follows the leads whose flag changes."""
        leads = self._registered(4)
        with freeze_time("2026-11-22 10:00"):
            self.env["crm.lead"]._cron_flag_neglected()
            self.env.invalidate_all()
            with self.assertQueryCount(1):
                self.assertFalse(self.env["crm.lead"]._cron_flag_neglected())
        leads |= self._registered(8, start=4)
        with freeze_time("2026-11-22 10:00"):
            self.env["crm.lead"]._cron_flag_neglected()
            self.env.invalidate_all()
            with self.assertQueryCount(1):
                self.assertFalse(self.env["crm.lead"]._cron_flag_neglected())
        self.assertTrue(all(leads.mapped("protection_neglected")))

    def test_lp4_expiry_job_out_of_time_resumes(self):
        """LP-4: out of time after its first batch, the expiry job leaves the rest to the next
        run, which expires exactly the rest."""
        registrations = self._registered(5).protection_registration_ids
        with freeze_time("2026-07-20 10:00"):
            expired, progress = self.run_cron(
                EXPIRY,
                lambda env: env["lead.protection.registration"]._cron_expire(batch_size=2),
                timeout=True,
            )
            self.assertEqual(len(expired), 2)
            self.assertEqual((progress.done, progress.remaining), (2, 3))
            expired, progress = self.run_cron(
                EXPIRY, lambda env: env["lead.protection.registration"]._cron_expire()
            )
            self.assertEqual(len(expired), 3)
        self.assertEqual(set(registrations.mapped("state")), {"expired"})
