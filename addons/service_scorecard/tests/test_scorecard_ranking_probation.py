# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ServiceScorecardCommon

JAN = date(2025, 1, 10)


@tagged("post_install", "-at_install")
class TestScorecardRanking(ServiceScorecardCommon):
    def test_sc6_best_managers_announced_and_ranked(self):
        """SC-6: closing January announces the best manager on quality (Li) and on revenue
        (Liu, revenue entered by the supervisor) in the scorecard channel, and ranks all."""
        self._event(self.li, self.t_won, JAN, quantity=2)  # 106
        self._event(self.chen, self.t_won, JAN)  # 103
        cards = {e: self._card(e, JAN) for e in (self.li, self.chen)}
        cards[self.liu] = self._get_period("month", JAN)._ensure_scorecards(self.liu)[
            self.liu.id, self._get_period("month", JAN).id
        ]
        for employee, revenue in ((self.li, 30000), (self.liu, 80000), (self.chen, 30000)):
            cards[employee].with_user(self.user_supervisor).revenue = revenue
        channel = self.env.ref("service_scorecard.discuss_channel_scorecard")
        self._get_period("month", JAN).action_close()
        message = channel.message_ids[0]
        self.assertIn("2025-01", message.body)
        self.assertIn("Service quality: Li Na (106 points)", message.body)
        self.assertIn("Business revenue: Liu Yang", message.body)
        ranks = {e: (c.rank_quality, c.rank_revenue) for e, c in cards.items()}
        self.assertEqual(ranks, {self.li: (1, 2), self.chen: (2, 2), self.liu: (3, 1)})
        with self.assertRaisesRegex(UserError, "reopen"):
            cards[self.li].with_user(self.user_supervisor).revenue = 1

    def test_sc6_ties_share_the_praise(self):
        """SC-6: managers with the same best score are announced together; no revenue entered,
        no revenue praise."""
        self._get_period("month", JAN).action_close()
        body = self.env.ref("service_scorecard.discuss_channel_scorecard").message_ids[0].body
        self.assertIn(
            "Li Na, Liu Yang, Chen Jing",
            body.replace("Chen Jing, Li Na, Liu Yang", "Li Na, Liu Yang, Chen Jing"),
        )
        self.assertNotIn("revenue", body)


@tagged("post_install", "-at_install")
class TestScorecardProbation(ServiceScorecardCommon):
    def _e_quarter(self, year, quarter, employee):
        first = 3 * (quarter - 1) + 1
        for month in range(first, first + 3):
            self._event(employee, self.t_unreported, date(year, month, 5), quantity=3)  # 85
        return self._close_quarter(year, quarter)

    def _quarter_card(self, employee, period):
        return self.Quarter.search(
            [("employee_id", "=", employee.id), ("period_id", "=", period.id)]
        )

    def _proposals(self, card):
        return self.env["incentive.hr.proposal"].search(
            [("source_model", "=", card._name), ("source_res_id", "=", card.id)]
        )

    def test_sc7_two_e_quarters_propose_probation_then_dismissal(self):
        """SC-7: after two consecutive E quarters HR gets an HR proposal of probation at
        trial-period pay (nothing applied silently); HR starts it; another E quarter on
        probation proposes dismissal, which HR decides (the supervisor and the manager
        himself cannot)."""
        q1 = self._e_quarter(2025, 1, self.chen)
        self.assertFalse(self._quarter_card(self.chen, q1).probation_decision)
        q2 = self._e_quarter(2025, 2, self.chen)
        card = self._quarter_card(self.chen, q2).with_user(self.user_hr)
        self.assertEqual(card.probation_decision, "probation")
        proposal = self._proposals(card)
        self.assertEqual((proposal.kind, proposal.state), ("probation", "proposed"))
        self.assertEqual((proposal.rule_ref, proposal.employee_id), ("SC-7", self.chen))
        self.assertEqual(proposal.activity_ids.user_id, self.user_hr)
        self.assertIn("trial-period pay", proposal.reason)
        self.assertFalse(self.chen.scorecard_probation, "HR decides, nothing is applied")
        self.assertFalse(self._quarter_card(self.li, q2).probation_decision)
        with self.assertRaises(UserError):
            card.with_user(self.user_supervisor).action_start_probation()
        action = card.action_start_probation()
        self.assertEqual(action["res_id"], self.chen.id)
        self.assertTrue(self.chen.scorecard_probation)
        self.assertEqual((proposal.state, proposal.decided_by_id), ("accepted", self.user_hr))
        self.assertFalse(proposal.activity_ids)
        q3 = self._e_quarter(2025, 3, self.chen)
        card3 = self._quarter_card(self.chen, q3)
        self.assertEqual(card3.probation_decision, "dismissal")
        dismissal = self._proposals(card3)
        self.assertEqual((dismissal.kind, dismissal.state), ("dismissal", "proposed"))
        for user in (self.user_supervisor, self.chen.user_id):
            if user:
                with self.subTest(user=user.login), self.assertRaises(UserError):
                    dismissal.with_user(user).action_accept()
        self.assertEqual(dismissal.state, "proposed")
        dismissal.with_user(self.user_hr).action_reject("One more quarter")
        self.assertEqual(dismissal.state, "rejected")
        self.assertTrue(self.chen.scorecard_probation, "HR ends a contract in Employees")

    def test_sc7_better_quarter_on_probation_ends_it(self):
        """SC-7: a quarter above E during probation proposes to end it."""
        self.chen.scorecard_probation = True
        period = self._close_quarter(2025, 1)
        card = self._quarter_card(self.chen, period).with_user(self.user_hr)
        self.assertEqual(card.probation_decision, "end_probation")
        proposal = self._proposals(card).with_user(self.user_hr)
        self.assertEqual(proposal.kind, "end_probation")
        proposal.action_accept()
        self.assertFalse(self.chen.scorecard_probation, "accepting the proposal applies it")
        self.assertEqual(card.probation_decision, "end_probation")

    def test_sc7_non_consecutive_e_quarters_do_nothing(self):
        """SC-7: E quarters with a better quarter between them do not lead to probation."""
        self._e_quarter(2025, 1, self.chen)
        self._close_quarter(2025, 2)
        q3 = self._e_quarter(2025, 3, self.chen)
        self.assertFalse(self._quarter_card(self.chen, q3).probation_decision)

    def test_sc7_reopening_withdraws_the_proposal(self):
        """SC-7: reopening the quarter withdraws its proposal; closing it again proposes anew."""
        self._e_quarter(2025, 1, self.chen)
        q2 = self._e_quarter(2025, 2, self.chen)
        card = self._quarter_card(self.chen, q2)
        first = self._proposals(card)
        q2.action_reopen()
        self.assertFalse(card.probation_decision)
        self.assertEqual(first.state, "withdrawn")
        self.assertFalse(first.activity_ids)
        q2.action_close()
        self.assertEqual(card.probation_decision, "probation")
        self.assertEqual(self._proposals(card).mapped("state"), ["proposed", "withdrawn"])
