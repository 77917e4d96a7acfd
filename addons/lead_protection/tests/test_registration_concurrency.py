# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import closing

from odoo import SUPERUSER_ID, api
from odoo.exceptions import ConcurrencyError
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
