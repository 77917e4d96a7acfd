# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import LeadReceptionCommon


@tagged("post_install", "-at_install")
class TestReceptionClaims(LeadReceptionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Claim = cls.env["lead.reception.claim"]

    def _closed_by(self, user, phone="13900139000", **visit_extra):
        """``user`` enters the customer, makes the opportunity from the entry and wins it."""
        visit = self._enter(user, phone=phone, **visit_extra)
        action = visit.with_user(user).action_create_opportunity()
        lead = self.env["crm.lead"].browse(action["res_id"])
        lead.write({"expected_revenue": 10000.0})
        lead.with_user(user).action_set_won()
        return visit, lead

    def _half_day_claim(self, found):
        with freeze_time("2026-02-28 01:00:00"):  # 09:00 in Shanghai, the month's last day
            mine = self._enter(self.user_sales_1)
        with freeze_time("2026-02-28 07:00:00"):  # 15:00: the colleague brings him back
            _visit, lead = self._closed_by(self.user_sales_2)
        with freeze_time(found):
            return self.Claim.with_user(self.user_sales_1).create(
                {"kind": "half_day", "lead_id": lead.id, "claimant_visit_id": mine.id}
            )

    def test_lp29_found_same_day_whole_deal(self):
        """LP-29: found the same day (23:59 Shanghai), the deal is the first receiver's; the
        manager approves and the credit is booked."""
        claim = self._half_day_claim("2026-02-28 15:59:00")
        self.assertEqual(claim.outcome, "first")
        self.assertEqual((claim.claimant_share, claim.booker_share), (100.0, 0.0))
        claim.with_user(self.user_manager).action_approve()
        lines = self._ledger("LP-29")
        self.assertEqual(lines.employee_id.user_id, self.user_sales_1)
        self.assertEqual(lines.amount, 200.0)  # 2% of 10 000

    def test_lp29_found_next_day_across_month_end_half(self):
        """LP-29: found the next day (00:00 on 1 March in Shanghai), half each."""
        claim = self._half_day_claim("2026-02-28 16:00:00")
        self.assertEqual(claim.outcome, "half")
        booked = self._ledger("LP-16").filtered(lambda line: line.kind != "reversal")
        claim.with_user(self.user_manager).action_approve()
        self.assertEqual(sorted(self._ledger("LP-29").mapped("amount")), [100.0, 100.0])
        # LP-16: the closer's commission booked at the win is replaced, never paid on top of
        # the claim's shares: the deal pays its commission once.
        self.assertTrue(booked, "the win booked the closer's commission")
        self.assertEqual(set(booked.mapped("state")) - {"cancelled"}, set())
        live = self.env["employee.incentive.line"].search(
            [
                ("source_key", "like", "lp18:%"),
                ("rule_ref", "=", "LP-29"),
                ("state", "!=", "cancelled"),
            ]
        )
        self.assertEqual(sum(live.mapped("amount")), sum(booked.mapped("amount")))

    def test_lp29_found_later_stays_with_closer(self):
        """LP-29: found two days later, the deal stays the closer's: nothing booked."""
        claim = self._half_day_claim("2026-03-01 16:00:00")
        self.assertEqual(claim.outcome, "later")
        claim.with_user(self.user_manager).action_approve()
        self.assertFalse(self._ledger("LP-29"))

    def test_lp29_attacker(self):
        """LP-29 attacker: a claim on someone else's entry, a party or another team's manager
        approving, a direct write of the outcome: refused, nothing booked."""
        mine = self._enter(self.user_sales_1)
        _visit, lead = self._closed_by(self.user_sales_2)
        with self.assertRaises(UserError):
            self.Claim.with_user(self.user_sales_3).create(
                {"kind": "half_day", "lead_id": lead.id, "claimant_visit_id": mine.id}
            )
        with self.assertRaises(UserError):
            self.Claim.with_user(self.user_sales_1).create(
                {
                    "kind": "half_day",
                    "lead_id": lead.id,
                    "claimant_visit_id": mine.id,
                    "outcome": "first",
                }
            )
        claim = self.Claim.with_user(self.user_sales_1).create(
            {"kind": "half_day", "lead_id": lead.id, "claimant_visit_id": mine.id}
        )
        for user in (self.user_sales_1, self.user_sales_2, self.user_manager_2):
            with self.assertRaises(UserError):
                claim.with_user(user).action_approve()
        with self.assertRaises(UserError):
            claim.with_user(self.user_sales_1).write({"claimant_share": 100.0})
        self.assertEqual(claim.state, "submitted")
        self.assertFalse(self._ledger("LP-29"))

    def test_lp31_unregistered_visitor_no_deadline(self):
        """LP-31: a deal on a customer with no visit-book entry is claimed in full with proof,
        months later and across a month end (no LP-10 calendar)."""
        with freeze_time("2026-01-10 02:00:00"):
            lead = self._won_deal(self.user_sales_2)
        with freeze_time("2026-03-31 15:00:00"):  # 23:00 on the month's last day
            claim = self.Claim.with_user(self.user_sales_1).create(
                {
                    "kind": "unregistered",
                    "lead_id": lead.id,
                    "evidence": "Follow-up sheet of 5 January, calls on 6 and 8 January.",
                }
            )
        self.assertEqual(claim.outcome, "first")
        claim.with_user(self.user_manager).action_approve()
        self.assertEqual(self._ledger("LP-31").employee_id.user_id, self.user_sales_1)

    def test_lp31_attacker_without_proof_or_with_entry(self):
        """LP-31 attacker: no proof, or the customer is in the visit book: refused."""
        lead = self._won_deal(self.user_sales_2)
        with self.assertRaises(UserError):
            self.Claim.with_user(self.user_sales_1).create(
                {"kind": "unregistered", "lead_id": lead.id}
            )
        self._enter(self.user_sales_2)
        with self.assertRaises(UserError):
            self.Claim.with_user(self.user_sales_1).create(
                {"kind": "unregistered", "lead_id": lead.id, "evidence": "I knew him."}
            )
        self.assertFalse(self.Claim.search([("lead_id", "=", lead.id)]))

    def _group_of(self, user, count, phones_prefix="1370013700", **first_extra):
        group = (
            self.env["lead.reception.group"]
            .with_user(user)
            .create({"name": "Huaxin staff", "team_id": self.team.id})
        )
        visits = self.Visit
        for index in range(count):
            extra = first_extra if index == 0 else {}
            visits |= self._enter(user, phone=f"{phones_prefix}{index}", **extra)
        group.with_user(user)._add_visits(visits)
        return group, visits

    def _closed_member(self, group, visit, user):
        action = visit.with_user(user).action_create_opportunity()
        lead = self.env["crm.lead"].browse(action["res_id"])
        lead.write({"expected_revenue": 10000.0})
        lead.with_user(user).action_set_won()
        return lead

    def test_lp32_group_visit_with_appointment_whole_group(self):
        """LP-32: three together, A holds a sheet on one and today's appointment: the group
        is A's, so A's claim on a companion's deal wins it whole."""
        sheet_lead = self._lead(self.user_sales_1, phone="13700137001")
        self._register(self.user_sales_1, sheet_lead)
        group, visits = self._group_of(
            self.user_sales_2,
            3,
            has_appointment="yes",
            appointment_user_id=self.user_sales_1.id,
        )
        self.assertEqual(group.kind, "visit")
        lead = self._closed_member(group, visits[2], self.user_sales_2)
        claim = self.Claim.with_user(self.user_sales_1).create(
            {"kind": "group_visit", "lead_id": lead.id, "group_id": group.id}
        )
        self.assertEqual(claim.outcome, "first")

    def test_lp32_group_visit_without_appointment_only_sheets(self):
        """LP-32 attacker side: without an appointment, A gets only the visitors he holds
        sheets for, not a companion."""
        sheet_lead = self._lead(self.user_sales_1, phone="13700137001")
        self._register(self.user_sales_1, sheet_lead)
        group, visits = self._group_of(self.user_sales_2, 3)
        lead = self._closed_member(group, visits[2], self.user_sales_2)
        claim = self.Claim.with_user(self.user_sales_1).create(
            {"kind": "group_visit", "lead_id": lead.id, "group_id": group.id}
        )
        self.assertEqual(claim.outcome, "later")
        claim.with_user(self.user_manager).action_approve()
        self.assertFalse(self._ledger("LP-32"))

    def test_lp33_group_order(self):
        """LP-33: eight signing together are a group order; the member whose number A
        followed is A's, the others stay with the group's salesperson."""
        group, visits = self._group_of(self.user_sales_2, 8)
        self.assertEqual(group.kind, "order")
        sheet_lead = self._lead(self.user_sales_1, phone="13700137003")
        self._register(self.user_sales_1, sheet_lead)
        followed = self._closed_member(group, visits[3], self.user_sales_2)
        other = self._closed_member(group, visits[4], self.user_sales_2)
        won = self.Claim.with_user(self.user_sales_1).create(
            {"kind": "group_order", "lead_id": followed.id, "group_id": group.id}
        )
        lost = self.Claim.with_user(self.user_sales_1).create(
            {"kind": "group_order", "lead_id": other.id, "group_id": group.id}
        )
        self.assertEqual((won.outcome, lost.outcome), ("first", "later"))

    def test_lp33_joiners_count_for_group_salesperson(self):
        """LP-33: a visitor received separately by a colleague who joins the group order that
        day counts for the group's salesperson (duty reception)."""
        group, _visits = self._group_of(self.user_sales_2, 8)
        joiner = self._enter(self.user_desk, phone="13700137100")
        self.assertEqual(joiner.owner_id, self.user_sales_1)  # the rotation's turn
        group.with_user(self.user_desk)._add_visits(joiner)
        self.assertEqual(joiner.owner_id, self.user_sales_2)
        self.assertEqual(joiner.owner_reason, "group")

    def test_lp33_attacker_adds_visits_of_another_day(self):
        """LP-33 attacker: a salesperson joins another day's visitor or another's group."""
        with freeze_time("2026-03-01 02:00:00"):
            old = self._enter(self.user_desk, phone="13700137100")
        group, _visits = self._group_of(self.user_sales_2, 3)
        with self.assertRaises(UserError):
            group.with_user(self.user_sales_2)._add_visits(old)
        with self.assertRaises(UserError):
            group.with_user(self.user_sales_1)._add_visits(_visits[:1])
        with self.assertRaises(UserError):
            group.with_user(self.user_sales_2).write({"salesperson_id": self.user_sales_1.id})
        self.assertFalse(old.group_id)

    def test_lp47_director_decides_uncovered_case(self):
        """LP-47: a case no rule covers goes to the director, whose decision is booked."""
        lead = self._won_deal(self.user_sales_2, expected_revenue=10000.0)
        claim = self.Claim.with_user(self.user_sales_1).create(
            {"kind": "case", "lead_id": lead.id, "evidence": "We both served him at the fair."}
        )
        self.assertEqual(claim.activity_ids.user_id, self.user_director)
        claim.with_user(self.user_director).write({"decision_note": "Both served him."})
        claim.with_user(self.user_director).action_decide_half()
        self.assertEqual(claim.state, "approved")
        self.assertEqual(sorted(self._ledger("LP-47").mapped("amount")), [100.0, 100.0])

    def test_lp47_attacker(self):
        """LP-47 attacker: the team manager, a party, or a share out of range: refused."""
        lead = self._won_deal(self.user_sales_2, expected_revenue=10000.0)
        claim = self.Claim.with_user(self.user_sales_1).create(
            {"kind": "case", "lead_id": lead.id, "evidence": "Fair."}
        )
        for user in (self.user_manager, self.user_sales_1, self.user_sales_2):
            with self.assertRaises(UserError):
                claim.with_user(user)._decide_case(100.0, "Mine.")
        with self.assertRaises(ValidationError):
            claim.with_user(self.user_director)._decide_case(150.0, "Too much.")
        with self.assertRaises(UserError):
            claim.with_user(self.user_manager).action_approve()
        self.assertEqual(claim.state, "submitted")
        self.assertFalse(self._ledger("LP-47"))
