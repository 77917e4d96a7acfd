# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.incentive_ledger.tests.menu_access import SuiteMenuAccessCase


@tagged("post_install", "-at_install")
class TestServiceScorecardMenusOpen(SuiteMenuAccessCase):
    """Every screen of this addon's menus opens for each role that sees it (menus per role)."""

    _menu_modules = ("service_scorecard",)
