# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    def test_groups_and_menu(self):
        """The skeleton installs its groups (manager implies user) and its menu."""
        user_group = self.env.ref("partner_onboarding.group_partner_onboarding_user")
        manager_group = self.env.ref("partner_onboarding.group_partner_onboarding_manager")
        self.assertIn(user_group, manager_group.all_implied_ids)
        self.assertIn(manager_group, self.env.ref("base.user_admin").all_group_ids)
        menu = self.env.ref("partner_onboarding.menu_partner_onboarding_root")
        self.assertEqual(menu.group_ids, user_group)
