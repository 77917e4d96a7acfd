# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import closing

import psycopg2.errors
from freezegun import freeze_time

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger

PHONES = ["13766540001", "13766540002"]


@tagged("post_install", "-at_install")
class TestNeglectConcurrency(BaseCase):
    """LP-14 at scale: the neglect job runs beside the manager and the salespeople, each on
    its own, separately committed transaction (two real workers)."""

    def setUp(self):
        super().setUp()
        self.registry = Registry(get_db_name())
        with closing(self.registry.cursor()) as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
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
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with closing(self.registry.cursor()) as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
            leads = env["crm.lead"].browse([self.lead_a, self.lead_b])
            env["lead.protection.registration"].search([("lead_id", "in", leads.ids)]).unlink()
            leads.unlink()
            env["res.users"].browse(self.other_id).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def _flags(self, cr):
        cr.execute(
            "SELECT id, COALESCE(protection_neglected, FALSE), user_id FROM crm_lead"
            " WHERE id IN %s ORDER BY id",
            [(self.lead_a, self.lead_b)],
        )
        return cr.fetchall()

    def test_lp14_job_beside_a_reassignment_never_flags_the_new_holder(self):
        """LP-14: the manager reassigns the neglected customer A while the job runs on an
        older snapshot: the job flags B only (A was flagged already: nothing to write), and
        the next run leaves A, now the new holder's since today, unflagged."""
        with (
            closing(self.registry.cursor()) as cr_job,
            closing(self.registry.cursor()) as cr_manager,
            freeze_time("2026-11-22 03:00"),
        ):
            job = api.Environment(cr_job, SUPERUSER_ID, {})
            manager = api.Environment(cr_manager, self.admin_id, {})
            cr_job.execute("SELECT 1")  # the job's snapshot predates the reassignment
            manager["lead.protection.reassign"].create(
                {"lead_ids": [(6, 0, [self.lead_a])], "user_id": self.other_id}
            ).action_reassign()
            cr_manager.commit()  # pylint: disable=invalid-commit
            self.assertEqual(job["crm.lead"]._cron_flag_neglected().ids, [self.lead_b])
            cr_job.commit()  # pylint: disable=invalid-commit
            self.assertEqual(
                self._flags(cr_job),
                [(self.lead_a, False, self.other_id), (self.lead_b, True, self.admin_id)],
            )
            self.assertFalse(job["crm.lead"]._cron_flag_neglected())
            self.assertEqual(self._flags(cr_job)[0], (self.lead_a, False, self.other_id))

    def test_lp14_job_beside_a_lost_deal_retries_and_does_not_flag_it(self):
        """LP-14: the salesperson marks B lost while the job, on an older snapshot, flags it:
        the job's write fails on the row the salesperson committed (PostgreSQL serialization
        failure; ``ir.cron`` rolls back and runs it again), and the retry leaves B alone."""
        with (
            closing(self.registry.cursor()) as cr_job,
            closing(self.registry.cursor()) as cr_sales,
            freeze_time("2026-11-22 03:00"),
        ):
            job = api.Environment(cr_job, SUPERUSER_ID, {})
            sales = api.Environment(cr_sales, self.admin_id, {})
            cr_job.execute("SELECT 1")
            sales["crm.lead"].browse(self.lead_b).action_set_lost()
            cr_sales.commit()  # pylint: disable=invalid-commit
            with (
                self.assertRaises(psycopg2.errors.SerializationFailure),
                mute_logger("odoo.sql_db"),
            ):
                job["crm.lead"]._cron_flag_neglected()
            cr_job.rollback()
            job.invalidate_all()
            self.assertFalse(job["crm.lead"]._cron_flag_neglected())
            cr_job.commit()  # pylint: disable=invalid-commit
            self.assertEqual(
                self._flags(cr_job),
                [(self.lead_a, True, self.admin_id), (self.lead_b, False, self.admin_id)],
            )
