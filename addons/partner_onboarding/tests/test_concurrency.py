# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.incentive_ledger.tests.two_workers import TwoWorkersCase


@tagged("post_install", "-at_install")
class TestPartnerFileConcurrency(TwoWorkersCase):
    """Two real database transactions, as two Odoo workers would run them."""

    def setUp(self):
        super().setUp()
        with self.committed() as env:
            self.partner_id = (
                env["res.partner"].create({"name": "Racing Builder", "is_company": True}).id
            )
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.committed() as env:
            env.cr.execute(
                "DELETE FROM partner_onboarding_file WHERE partner_id = %s", [self.partner_id]
            )
            env["res.partner"].browse(self.partner_id).unlink()

    def test_po7_two_workers_open_the_file_once(self):
        """PO-7: two workers open the file of the same partner at the same instant (an
        admission and a visit report): the second gets a retryable concurrency error, never
        a raw integrity error, and its retry finds the first one's file."""
        with self.two_workers() as (env1, env2):
            first = env1["res.partner"].browse(self.partner_id)._onboarding_ensure_file()
            self.commit(env1)
            retried = self.assertRetried(
                env2, env2["res.partner"].browse(self.partner_id)._onboarding_ensure_file
            )
            self.assertEqual(retried.id, first.id)
