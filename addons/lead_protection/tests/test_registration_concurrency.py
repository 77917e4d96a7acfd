# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import closing

import psycopg2.errors

from odoo import SUPERUSER_ID, api
from odoo.exceptions import ConcurrencyError, UserError
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestRegistrationConcurrency(BaseCase):
    """Two workers register the same customer at the same instant (LP-5)."""

    def setUp(self):
        super().setUp()
        self.registry = Registry(get_db_name())
        with closing(self.registry.cursor()) as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
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
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with closing(self.registry.cursor()) as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            regs = env["lead.protection.registration"].search([("lead_id", "in", self.lead_ids)])
            env["lead.protection.collision"].search(
                [("challenger_registration_id", "in", regs.ids)]
            ).unlink()
            regs.unlink()
            env["crm.lead"].browse(self.lead_ids).unlink()
            cr.commit()  # pylint: disable=invalid-commit

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
            with (
                closing(self.registry.cursor()) as cr1,
                closing(self.registry.cursor()) as cr2,
            ):
                env1 = api.Environment(cr1, SUPERUSER_ID, {})
                env2 = api.Environment(cr2, self.admin_id, {})
                cr2.execute("SELECT 1")  # worker 2's snapshot predates worker 1's commit
                self._register(env1, first_lead)
                cr1.commit()  # pylint: disable=invalid-commit
                with self.assertRaises(ConcurrencyError), mute_logger("odoo.sql_db"):
                    self._register(env2, second_lead)
                cr2.rollback()
                retried = self._register(env2, second_lead)
                self.assertEqual(retried.state, "collided")
                cr2.commit()  # pylint: disable=invalid-commit
                cr2.execute(
                    """SELECT count(*) FROM lead_protection_key
                        WHERE active AND key_type = 'phone' AND key_value = '+8613812345678'"""
                )
                self.assertEqual(cr2.fetchone()[0], 1)
            with closing(self.registry.cursor()) as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                env["lead.protection.registration"].search(
                    [("lead_id", "in", self.lead_ids[: 2 * race + 2])]
                )._invalidate("next race")
                cr.commit()  # pylint: disable=invalid-commit

    def test_lp7_two_workers_never_take_one_transition_twice(self):
        """LP-6, LP-7: two workers escalate (or resolve) the same case at once: the row
        lock makes the second a serialization failure, which Odoo retries; the retry sees
        the case already escalated and says so. Nothing is done twice."""
        first_lead, second_lead = self.lead_ids[0], self.lead_ids[1]
        with closing(self.registry.cursor()) as cr:
            self._register(api.Environment(cr, SUPERUSER_ID, {}), first_lead)
            self._register(api.Environment(cr, self.admin_id, {}), second_lead)
            cr.commit()  # pylint: disable=invalid-commit
        with (
            closing(self.registry.cursor()) as cr1,
            closing(self.registry.cursor()) as cr2,
        ):
            env1 = api.Environment(cr1, SUPERUSER_ID, {})
            env2 = api.Environment(cr2, self.admin_id, {})
            domain = [("owner_registration_id.lead_id", "=", first_lead)]
            case1 = env1["lead.protection.collision"].search(domain)
            case2 = env2["lead.protection.collision"].search(domain)
            self.assertEqual(case1.state, "negotiation")
            self.assertEqual(case2.state, "negotiation")  # worker 2's snapshot is taken
            case1.action_escalate()
            cr1.commit()  # pylint: disable=invalid-commit
            with (
                self.assertRaises(psycopg2.errors.SerializationFailure),
                mute_logger("odoo.sql_db"),
            ):
                case2.action_escalate()
            cr2.rollback()
            case2.invalidate_recordset()
            with self.assertRaisesRegex(UserError, "not possible now"):
                case2.action_escalate()
            cr2.rollback()
            self.assertEqual(case2.state, "adjudication")
            self.assertEqual(
                len(case2.activity_ids.filtered(lambda a: "LP-7" in (a.summary or ""))), 1
            )
