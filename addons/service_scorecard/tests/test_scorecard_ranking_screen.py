# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ServiceScorecardCommon

JAN = date(2025, 1, 10)
FEB = date(2025, 2, 10)


@tagged("post_install", "-at_install")
class TestScorecardRankingScreen(ServiceScorecardCommon):
    def test_sc6_every_customer_manager_reads_the_announced_ranking(self):
        """SC-6: once January is closed, each customer manager reads the whole ranking of
        January (not February, still open), but still only his own scorecard; a group row
        of the ranking shows the best rank, never a sum of ranks."""
        self._event(self.li, self.t_won, JAN, quantity=2)
        self._event(self.chen, self.t_won, JAN)
        self._get_period("month", JAN)._ensure_scorecards(self.managers)
        self._get_period("month", JAN).action_close()
        self._event(self.li, self.t_won, FEB)
        Ranking = self.env["service.scorecard.ranking"].with_user(self.user_liu)
        rows = Ranking.search([])
        self.assertEqual(rows.employee_id, self.managers)
        self.assertEqual(set(rows.mapped("date_start")), {date(2025, 1, 1)})
        self.assertEqual(
            {row.employee_id: row.rank_quality for row in rows},
            {self.li: 1, self.chen: 2, self.liu: 3},
        )
        groups = Ranking.formatted_read_group([], ["period_id"], ["rank_quality:min", "score:avg"])
        self.assertEqual(groups[0]["rank_quality:min"], 1)
        # The scorecards themselves stay private.
        self.assertEqual(
            self.env["service.scorecard"].with_user(self.user_liu).search([]).employee_id,
            self.liu,
        )
        with self.assertRaises(AccessError):
            Ranking.browse(rows[0].id).write({"score": 1})
        card_groups = self.env["service.scorecard"].formatted_read_group(
            [("state", "=", "closed")], ["period_id"], ["__count"]
        )
        self.assertEqual(card_groups[0]["__count"], 3)
        self.assertFalse(self.env["service.scorecard"]._fields["rank_quality"].aggregator)
