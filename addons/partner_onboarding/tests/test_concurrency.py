# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import closing

from odoo import SUPERUSER_ID, api
from odoo.exceptions import ConcurrencyError
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestPartnerFileConcurrency(BaseCase):
    """Two real database transactions, as two Odoo workers would run them."""

    def setUp(self):
        super().setUp()
        self.registry = Registry(get_db_name())
        with closing(self.registry.cursor()) as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            self.partner_id = (
                env["res.partner"].create({"name": "Racing Builder", "is_company": True}).id
            )
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with closing(self.registry.cursor()) as cr:
            cr.execute(
                "DELETE FROM partner_onboarding_file WHERE partner_id = %s", [self.partner_id]
            )
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["res.partner"].browse(self.partner_id).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def test_po7_two_workers_open_the_file_once(self):
        """PO-7: two workers open the file of the same partner at the same instant (an
        admission and a visit report): the second gets a retryable concurrency error, never
        a raw integrity error, and its retry finds the first one's file."""
        with (
            closing(self.registry.cursor()) as cr1,
            closing(self.registry.cursor()) as cr2,
        ):
            env1 = api.Environment(cr1, SUPERUSER_ID, {})
            env2 = api.Environment(cr2, SUPERUSER_ID, {})
            cr2.execute("SELECT 1")  # take worker 2's REPEATABLE READ snapshot now
            first = env1["res.partner"].browse(self.partner_id)._onboarding_ensure_file()
            cr1.commit()  # pylint: disable=invalid-commit
            with self.assertRaises(ConcurrencyError), mute_logger("odoo.sql_db"):
                env2["res.partner"].browse(self.partner_id)._onboarding_ensure_file()
            cr2.rollback()
            env2.invalidate_all()
            retried = env2["res.partner"].browse(self.partner_id)._onboarding_ensure_file()
            self.assertEqual(retried.id, first.id)
