# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import HttpCase, tagged

from .common import ServiceScorecardCommon

JAN = date(2025, 1, 10)


@tagged("post_install", "-at_install")
class TestScorecardUi(HttpCase, ServiceScorecardCommon):
    def test_sc4_supervisor_closes_a_month_in_the_browser(self):
        """SC-4, in a real browser and in Chinese: the supervisor closes January; Li (A) is
        rewarded +200, Chen (E) fined -200 on the ledger."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["service_scorecard"], ["zh_CN"])
        self.user_supervisor.lang = "zh_CN"
        self._event(self.li, self.t_won, JAN, quantity=4)
        self._event(self.chen, self.t_complaint, JAN, quantity=5)
        month = self._get_period("month", JAN)
        self.start_tour(
            f"/odoo/service.scorecard.period/{month.id}",
            "service_scorecard_close_month_tour",
            login="sc_supervisor",
        )
        self.assertEqual(month.state, "closed")
        self.assertEqual(month.closed_by_id, self.user_supervisor)
        amounts = {
            line.employee_id: (line.kind, line.amount)
            for line in self._lines(rule_ref="SC-4").filtered(
                lambda line: line.employee_id in (self.li | self.chen)
            )
        }
        self.assertEqual(amounts, {self.li: ("reward", 200), self.chen: ("penalty", -200)})
