# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common import CustomerServiceCommon


@tagged("post_install", "-at_install")
class TestScorecardFeed(CustomerServiceCommon):
    def _quarter_card(self, day):
        periods = self.env["service.scorecard.period"]._ensure_periods(
            [(self.company.id, day)], "quarter"
        )
        period = next(iter(periods.values()))
        cards = period._ensure_scorecards(self.emp_cm)
        return next(iter(cards.values()))

    def test_sc8_revenue_bonus_formula(self):
        """SC-8: (revenue - base) x 25 % x 50 % becomes the quarter's revenue bonus or
        penalty; the supervisor can still enter the amount."""
        card = self._quarter_card(self.env.company._suite_today()).with_user(self.user_supervisor)
        card.write({"revenue_actual": 120000.0, "revenue_base": 100000.0})
        self.assertEqual(card.revenue_amount, 2500.0)
        card.write({"revenue_actual": 90000.0})
        self.assertEqual(card.revenue_amount, -1250.0)
        card.write({"revenue_amount": 300.0})
        self.assertEqual(card.revenue_amount, 300.0)

    def test_sc8_attacker_customer_manager_cannot_set_revenue(self):
        """SC-8 attacker: the customer manager cannot enter his own revenue."""
        card = self._quarter_card(self.env.company._suite_today())
        with self.assertRaises(Exception):  # noqa: B017 - AccessError or UserError
            card.with_user(self.user_cm).write({"revenue_actual": 1e9})
        self.assertFalse(card.sudo().revenue_amount)

    def test_sc9_confirmed_complaint_and_praise_events_once(self):
        """SC-9: the supervisor confirms a complaint against customer manager Li: -3 on
        his scorecard, once; recorded praise gives +3."""
        complaint = self._complaint()
        complaint.with_user(self.user_supervisor).action_confirm()
        event = complaint.scorecard_event_id
        self.assertEqual((event.points, event.state), (-3, "confirmed"))
        self.assertEqual(event.employee_id, self.emp_cm)
        complaint.sudo()._book_scorecard_events()
        self.assertEqual(
            self.env["service.scorecard.event"].search_count(
                [("cs_source_key", "=", f"sc9:{complaint.id}")]
            ),
            1,
        )
        praise = self._complaint(kind="praise")
        praise.with_user(self.user_supervisor).action_confirm()
        self.assertEqual(praise.scorecard_event_id.points, 3)

    def test_sc9_attacker_cannot_confirm_or_link_event(self):
        """SC-9 attacker: the customer manager cannot confirm a complaint (or praise about
        himself), nor link an event."""
        praise = self._complaint(kind="praise")
        with self.assertRaises(UserError):
            praise.with_user(self.user_cm).action_confirm()
        with self.assertRaises(UserError):
            praise.with_user(self.user_cm).write({"scorecard_event_id": 1})
        self.assertFalse(praise.sudo().scorecard_event_id)
        complaint = self._complaint().sudo()
        complaint.with_user(self.user_supervisor).action_confirm()
        with self.assertRaises(UserError):
            complaint.scorecard_event_id.with_user(self.user_supervisor).write(
                {"cs_source_key": False}
            )
        self.assertEqual(complaint.scorecard_event_id.cs_source_key, f"sc9:{complaint.id}")

    def test_sc9_unreported_fault_sheet(self):
        """SC-9: a serious fault sheet not reported within 24 hours gives the supervisor a
        draft -5 event to confirm, once."""
        with freeze_time(datetime(2026, 1, 9, 2, 0)):
            sheet = self._complaint(user=self.user_cm, channel="manager", is_serious=True)
            with self.assertRaises(UserError):
                sheet.with_user(self.user_supervisor).action_flag_unreported()
        with freeze_time(datetime(2026, 1, 10, 3, 0)):
            sheet.with_user(self.user_supervisor).action_flag_unreported()
            sheet.with_user(self.user_supervisor).action_flag_unreported()
        events = self.env["service.scorecard.event"].search(
            [("cs_source_key", "=", f"sc9u:{sheet.id}")]
        )
        self.assertEqual(len(events), 1)
        self.assertEqual((events.points, events.state), (-5, "draft"))

    def test_sc10_quarterly_survey_books_once(self):
        """SC-10: 19 of 20 survey visits satisfied (95 %) books the survey's +5 when the
        quarter closes, once; 18 of 20 books nothing."""
        Visit = self.Visit.with_user(self.user_officer)
        with freeze_time(datetime(2025, 2, 10, 2, 0)):
            for index in range(20):
                visit = Visit.create(
                    {
                        "partner_id": self.customer.id,
                        "kind": "survey",
                        "customer_manager_id": self.emp_cm.id,
                    }
                )
                for line in visit.answer_ids:
                    line.answer = "ok"
                if index == 0:
                    visit.note = "Not reachable on time."
                    visit.action_done_dissatisfied()
                else:
                    visit.action_done_satisfied()
        period = self.env["service.scorecard.period"]._ensure_periods(
            [(self.company.id, date(2025, 1, 1))], "quarter"
        )
        period = next(iter(period.values()))
        period._book_survey_events()
        period._book_survey_events()
        events = self.env["service.scorecard.event"].search(
            [("cs_source_key", "=", f"sc10:{period.id}:{self.emp_cm.id}")]
        )
        self.assertEqual(len(events), 1)
        self.assertEqual((events.points, events.survey_rate, events.state), (5, 95.0, "confirmed"))

    def test_sc10_below_threshold_books_nothing(self):
        """SC-10: 18 of 20 (90 %) books no survey event."""
        Visit = self.Visit.with_user(self.user_officer)
        with freeze_time(datetime(2025, 5, 10, 2, 0)):
            for index in range(20):
                visit = Visit.create(
                    {
                        "partner_id": self.customer.id,
                        "kind": "survey",
                        "customer_manager_id": self.emp_cm.id,
                    }
                )
                for line in visit.answer_ids:
                    line.answer = "ok"
                if index < 2:
                    visit.note = "Slow."
                    visit.action_done_dissatisfied()
                else:
                    visit.action_done_satisfied()
        period = self.env["service.scorecard.period"]._ensure_periods(
            [(self.company.id, date(2025, 4, 1))], "quarter"
        )
        period = next(iter(period.values()))
        period._book_survey_events()
        self.assertFalse(
            self.env["service.scorecard.event"].search([("cs_source_key", "like", "sc10:")])
        )
