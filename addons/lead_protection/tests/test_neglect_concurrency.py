# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import psycopg2.errors
from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.incentive_ledger.tests.two_workers import TwoWorkersCase

PHONES = ["13766540001", "13766540002"]


@tagged("post_install", "-at_install")
class TestNeglectConcurrency(TwoWorkersCase):
    """LP-14 at scale: the neglect job runs beside the manager and the salespeople, each on
    its own, separately committed transaction (two real workers)."""

    def setUp(self):
        super().setUp()
        with self.committed() as env:
            self.admin_id = env.ref("base.user_admin").id
            env = env(user=self.admin_id)
            self.other_id = (
                env["res.users"].create({"name": "Neglect Heir", "login": "lp_neglect_heir"}).id
            )
            kind = env.ref("lead_protection.kind_walk_in")
            leads = env["crm.lead"]
            # A registered on 1 July, B on 1 August: by 5 October only A is neglected.
            for moment, phone in zip(("2026-07-01 03:00", "2026-08-01 03:00"), PHONES, strict=True):
                with freeze_time(moment):
                    lead = env["crm.lead"].create(
                        {
                            "name": f"Neglect {phone}",
                            "type": "opportunity",
                            "contact_name": f"Neglect {phone}",
                            "phone": phone,
                            "street": "Neglect Street 1",
                            "city": "Shanghai",
                            "user_id": self.admin_id,
                        }
                    )
                    env["lead.protection.registration"]._register_leads(lead, kind)
                    leads |= lead
            self.lead_a, self.lead_b = leads.ids
            with freeze_time("2026-10-05 03:00"):
                self.assertEqual(env["crm.lead"]._cron_flag_neglected().ids, [self.lead_a])
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.committed(context={"active_test": False}) as env:
            leads = env["crm.lead"].browse([self.lead_a, self.lead_b])
            env["lead.protection.registration"].search([("lead_id", "in", leads.ids)]).unlink()
            leads.unlink()
            env["res.users"].browse(self.other_id).unlink()

    def _flags(self, env):
        env.cr.execute(
            "SELECT id, COALESCE(protection_neglected, FALSE), user_id FROM crm_lead"
            " WHERE id IN %s ORDER BY id",
            [(self.lead_a, self.lead_b)],
        )
        return env.cr.fetchall()

    def test_lp14_job_beside_a_reassignment_never_flags_the_new_holder(self):
        """LP-14: the manager reassigns the neglected customer A while the job runs on an
        older snapshot: the job flags B only (A was flagged already: nothing to write), and
        the next run leaves A, now the new holder's since today, unflagged."""
        # The job's snapshot (worker 2) predates the reassignment.
        with (
            self.two_workers(uid1=self.admin_id) as (manager, job),
            freeze_time("2026-11-22 03:00"),
        ):
            manager["lead.protection.reassign"].create(
                {"lead_ids": [(6, 0, [self.lead_a])], "user_id": self.other_id}
            ).action_reassign()
            self.commit(manager)
            self.assertEqual(job["crm.lead"]._cron_flag_neglected().ids, [self.lead_b])
            self.commit(job)
            self.assertEqual(
                self._flags(job),
                [(self.lead_a, False, self.other_id), (self.lead_b, True, self.admin_id)],
            )
            self.assertFalse(job["crm.lead"]._cron_flag_neglected())
            self.assertEqual(self._flags(job)[0], (self.lead_a, False, self.other_id))

    def test_lp14_job_beside_a_lost_deal_retries_and_does_not_flag_it(self):
        """LP-14: the salesperson marks B lost while the job, on an older snapshot, flags it:
        the job's write fails on the row the salesperson committed (PostgreSQL serialization
        failure; ``ir.cron`` rolls back and runs it again), and the retry leaves B alone."""
        with (
            self.two_workers(uid1=self.admin_id) as (sales, job),
            freeze_time("2026-11-22 03:00"),
        ):
            sales["crm.lead"].browse(self.lead_b).action_set_lost()
            self.commit(sales)
            self.assertFalse(
                self.assertRetried(
                    job,
                    job["crm.lead"]._cron_flag_neglected,
                    exceptions=psycopg2.errors.SerializationFailure,
                )
            )
            self.commit(job)
            self.assertEqual(
                self._flags(job),
                [(self.lead_a, True, self.admin_id), (self.lead_b, False, self.admin_id)],
            )
