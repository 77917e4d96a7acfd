# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import psycopg2
from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import LeadProtectionCommon


@tagged("post_install", "-at_install")
class TestChangeForm(LeadProtectionCommon):
    """LP-18 performance change form; LP-10/LP-21/LP-47/LP-7 applied through it; LP-17."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_director = new_test_user(
            cls.env,
            login="lp_director",
            name="Director Sun",
            groups="sales_team.group_sale_manager",
        )
        cls.user_manager_west = new_test_user(
            cls.env,
            login="lp_manager_west",
            name="Manager Wu",
            groups="sales_team.group_sale_salesman_all_leads,"
            "lead_protection.group_lead_protection_manager",
        )
        cls.user_sales_west = new_test_user(
            cls.env,
            login="lp_sales_west",
            name="Zhou Min",
            groups="sales_team.group_sale_salesman",
        )
        cls.team_west = cls.env["crm.team"].create(
            {
                "name": "West",
                "user_id": cls.user_manager_west.id,
                "member_ids": [(6, 0, cls.user_sales_west.ids)],
                "protection_commission_rate": 2.0,
            }
        )
        cls.employee_west = cls.env["hr.employee"].create(
            {"name": cls.user_sales_west.name, "user_id": cls.user_sales_west.id}
        )
        cls.company.protection_director_user_id = cls.user_director
        cls.Change = cls.env["lead.protection.change"]

    def _won(self, user, moment, team=None, **extra):
        with freeze_time(moment):
            lead = self._lead(user, name=f"Deal of {user.name}", **extra)
            if team:
                lead.team_id = team
            lead.action_set_won()
        return lead

    def _lines(self, lead, rule_ref=None):
        domain = [("employee_id.user_id", "!=", False)]
        lines = self.env["employee.incentive.line"].search(domain)
        lines = lines.filtered(
            lambda line: (
                (line.source_model == "crm.lead" and line.source_res_id == lead.id)
                or (
                    line.source_model == "lead.protection.change"
                    and self.Change.browse(line.source_res_id).lead_id == lead
                )
            )
        )
        return lines.filtered(lambda line: not rule_ref or line.rule_ref == rule_ref)

    def _live(self, lead):
        return {
            (line.employee_id.user_id, line.amount, line.rule_ref)
            for line in self._lines(lead)
            if line.state != "cancelled" and line.kind != "reversal"
        }

    def _activity_users(self, form):
        return (
            self.env["mail.activity"]
            .search([("res_model", "=", form._name), ("res_id", "=", form.id)])
            .user_id
        )

    # --- LP-18 happy path

    def test_lp18_change_form_moves_salesperson_and_commission(self):
        """LP-18: both accept, the giver's manager signs, then the director; only then the
        salesperson changes and the commission is reversed (a paid line by a reversal,
        never deleted) and rebooked."""
        lead = self._won(self.user_sales_1, "2026-11-10 03:00")
        booked = self._lines(lead, "LP-16")
        self.assertEqual(booked.amount, 2000.0)
        booked.sudo().action_approve()
        booked.sudo()._mark_paid()
        with freeze_time("2026-11-12 03:00"):
            form = self.Change.with_user(self.user_sales_1)._draft(
                lead, self.user_sales_2, "Liu Yang served the customer from the first visit."
            )
            self.assertRecordValues(
                form,
                [
                    {
                        "state": "accept",
                        "from_accepted": True,
                        "to_accepted": False,
                        "manager_id": self.user_manager.id,
                        "director_id": self.user_director.id,
                    }
                ],
            )
            self.assertEqual(self._activity_users(form), self.user_sales_2)
            form.with_user(self.user_sales_2).action_accept()
            self.assertEqual(form.state, "manager")
            self.assertEqual(self._activity_users(form), self.user_manager)
            form.with_user(self.user_manager).action_manager_sign()
            self.assertEqual(form.state, "director")
            self.assertEqual(self._activity_users(form), self.user_director)
            self.assertEqual(lead.user_id, self.user_sales_1)
            form.with_user(self.user_director).action_director_sign()
        self.assertEqual(form.state, "applied")
        self.assertFalse(self._activity_users(form))
        self.assertEqual(lead.user_id, self.user_sales_2)
        self.assertEqual(lead.team_id, self.team)
        self.assertEqual(booked.state, "cancelled")
        reversal = booked.reversal_line_ids
        self.assertEqual((reversal.amount, reversal.kind), (-2000.0, "reversal"))
        self.assertEqual(self._live(lead), {(self.user_sales_2, 2000.0, "LP-18")})
        # A won deal's stage moving again books nothing more (LP-16 once).
        lead.write({"stage_id": lead.stage_id.id})
        self.assertEqual(self._live(lead), {(self.user_sales_2, 2000.0, "LP-18")})

    def test_lp18_waiting_for_me_and_hr_reads_every_change(self):
        """LP-18, LP-12: "waiting for me" lists what the manager/director must sign; HR reads
        every change with its evidence; an outsider does not see it."""
        lead = self._won(self.user_sales_1, "2026-11-10 03:00")
        with freeze_time("2026-11-12 03:00"):
            form = self.Change.with_user(self.user_manager)._draft(
                lead, self.user_sales_2, "Agreed in the weekly meeting."
            )
            self.assertEqual(form.state, "accept")
            for user in (self.user_sales_1, self.user_sales_2):
                form.with_user(user).action_accept()
        mine = [("waiting_for_me", "=", True)]
        self.assertEqual(self.Change.with_user(self.user_manager).search(mine), form)
        self.assertFalse(self.Change.with_user(self.user_director).search(mine))
        with freeze_time("2026-11-12 04:00"):
            form.with_user(self.user_manager).action_manager_sign()
        self.assertFalse(self.Change.with_user(self.user_manager).search(mine))
        self.assertEqual(self.Change.with_user(self.user_director).search(mine), form)
        self.assertEqual(
            self.Change.with_user(self.user_hr).search([]).mapped("reason"),
            ["Agreed in the weekly meeting."],
        )
        # HR opens the form with the deal's name, the parties and the evidence.
        values = form.with_user(self.user_hr).web_read(
            {
                "lead_id": {"fields": {"display_name": {}}},
                "from_user_id": {"fields": {"display_name": {}}},
                "reason": {},
                "expected_revenue": {},
            }
        )[0]
        self.assertEqual(values["lead_id"]["display_name"], lead.name)
        self.assertEqual(values["expected_revenue"], 100000.0)
        self.assertFalse(self.Change.with_user(self.user_sales_3).search([]))
        self.assertFalse(self.Change.with_user(self.user_sales_west).search([]))

    def test_lp18_director_group_fallback(self):
        """LP-18: without a sales director, a member of the director group (Sales /
        Administrator) signs, but not the manager who already signed."""
        self.company.protection_director_user_id = False
        lead = self._won(self.user_sales_1, "2026-11-10 03:00")
        with freeze_time("2026-11-12 03:00"):
            form = self.Change.with_user(self.user_sales_2)._draft(
                lead, self.user_sales_2, "He closed it."
            )
            form.with_user(self.user_sales_1).action_accept()
            form.with_user(self.user_manager).action_manager_sign()
            self.assertIn(self.user_director, self._activity_users(form))
            self.assertNotIn(self.user_manager, self._activity_users(form))
            with self.assertRaises(UserError):
                form.with_user(self.user_manager).action_director_sign()
            form.with_user(self.user_director).action_director_sign()
        self.assertEqual(lead.user_id, self.user_sales_2)

    # --- LP-18 attackers

    def test_lp18_attackers_cannot_skip_a_signature(self):
        """LP-18 (attacker): a party accepting for the other, an outsider, direct writes of
        state, salesperson and acceptance, a manager of another team, the director before
        the manager, the manager before both accepted: all refused, nothing changed."""
        lead = self._won(self.user_sales_1, "2026-11-10 03:00")
        with freeze_time("2026-11-12 03:00"):
            with self.assertRaises(UserError):
                self.Change.with_user(self.user_sales_3)._draft(lead, self.user_sales_2, "Mine")
            with self.assertRaises(UserError):
                self.Change.with_user(self.user_manager_west)._draft(
                    lead, self.user_sales_2, "Mine"
                )
            with self.assertRaises(UserError):
                self.Change.with_user(self.user_sales_1).create(
                    {
                        "lead_id": lead.id,
                        "company_id": self.company.id,
                        "from_user_id": self.user_sales_1.id,
                        "to_user_id": self.user_sales_2.id,
                    }
                )
            form = self.Change.with_user(self.user_sales_1)._draft(
                lead, self.user_sales_2, "Handing over."
            )
            # One form per deal at a time.
            with self.assertRaisesRegex(UserError, "in progress"):
                self.Change.with_user(self.user_sales_2)._draft(lead, self.user_sales_2, "Again")
            # The giver cannot accept again, nor for the receiver.
            with self.assertRaises(UserError):
                form.with_user(self.user_sales_1).action_accept()
            with self.assertRaises(UserError):
                form.with_user(self.user_sales_3).action_accept()
            for vals in ({"to_accepted": True}, {"state": "applied"}):
                with self.assertRaises(UserError):
                    form.with_user(self.user_sales_1).write(vals)
            with self.assertRaises(UserError):
                form.with_user(self.user_manager).action_manager_sign()
            with self.assertRaises(UserError):
                form.with_user(self.user_director).action_director_sign()
            # The salesperson of a won deal is not renamed directly.
            with self.assertRaises(UserError):
                lead.with_user(self.user_sales_1).write({"user_id": self.user_sales_2.id})
            with self.assertRaises(UserError):
                lead.with_user(self.user_manager).write({"user_id": self.user_sales_2.id})
            form.with_user(self.user_sales_2).action_accept()
            # Another team's manager, and the receiver's side, do not sign for the giver's.
            for user in (self.user_manager_west, self.user_hr, self.user_sales_1):
                with self.assertRaises(UserError):
                    form.with_user(user).action_manager_sign()
            with self.assertRaises(UserError):
                form.with_user(self.user_hr).write({"state": "director"})
            with self.assertRaises(UserError):
                form.with_user(self.user_director).action_director_sign()
            with self.assertRaises(UserError):
                form.with_user(self.user_sales_2).action_refuse()
        self.env.invalidate_all()
        self.assertEqual(form.state, "manager")
        self.assertEqual(lead.user_id, self.user_sales_1)
        self.assertEqual(self._live(lead), {(self.user_sales_1, 2000.0, "LP-16")})
        self.assertFalse(form.manager_signed_by_id)
        with self.assertRaises(UserError):
            form.with_user(self.user_sales_1).unlink()

    def test_lp18_refused_form_points_to_adjudication(self):
        """LP-18: if one party does not agree the form is refused and the team's manager
        is asked to adjudicate (LP-7); nothing changes."""
        lead = self._won(self.user_sales_1, "2026-11-10 03:00")
        with freeze_time("2026-11-12 03:00"):
            form = self.Change.with_user(self.user_sales_2)._draft(
                lead, self.user_sales_2, "I followed him up first."
            )
            form.with_user(self.user_sales_1).action_refuse()
        self.assertEqual(form.state, "refused")
        self.assertEqual(self._activity_users(form), self.user_manager)
        self.assertIn("LP-7", form.message_ids[0].body)
        self.assertEqual(lead.user_id, self.user_sales_1)
        self.assertEqual(self._live(lead), {(self.user_sales_1, 2000.0, "LP-16")})
        with self.assertRaises(UserError):
            form.with_user(self.user_sales_2).action_accept()

    # --- LP-18 month rule, in the company's time zone (Asia/Shanghai by default)

    def test_lp18_no_change_across_months(self):
        """LP-18 (attacker): a deal won in October cannot change in November, not even its
        commission alone."""
        lead = self._won(self.user_sales_1, "2026-10-20 03:00")
        with freeze_time("2026-11-02 03:00"):
            for commission_only in (False, True):
                with self.assertRaisesRegex(UserError, "crosses months"):
                    self.Change.with_user(self.user_sales_1)._draft(
                        lead, self.user_sales_2, "Late", commission_only
                    )
        self.assertFalse(lead.protection_change_ids)

    def test_lp18_last_three_days_only_same_day_deals_are_renamed(self):
        """LP-18: on 28 November a deal won on the 27th keeps its salesperson; the two may
        still move the commission (commission only). A deal won that day is renamed."""
        earlier = self._won(self.user_sales_1, "2026-11-27 03:00")
        with freeze_time("2026-11-28 03:00"):
            with self.assertRaisesRegex(UserError, "last 3 days"):
                self.Change.with_user(self.user_sales_1)._draft(
                    earlier, self.user_sales_2, "Month end"
                )
            form = self.Change.with_user(self.user_sales_1)._draft(
                earlier, self.user_sales_2, "Month end", True
            )
            form.with_user(self.user_sales_2).action_accept()
            form.with_user(self.user_manager).action_manager_sign()
            form.with_user(self.user_director).action_director_sign()
        self.assertEqual(earlier.user_id, self.user_sales_1)
        self.assertEqual(self._live(earlier), {(self.user_sales_2, 2000.0, "LP-18")})
        same_day = self._won(self.user_sales_1, "2026-11-28 02:00")
        with freeze_time("2026-11-28 05:00"):
            form = self.Change.with_user(self.user_sales_1)._draft(
                same_day, self.user_sales_2, "Same day"
            )
            form.with_user(self.user_sales_2).action_accept()
            form.with_user(self.user_manager).action_manager_sign()
            form.with_user(self.user_director).action_director_sign()
        self.assertEqual(same_day.user_id, self.user_sales_2)

    def test_lp18_month_end_boundaries_in_company_time(self):
        """LP-3, LP-18: days are the company's (Asia/Shanghai). Won at 00:30 on 30 November
        (29th in UTC), a change at 23:30 on the 30th is the same day; at 00:30 on 1 December
        (still 30 November in UTC) the month is closed. Won at 23:30 on the 29th, a change at
        00:30 on the 30th (same UTC day) is another day inside the month-end window."""
        lead = self._won(self.user_sales_1, "2026-11-29 16:30")  # 30 Nov 00:30 Shanghai
        with freeze_time("2026-11-30 16:30"), self.assertRaisesRegex(UserError, "crosses months"):
            self.Change.with_user(self.user_sales_1)._draft(lead, self.user_sales_2, "Late")
        with freeze_time("2026-11-30 15:30"):  # 30 Nov 23:30 Shanghai
            form = self.Change.with_user(self.user_sales_1)._draft(
                lead, self.user_sales_2, "Same day"
            )
            form.with_user(self.user_sales_2).action_accept()
            form.with_user(self.user_manager).action_manager_sign()
        # The director signs after midnight: the month is closed, nothing changes.
        with freeze_time("2026-11-30 16:30"), self.assertRaisesRegex(UserError, "crosses months"):
            form.with_user(self.user_director).action_director_sign()
        self.assertEqual((form.state, lead.user_id), ("director", self.user_sales_1))
        other = self._won(self.user_sales_3, "2026-11-29 15:30")  # 29 Nov 23:30 Shanghai
        with freeze_time("2026-11-29 16:30"), self.assertRaisesRegex(UserError, "last 3 days"):
            self.Change.with_user(self.user_sales_3)._draft(other, self.user_sales_2, "Next day")

    def test_lp18_apply_query_count(self):
        """LP-18, LP-16: the director's signature (reverse, rebook, rename) is pinned."""
        lead = self._won(self.user_sales_1, "2026-11-10 03:00")
        with freeze_time("2026-11-12 03:00"):
            form = self.Change.with_user(self.user_sales_1)._draft(
                lead, self.user_sales_2, "Handing over."
            )
            form.with_user(self.user_sales_2).action_accept()
            form.with_user(self.user_manager).action_manager_sign()
            form = form.with_user(self.user_director)
            self.env.invalidate_all()
            with self.assertQueryCount(__system__=64):
                form.action_director_sign()
        self.assertEqual(form.state, "applied")

    # --- LP-10, LP-21: a claim takes effect through the change form

    def _claimed(self, claim_day):
        partner = self.env["res.partner"].create(
            {"name": "Zhao Qiang", "user_id": self.user_sales_2.id}
        )
        # LP-19: the claim is proved by the follow-up sheet valid on the sale date.
        with freeze_time("2026-11-01 02:00"):
            self._register(self.user_sales_1, self._lead(self.user_sales_1), self.kind_follow_up)
        deal = self._won(self.user_sales_2, "2026-11-02 02:00", partner_id=partner.id)
        self.assertEqual(self._live(deal), {(self.user_sales_2, 2000.0, "LP-16")})
        with freeze_time(f"{claim_day} 02:00"):
            claim = self.env["lead.protection.claim"].with_user(self.user_sales_1)._submit(deal)
            claim.with_user(self.user_manager).action_approve()
        return deal, claim

    def test_lp10_lp21_full_claim_moves_commission_and_follow_up(self):
        """LP-10, LP-16, LP-21: an approved full claim reverses the booked commission and
        books it to the claimant through a change form; the deal and the customer go to
        the claimant for service and renewals."""
        deal, claim = self._claimed("2026-11-06")
        form = deal.protection_change_ids
        self.assertRecordValues(form, [{"kind": "claim", "state": "applied", "claim_id": claim.id}])
        self.assertEqual(self._live(deal), {(self.user_sales_1, 2000.0, "LP-10")})
        self.assertEqual(deal.user_id, self.user_sales_1)
        self.assertEqual(deal.partner_id.user_id, self.user_sales_1)
        # Approving again books nothing more.
        with self.assertRaises(UserError):
            claim.with_user(self.user_manager).action_approve()

    def test_lp10_lp21_half_claim_keeps_follow_up(self):
        """LP-10, LP-21: a half claim shares the commission; the follow-up right stays with
        the booked salesperson."""
        deal, _claim = self._claimed("2026-11-12")
        self.assertEqual(
            self._live(deal),
            {(self.user_sales_1, 1000.0, "LP-10"), (self.user_sales_2, 1000.0, "LP-10")},
        )
        self.assertEqual(deal.user_id, self.user_sales_2)
        self.assertEqual(deal.partner_id.user_id, self.user_sales_2)

    # --- LP-47 director decision

    def test_lp47_director_decision_rebooks(self):
        """LP-47: the director's decision on a case no rule covers is applied like a case
        outcome: half each here. A salesperson or a manager cannot decide (attacker)."""
        lead = self._won(self.user_sales_1, "2026-11-10 03:00")
        with freeze_time("2026-11-12 03:00"):
            for user in (self.user_sales_1, self.user_manager_west):
                with self.assertRaises(UserError):
                    self.Change.with_user(user)._decide(lead, self.user_sales_2, 50.0, "Mine")
            for share in (0.0, 120.0, "50", True):
                with self.assertRaises(UserError):
                    self.Change.with_user(self.user_director)._decide(
                        lead, self.user_sales_2, share, "Bad"
                    )
            form = self.Change.with_user(self.user_director)._decide(
                lead, self.user_sales_2, 50.0, "Both followed up; no rule covers it."
            )
        self.assertEqual(form.state, "applied")
        self.assertEqual(
            self._live(lead),
            {(self.user_sales_1, 1000.0, "LP-47"), (self.user_sales_2, 1000.0, "LP-47")},
        )
        self.assertEqual(lead.user_id, self.user_sales_1)

    # --- LP-17 co-selling

    def test_lp17_co_selling_shares_booked_at_win(self):
        """LP-17: before the win the salesperson records a partner with shares totalling
        100 %; at the win each gets his share. After the win he cannot change them."""
        lead = self._lead(self.user_sales_1, name="Co-sold")
        lead = lead.with_user(self.user_sales_1)
        with self.assertRaises(ValidationError):
            lead.write(
                {
                    "protection_partner_user_id": self.user_sales_2.id,
                    "protection_own_share": 60.0,
                    "protection_partner_share": 50.0,
                }
            )
        lead.write(
            {
                "protection_partner_user_id": self.user_sales_2.id,
                "protection_own_share": 60.0,
                "protection_partner_share": 40.0,
            }
        )
        with freeze_time("2026-11-10 03:00"):
            lead.action_set_won()
        self.assertEqual(
            self._live(lead),
            {(self.user_sales_1, 1200.0, "LP-16"), (self.user_sales_2, 800.0, "LP-16")},
        )
        for vals in (
            {"protection_own_share": 100.0, "protection_partner_share": 0.0},
            {"protection_partner_user_id": self.user_sales_3.id},
            {"user_id": self.user_sales_2.id},
        ):
            with self.assertRaises(UserError):
                lead.write(vals)
        self.env.invalidate_all()
        self.assertEqual(lead.sudo().protection_own_share, 60.0)

    def test_lp17_shares_checked_by_postgresql(self):
        """LP-17: PostgreSQL refuses shares that do not total 100 % whoever writes them."""
        lead = self._lead(self.user_sales_1, name="Co-sold")
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(psycopg2.errors.CheckViolation),
            self.env.cr.savepoint(),
        ):
            self.env.cr.execute(
                "UPDATE crm_lead SET protection_partner_share = 30 WHERE id = %s", [lead.id]
            )

    def test_lp17_supervisor_records_the_agreed_split(self):
        """LP-17: after the deal the supervisor (only the deal team's manager) records the
        split the three agreed; the commission is rebooked through the change path."""
        lead = self._won(self.user_sales_1, "2026-11-10 03:00")
        with freeze_time("2026-11-12 03:00"):
            for user in (self.user_sales_1, self.user_manager_west, self.user_sales_2):
                with self.assertRaises(UserError):
                    self.Change.with_user(user)._record_split(
                        lead, self.user_sales_3, 30.0, "Helped"
                    )
            form = self.Change.with_user(self.user_manager)._record_split(
                lead, self.user_sales_3, 30.0, "Chen Jing helped close; agreed by the three."
            )
        self.assertRecordValues(form, [{"kind": "co_selling", "state": "applied"}])
        self.assertEqual(
            self._live(lead),
            {(self.user_sales_1, 1400.0, "LP-17"), (self.user_sales_3, 600.0, "LP-17")},
        )
        self.assertEqual(lead.user_id, self.user_sales_1)
        self.assertEqual(lead.protection_partner_user_id, self.user_sales_3)
        # A later change form moves only the giver's share; the partner keeps his.
        with freeze_time("2026-11-13 03:00"):
            change = self.Change.with_user(self.user_sales_1)._draft(
                lead, self.user_sales_2, "Handing over."
            )
            change.with_user(self.user_sales_2).action_accept()
            change.with_user(self.user_manager).action_manager_sign()
            change.with_user(self.user_director).action_director_sign()
        self.assertEqual(
            self._live(lead),
            {(self.user_sales_2, 1400.0, "LP-18"), (self.user_sales_3, 600.0, "LP-18")},
        )

    def test_lp16_lost_deal_cancels_the_changed_commission(self):
        """LP-16: a deal lost after a change cancels the commission the change booked."""
        lead = self._won(self.user_sales_1, "2026-11-10 03:00")
        with freeze_time("2026-11-12 03:00"):
            self.Change.with_user(self.user_director)._decide(
                lead, self.user_sales_2, 100.0, "Decided."
            )
        open_stage = self.env["crm.stage"].search([("is_won", "=", False)], limit=1)
        lead.write({"stage_id": open_stage.id})
        self.assertFalse(self._live(lead))
