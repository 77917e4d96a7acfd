# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta
from unittest.mock import patch

import psycopg2.errors
from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.incentive_ledger.tests.two_workers import TwoWorkersCase
from odoo.addons.lead_protection.models.lead_protection_registration import (
    LeadProtectionRegistration,
)

PHONES = [f"1377654{i:04d}" for i in range(5)]


@tagged("post_install", "-at_install")
class TestExpiryConcurrency(TwoWorkersCase):
    """LP-4 at scale: the expiry job commits in batches and resumes; it races registrations
    and another worker on real, separately committed transactions."""

    def setUp(self):
        super().setUp()
        with self.committed() as env:
            env.company.resource_calendar_id.tz = "Asia/Shanghai"
            values = {"type": "opportunity", "street": "Expiry Street 1", "city": "Shanghai"}
            leads = env["crm.lead"].create(
                [
                    dict(values, name=f"Expiry {i}", contact_name=f"Expiry {i}", phone=phone)
                    for i, phone in enumerate(PHONES + PHONES[:1])
                ]
            )
            self.lead_ids = leads.ids
            self.kind = env.ref("lead_protection.kind_walk_in").id
            self.admin_id = env.ref("base.user_admin").id
            with freeze_time("2026-11-02 03:00"):
                registrations = env["lead.protection.registration"]._register_leads(
                    leads[:5], env["lead.protection.kind"].browse(self.kind)
                )
            self.registration_ids = registrations.ids
            # 24:00 of the last day in Shanghai, in UTC.
            self.end = datetime.combine(registrations[0].last_day, time(16, 0))
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.committed() as env:
            regs = env["lead.protection.registration"].search([("lead_id", "in", self.lead_ids)])
            env["lead.protection.collision"].search(
                [
                    "|",
                    ("challenger_registration_id", "in", regs.ids),
                    ("owner_registration_id", "in", regs.ids),
                ]
            ).unlink()
            regs.unlink()
            env["crm.lead"].browse(self.lead_ids).unlink()

    def _states(self, env):
        env.cr.execute(
            """SELECT reg.state, count(*) FROM lead_protection_registration reg
                WHERE reg.id = ANY(%s) GROUP BY reg.state""",
            [self.registration_ids],
        )
        return dict(env.cr.fetchall())

    def _cron_env(self, env):
        """An environment as ir.cron gives its job: progress committed with the batches."""
        cron = env.ref("lead_protection.ir_cron_expire_registrations")
        progress = env["ir.cron.progress"].create({"cron_id": cron.id, "remaining": 0, "done": 0})
        return env(context={"ir_cron_progress_id": progress.id, "cron_id": cron.id}), progress

    def test_lp4_a_crash_mid_run_loses_and_doubles_nothing(self):
        """LP-4: each batch commits with its progress; a crash in the second batch keeps the
        first, and the next run expires exactly the rest, once."""
        original = LeadProtectionRegistration._expire
        calls = []

        def crash_on_second_batch(records):
            calls.append(len(records))
            if len(calls) == 2:
                raise RuntimeError("worker killed")
            return original(records)

        with self.worker() as worker, freeze_time(self.end + timedelta(minutes=1)):
            env, progress = self._cron_env(worker)
            with (
                patch.object(LeadProtectionRegistration, "_expire", crash_on_second_batch),
                self.assertRaises(RuntimeError),
            ):
                env["lead.protection.registration"]._cron_expire(batch_size=2)
            env.cr.rollback()
            self.assertEqual(self._states(env), {"expired": 2, "active": 3})
            self.assertEqual((progress.done, progress.remaining), (2, 3))
            env.invalidate_all()
            expired = env["lead.protection.registration"]._cron_expire(batch_size=2)
            self.assertEqual(len(expired), 3)
            self.commit(env)
            self.assertEqual(self._states(env), {"expired": 5})
            self.assertEqual(
                self.count(
                    env,
                    """SELECT count(*) FROM mail_tracking_value value
                     JOIN ir_model_fields field ON field.id = value.field_id
                     JOIN mail_message msg ON msg.id = value.mail_message_id
                    WHERE field.name = 'state' AND msg.model = 'lead.protection.registration'
                      AND msg.res_id = ANY(%s) AND value.new_value_char = 'Expired'""",
                    [self.registration_ids],
                ),
                5,
                "every registration expired exactly once",
            )

    def test_lp4_expiry_job_and_registration_race(self):
        """LP-4, LP-5: the job expires a registration while another salesperson registers the
        same customer, each in its own transaction: one of them waits for or retries after
        the other, the old keys are deactivated once and the new registration owns the
        customer alone."""
        with (
            self.two_workers(uid2=self.admin_id) as (worker1, env2),
            freeze_time(self.end + timedelta(minutes=1)),
        ):
            env1, _progress = self._cron_env(worker1)
            env1["lead.protection.registration"]._cron_expire(batch_size=10)
            # Odoo retries the request.
            new = self.assertRetried(
                env2,
                lambda: env2["lead.protection.registration"]._register_leads(
                    env2["crm.lead"].browse(self.lead_ids[5]),
                    env2["lead.protection.kind"].browse(self.kind),
                ),
                exceptions=psycopg2.errors.SerializationFailure,
            )
            self.assertEqual(new.state, "active")
            self.commit(env2)
            self.assertEqual(self._states(env2), {"expired": 5})
            env2.cr.execute(
                """SELECT registration_id FROM lead_protection_key
                    WHERE active AND key_type = 'phone' AND key_value = %s""",
                [f"+86{PHONES[0]}"],
            )
            self.assertEqual(env2.cr.fetchall(), [(new.id,)])

    def test_lp4_two_expiry_workers_never_expire_twice(self):
        """LP-4: two servers run the job at once (or a manual run beside the cron): the
        second one's writes on the rows the first committed fail and are retried; the retry
        finds nothing left. No registration is expired twice."""
        with (
            self.two_workers() as (worker1, env2),
            freeze_time(self.end + timedelta(minutes=1)),
        ):
            env1, _progress1 = self._cron_env(worker1)
            self.assertEqual(len(env1["lead.protection.registration"]._cron_expire()), 5)
            self.assertFalse(
                self.assertRetried(
                    env2,
                    env2["lead.protection.registration"]._cron_expire,
                    exceptions=psycopg2.errors.SerializationFailure,
                )
            )
            self.assertEqual(self._states(env2), {"expired": 5})
