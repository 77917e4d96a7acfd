# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    def test_groups_and_menu(self):
        """The skeleton installs its groups (manager implies user) and its menu."""
        user_group = self.env.ref("service_scorecard.group_service_scorecard_user")
        manager_group = self.env.ref("service_scorecard.group_service_scorecard_manager")
        self.assertIn(user_group, manager_group.all_implied_ids)
        self.assertIn(manager_group, self.env.ref("base.user_admin").all_group_ids)
        menu = self.env.ref("service_scorecard.menu_service_scorecard_root")
        self.assertEqual(menu.group_ids, user_group)

    def test_settings_out_of_range_refused(self):
        """SC-4, SC-7: the settings screen refuses a month outside 1..12, no E quarter
        before probation, negative closing days; the message names the setting, and the
        company keeps its values (incentive_ledger's one range check)."""
        company = self.env.company
        before = (company.scorecard_year_end_month, company.scorecard_probation_quarters)
        cases = (
            ("scorecard_year_end_month", 13, "Year-end Bonus Month", "1", "12"),
            ("scorecard_year_end_month", 0, "Year-end Bonus Month", "1", "12"),
            ("scorecard_probation_quarters", 0, "E Quarters before Probation", "1", None),
            ("scorecard_close_delay_days", -1, "Days before Closing", "0", None),
        )
        for name, value, label, low, high in cases:
            with self.subTest(name=name, value=value), self.assertRaises(ValidationError) as err:
                self.env["res.config.settings"].create({name: value}).execute()
            self.assertIn(label, str(err.exception))
            self.assertIn(low, str(err.exception))
            if high:
                self.assertIn(high, str(err.exception))
        company.invalidate_recordset()
        self.assertEqual(
            (company.scorecard_year_end_month, company.scorecard_probation_quarters), before
        )
        company.scorecard_year_end_month = 12  # the bounds themselves are allowed
        company.scorecard_close_delay_days = 0
        self.assertEqual(company.scorecard_close_delay_days, 0)
