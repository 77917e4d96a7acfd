# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import freeze_time, new_test_user, tagged, warmup

from .common import ServiceScorecardCommon

JAN = date(2025, 1, 10)
FEB = date(2025, 2, 10)
MAR = date(2025, 3, 10)
CLOSING_TIME = "2025-04-06 12:00:00"
QUERIES_MONTH = 60
# The quarter: 29 and 34 alone, 31 and 36 with customer_service installed (its fields).
QUERIES_QUARTER = 31
# With mail tracking on, as the scheduled job runs: the periods' tracking and notes.
QUERIES_MONTH_TRACKED = 63
QUERIES_QUARTER_TRACKED = 36


@tagged("post_install", "-at_install")
class TestScorecardClose(ServiceScorecardCommon):
    def _q1(self):
        """Li: A, A, A (112); Liu: C months (96); Chen: E (85)."""
        for day in (JAN, FEB, MAR):
            self._event(self.li, self.t_won, day, quantity=4)
            self._event(self.liu, self.t_lost, day, quantity=2)
            self._event(self.chen, self.t_complaint, day, quantity=5)

    def test_sc4_month_close_books_rewards_with_year_end_bonus(self):
        """SC-4: closing January books +200 for Li (A), nothing for Liu (C), -200 for Chen (E),
        due with the year-end bonus (December 31); managers without events score 100 (B)."""
        self._q1()
        other = self.env["hr.employee"].create({"name": "Zhou Min", "scorecard_enabled": True})
        self._get_period("month", JAN).action_close()
        lines = self._lines(rule_ref="SC-4")
        amounts = {line.employee_id: (line.kind, line.amount) for line in lines}
        self.assertEqual(
            amounts,
            {
                self.li: ("reward", 200),
                self.chen: ("penalty", -200),
                other: ("reward", 100),
            },
        )
        self.assertEqual(set(lines.mapped("date")), {date(2025, 12, 31)})
        self.assertNotIn(self.not_scored, lines.employee_id)

    def test_sc4_year_end_month_is_configurable(self):
        """SC-4: a company paying the year-end bonus in February books the rewards then."""
        self.company.scorecard_year_end_month = 2
        self._event(self.li, self.t_won, JAN, quantity=4)
        self._get_period("month", JAN).action_close()
        self.assertEqual(self._lines(self.li, "SC-4").date, date(2026, 2, 28))

    def test_sc3_sc5_quarter_close_books_bonus_and_capped_revenue(self):
        """SC-3: quarterly bonus by grade (A 2,500, C 1,500, E 0); SC-5: the supervisor enters
        the revenue part: Li's bonus is uncapped, Liu's penalty is capped at her bonus total."""
        self._q1()
        quarters = {q.employee_id: q for q in self.Quarter.search([])}
        quarters[self.li].with_user(self.user_supervisor).revenue_amount = 4000
        quarters[self.liu].with_user(self.user_supervisor).revenue_amount = -1800
        quarters[self.chen].with_user(self.user_supervisor).revenue_amount = -500
        self._close_quarter(2025, 1)
        self.assertEqual(
            {e: (q.grade_id.name, q.quality_bonus, q.payout_amount) for e, q in quarters.items()},
            {
                self.li: ("A", 2500, 6500),
                self.liu: ("C", 1500, 0),
                self.chen: ("E", 0, 0),
            },
        )
        booked = {
            (line.employee_id, line.rule_ref, line.kind): line.amount
            for line in self._lines()
            if line.rule_ref in ("SC-3", "SC-5")
        }
        self.assertEqual(
            booked,
            {
                (self.li, "SC-3", "bonus"): 2500,
                (self.li, "SC-5", "bonus"): 4000,
                (self.liu, "SC-3", "bonus"): 1500,
                (self.liu, "SC-5", "penalty"): -1500,
            },
        )
        self.assertEqual(self._lines(self.li, "SC-3").date, date(2025, 3, 31))
        with self.assertRaisesRegex(UserError, "reopen"):
            quarters[self.li].with_user(self.user_supervisor).revenue_amount = 1

    def test_close_exactly_once_reclose_nothing_reopen_reverses(self):
        """Closing books once; closing again changes nothing; reopening cancels the unpaid
        lines and reverses the paid ones; closing again books the corrected amounts."""
        self._event(self.li, self.t_won, JAN, quantity=4)
        self._event(self.chen, self.t_complaint, JAN, quantity=5)
        month = self._get_period("month", JAN)
        month.action_close()
        first = self._lines()
        self.assertEqual(len(first), 3)
        with self.assertRaisesRegex(UserError, "open"):
            month.action_close()
        month._close()
        month.scorecard_ids._book_rewards()
        self.assertEqual(self._lines(), first)
        li_line = first.filtered(lambda line: line.employee_id == self.li)
        li_line.action_approve()
        li_line._mark_paid(date(2025, 12, 31))
        month.action_reopen()
        self.assertEqual(set(first.mapped("state")), {"cancelled"})
        reversal = self.Line.search([("reversed_line_id", "=", li_line.id)])
        self.assertEqual(reversal.amount, -200)
        self._event(self.chen, self.t_praise, JAN, quantity=5)  # 100: B
        month.action_close()
        new = self._lines().filtered(lambda line: line.state == "draft")
        self.assertEqual(
            {line.employee_id: line.amount for line in new},
            {self.li: 200, self.liu: 100, self.chen: 100},
        )
        self.assertTrue(all(line.source_key.endswith(":1") for line in new))

    def test_quarter_waits_for_its_months_and_month_for_its_quarter(self):
        """A quarter closes after its months; a month reopens after its quarter."""
        self._q1()
        self._get_period("month", JAN).action_close()
        with self.assertRaisesRegex(UserError, "Close the months"):
            self._get_period("quarter", JAN).action_close()
        quarter = self._close_quarter(2025, 1)
        with self.assertRaisesRegex(UserError, "quarter"):
            self._get_period("month", FEB).action_reopen()
        quarter.action_reopen()
        self.assertEqual(set(self._lines(rule_ref="SC-3").mapped("state")), {"cancelled"})
        self._get_period("month", FEB).action_reopen()
        with self.assertRaisesRegex(UserError, "last day"):
            self._get_period("month", self.env.company._suite_today()).action_close()

    def test_cron_closes_due_periods(self):
        """The scheduled job creates last month's period and closes every period ended more
        than the configured days ago, months before quarters."""
        self._q1()
        with freeze_time("2025-04-03 12:00:00"):
            self.Period._cron_close_due_periods()
        self.assertEqual(self._get_period("month", MAR).state, "open", "within the delay")
        with freeze_time("2025-04-06 12:00:00"):
            self.Period._cron_close_due_periods()
        self.assertEqual(self._get_period("quarter", JAN).state, "closed")
        self.assertEqual(len(self._lines(rule_ref="SC-3")), 2)

    def _count_queries(self, period):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        period.action_close()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def _settle(self):
        """Write what earlier steps left pending (their notifications are sent at commit),
        so that a counted step counts its own queries only."""
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.flush_all()
        self.env.invalidate_all()

    @warmup
    @freeze_time(CLOSING_TIME)  # the channel's timestamps: the same write each close
    def test_close_is_a_batch(self):
        """Closing a month costs the same queries (60, warm) for 3 or 13 managers: no query
        per manager.

        The extra managers are graded C (no reward) because the ledger itself validates each
        booked line's source document with two queries (Reference field), outside this addon.
        """
        self._q1()
        self._get_period("month", JAN).action_close()
        feb = self._get_period("month", FEB)
        self._settle()
        with self.assertQueryCount(QUERIES_MONTH):
            feb.action_close()
        extra = self.env["hr.employee"].create(
            [{"name": f"Manager {i}", "scorecard_enabled": True} for i in range(10)]
        )
        for employee in extra:
            self._event(employee, self.t_lost, MAR, quantity=2)
        mar = self._get_period("month", MAR)
        self._settle()
        with self.assertQueryCount(QUERIES_MONTH):
            mar.action_close()
        self.assertEqual((len(feb.scorecard_ids), len(mar.scorecard_ids)), (3, 13))
        self.assertEqual(len(self._lines(rule_ref="SC-4")), 2 + 2 + 2)
        quarter = self._get_period("quarter", JAN)
        self._settle()
        with self.assertQueryCount(QUERIES_QUARTER):
            quarter.action_close()

    @warmup
    @freeze_time(CLOSING_TIME)  # the channel's timestamps: the same write each close
    def test_close_with_tracking_is_a_batch(self):
        """Issue 17: with mail tracking on, as the scheduled job closes, a month and a quarter
        still cost the same queries for 3 or 13 managers (at most 63 and 36, warm): the
        period's chatter records the closing once, no message per scorecard (two INSERTs per
        manager before)."""
        self._q1()
        Period = self.Period.with_context(tracking_disable=False).sudo()
        self._get_period("month", JAN).action_close()
        feb = Period.browse(self._get_period("month", FEB).id)
        messages = self.env["mail.message"].search_count
        card_models = [("model", "in", ["service.scorecard", "service.scorecard.quarter"])]
        before = messages(card_models)
        self._settle()
        with self.assertQueryCount(QUERIES_MONTH_TRACKED):
            feb._close()
            self.env.flush_all()
            self.env.cr.precommit.run()
        extra = self.env["hr.employee"].create(
            [{"name": f"Manager {i}", "scorecard_enabled": True} for i in range(10)]
        )
        for employee in extra:
            self._event(employee, self.t_lost, MAR, quantity=2)
        mar = Period.browse(self._get_period("month", MAR).id)
        self._settle()
        with self.assertQueryCount(QUERIES_MONTH_TRACKED):
            mar._close()
            self.env.flush_all()
            self.env.cr.precommit.run()
        quarter = Period.browse(self._get_period("quarter", JAN).id)
        self._settle()
        with self.assertQueryCount(QUERIES_QUARTER_TRACKED):
            quarter._close()
            self.env.flush_all()
            self.env.cr.precommit.run()
        self.assertEqual((feb.state, mar.state, quarter.state), ("closed",) * 3)
        self.assertEqual(len(mar.scorecard_ids), 13)
        self.assertEqual(messages(card_models), before, "no message per scorecard")
        self.assertTrue(
            feb.message_ids.tracking_value_ids.filtered(
                lambda value: value.field_id.name == "state"
            ),
            "the period's own chatter tracks its closing",
        )

    def test_supervisor_only_closes(self):
        """Customer managers and HR officers do not close periods."""
        month = self._get_period("month", JAN)
        for user in (self.user_li, self.user_hr):
            with self.assertRaises(UserError):
                month.with_user(user).action_close()
        outsider = new_test_user(self.env, login="sc_outsider", groups="base.group_user")
        with self.assertRaises(UserError):
            month.with_user(outsider).action_close()
