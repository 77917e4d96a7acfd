# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import ServiceScorecardCommon

JAN = date(2025, 1, 10)
FEB = date(2025, 2, 10)
MAR = date(2025, 3, 10)


@tagged("post_install", "-at_install")
class TestScorecardEvents(ServiceScorecardCommon):
    def test_sc1_month_starts_at_100_and_events_move_it(self):
        """SC-1: the supervisor records events with evidence; Li's month starts at 100, +3 per
        user won, -2 per user lost, -2 per failed standard, -3 per complaint, +3 per praise,
        -5 per unreported complaint; drafts do not count."""
        self._event(self.li, self.t_won, JAN, quantity=2)
        self._event(self.li, self.t_lost, JAN)
        self._event(self.li, self.t_install, JAN)
        self._event(self.li, self.t_complaint, JAN)
        self._event(self.li, self.t_praise, JAN)
        self._event(self.li, self.t_unreported, JAN)
        self._event(self.li, self.t_won, JAN, quantity=5, confirm=False)
        card = self._card(self.li, JAN).with_user(self.user_li)
        self.assertEqual(card.base_score, 100)
        self.assertEqual(card.score, 100 + 6 - 2 - 2 - 3 + 3 - 5)
        self.assertEqual(card.grade_id.name, "C")
        self.assertEqual(card.quarter_scorecard_id.period_id.name, "2025-Q1")

    def test_sc1_points_are_configuration(self):
        """SC-1: event points and the base score are data: a company changes them."""
        self.company.scorecard_base_score = 90
        self.t_won.points = 4
        self._event(self.liu, self.t_won, JAN)
        self.assertEqual(self._card(self.liu, JAN).score, 94)

    def test_sc1_evidence_is_required(self):
        """SC-1: the supervisor cannot confirm an event without evidence."""
        event = self._event(self.li, self.t_complaint, JAN, confirm=False, evidence_ids=[])
        with self.assertRaisesRegex(UserError, "evidence"):
            event.action_confirm()

    def test_sc1_fixed_points_cannot_be_changed(self):
        """SC-1: only the supervisor adjustment lets the supervisor choose the points."""
        event = self._event(self.li, self.t_complaint, JAN, confirm=False, unit_points=-1)
        with self.assertRaises(ValidationError):
            event.action_confirm()

    def test_sc1_confirmed_event_is_immutable_and_countered(self):
        """SC-1: a confirmed event cannot be edited or deleted, only countered; the counter
        takes its points back."""
        event = self._event(self.chen, self.t_complaint, FEB).with_user(self.user_supervisor)
        card = self._card(self.chen, FEB)
        self.assertEqual(card.score, 97)
        with self.assertRaisesRegex(UserError, "counter-event"):
            event.write({"quantity": 2})
        with self.assertRaisesRegex(UserError, "counter-event"):
            event.unlink()
        action = event.action_counter()
        counter = self.Event.browse(action["res_id"]).with_user(self.user_supervisor)
        self.assertEqual(counter.points, 3)
        with self.assertRaisesRegex(UserError, "why"):
            counter.action_confirm()
        counter.note = "<p>The complaint was about another manager.</p>"
        counter.action_confirm()
        self.assertTrue(event.is_countered)
        self.assertEqual(card.score, 100)
        with self.assertRaises(UserError):
            event.action_counter()
        with self.assertRaises(UserError):
            counter.action_counter()

    def test_sc1_supervisor_adjustment_1_to_3_points_per_quarter(self):
        """SC-1: the supervisor adds or removes 1 to 3 points per quarter, to the quarter."""
        with self.assertRaisesRegex(ValidationError, "1 to 3"):
            self._event(self.liu, self.t_adjust, FEB, unit_points=4)
        self._event(self.liu, self.t_adjust, FEB, unit_points=2)
        with self.assertRaisesRegex(ValidationError, "at most 3"):
            self._event(self.liu, self.t_adjust, MAR, unit_points=2)
        self._event(self.liu, self.t_adjust, MAR, unit_points=1)
        self._event(self.liu, self.t_won, JAN)
        quarter = self._card(self.liu, JAN).quarter_scorecard_id
        self.assertEqual(quarter.points, 3)
        self.assertEqual(self._card(self.liu, FEB), self.Card, "quarterly events make no month")
        self.assertEqual(quarter.score, 103 + 3)

    def test_sc1_satisfaction_survey_from_95_percent(self):
        """SC-1: +5 to the quarter when the satisfaction survey reaches 95 %, nothing below."""
        low = self._event(self.li, self.t_survey, MAR, survey_rate=94.0)
        self.assertEqual(low.points, 0)
        high = self._event(self.chen, self.t_survey, MAR, survey_rate=95.0)
        self.assertEqual(high.points, 5)
        self.assertEqual(high.quarter_scorecard_id.points, 5)

    def test_sc2_grades_from_thresholds(self):
        """SC-2: A from 110, B 100-109, C 95-99, D 90-94, E below 90, from the grade data."""
        self._event(self.li, self.t_won, JAN, quantity=4)  # 112
        self._event(self.liu, self.t_complaint, JAN, quantity=3)  # 91
        self._event(self.chen, self.t_unreported, JAN, quantity=3)  # 85
        grades = {e: self._card(e, JAN).grade_id.name for e in self.managers}
        self.assertEqual(grades, {self.li: "A", self.liu: "D", self.chen: "E"})
        self.env.ref("service_scorecard.grade_a").min_score = 115
        self._card(self.li, JAN)._compute_grade()
        self.assertEqual(self._card(self.li, JAN).grade_id.name, "B")

    def test_sc2_fraud_makes_the_month_e(self):
        """SC-2: proven fraud makes Chen's month E whatever the score, and counts as E in the
        quarter's mean; countering the fraud event lifts it."""
        self._event(self.chen, self.t_won, FEB, quantity=5)
        fraud = self._event(self.chen, self.t_fraud, FEB)
        card = self._card(self.chen, FEB)
        self.assertEqual((card.score, card.fraud, card.grade_id.name), (115, True, "E"))
        self.assertEqual(card.effective_score, 89)
        counter = self.Event.browse(
            fraud.with_user(self.user_supervisor).action_counter()["res_id"]
        )
        counter.with_user(self.user_supervisor).write({"note": "<p>Not proven.</p>"})
        counter.with_user(self.user_supervisor).action_confirm()
        self.assertEqual((card.fraud, card.grade_id.name, card.effective_score), (False, "A", 115))

    def test_sc2_quarter_is_the_mean_of_its_months(self):
        """SC-2: the quarterly score is the mean of the three monthly scores."""
        self._event(self.li, self.t_won, JAN, quantity=4)  # 112
        self._event(self.li, self.t_complaint, FEB)  # 97
        self._event(self.li, self.t_lost, MAR)  # 98
        quarter = self._card(self.li, JAN).quarter_scorecard_id
        self.assertEqual(len(quarter.month_scorecard_ids), 3)
        self.assertAlmostEqual(quarter.score, 102.33)
        self.assertEqual(quarter.grade_id.name, "B")

    def test_events_need_an_open_period(self):
        """Events of a closed month are refused: reopen it first."""
        self._get_period("month", JAN).action_close()
        with self.assertRaisesRegex(UserError, "closed"):
            self._event(self.li, self.t_won, JAN)
