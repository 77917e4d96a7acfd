# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import psycopg2.errors

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.incentive_ledger.tests.two_workers import TwoWorkersCase


@tagged("post_install", "-at_install")
class TestRegistrationConcurrency(TwoWorkersCase):
    """Two workers register the same customer at the same instant (LP-5)."""

    def setUp(self):
        super().setUp()
        with self.committed() as env:
            values = {
                "type": "opportunity",
                "contact_name": "Race",
                "phone": "13812345678",
                "street": "Race Street 1",
                "city": "Shanghai",
            }
            leads = env["crm.lead"].create([dict(values, name=f"Race {i}") for i in range(10)])
            self.lead_ids = leads.ids
            self.kind_id = env.ref("lead_protection.kind_walk_in").id
            self.admin_id = env.ref("base.user_admin").id
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.committed() as env:
            regs = env["lead.protection.registration"].search([("lead_id", "in", self.lead_ids)])
            env["lead.protection.collision"].search(
                [("challenger_registration_id", "in", regs.ids)]
            ).unlink()
            regs.unlink()
            env["crm.lead"].browse(self.lead_ids).unlink()

    def _register(self, env, lead_id):
        Registration = env["lead.protection.registration"]
        return Registration._register_leads(
            env["crm.lead"].browse(lead_id), env["lead.protection.kind"].browse(self.kind_id)
        )

    def test_lp5_two_workers_never_make_two_owners(self):
        """LP-5: repeated races on the same phone: exactly one owner each time; the loser's
        retry records a collision case."""
        for race in range(5):
            first_lead, second_lead = self.lead_ids[2 * race], self.lead_ids[2 * race + 1]
            with self.two_workers(uid2=self.admin_id) as (env1, env2):
                self._register(env1, first_lead)
                self.commit(env1)
                retried = self.assertRetried(env2, self._register, env2, second_lead)
                self.assertEqual(retried.state, "collided")
                self.commit(env2)
                self.assertEqual(
                    self.count(
                        env2,
                        """SELECT count(*) FROM lead_protection_key
                            WHERE active AND key_type = 'phone'
                              AND key_value = '+8613812345678'""",
                    ),
                    1,
                )
            with self.committed() as env:
                env["lead.protection.registration"].search(
                    [("lead_id", "in", self.lead_ids[: 2 * race + 2])]
                )._invalidate("next race")

    def test_lp7_two_workers_never_take_one_transition_twice(self):
        """LP-6, LP-7: two workers escalate (or resolve) the same case at once: the row
        lock makes the second a serialization failure, which Odoo retries; the retry sees
        the case already escalated and says so. Nothing is done twice."""
        first_lead, second_lead = self.lead_ids[0], self.lead_ids[1]
        with self.committed() as env:
            self._register(env, first_lead)
            self._register(env(user=self.admin_id), second_lead)
        with self.two_workers(uid2=self.admin_id, snapshot=False) as (env1, env2):
            domain = [("owner_registration_id.lead_id", "=", first_lead)]
            case1 = env1["lead.protection.collision"].search(domain)
            case2 = env2["lead.protection.collision"].search(domain)
            self.assertEqual(case1.state, "negotiation")
            self.assertEqual(case2.state, "negotiation")  # worker 2's snapshot is taken
            case1.action_escalate()
            self.commit(env1)
            with self.assertRaisesRegex(UserError, "not possible now"):
                self.assertRetried(
                    env2, case2.action_escalate, exceptions=psycopg2.errors.SerializationFailure
                )
            env2.cr.rollback()
            self.assertEqual(case2.state, "adjudication")
            self.assertEqual(
                len(case2.activity_ids.filtered(lambda a: "LP-7" in (a.summary or ""))), 1
            )
