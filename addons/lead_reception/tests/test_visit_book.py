# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import LeadReceptionCommon


@tagged("post_install", "-at_install")
class TestVisitBook(LeadReceptionCommon):
    def test_lp27_salesperson_enters_own_visitor(self):
        """LP-27: the entry records name, own mobile (as LP-1 checks it), time, receiver."""
        visit = self._enter(self.user_sales_1, phone="139 0013 9000")
        self.assertEqual(visit.phone, "+8613900139000")
        self.assertEqual(visit.receiver_id, self.user_sales_1)
        self.assertEqual(visit.owner_id, self.user_sales_1)
        self.assertEqual(visit.owner_reason, "receiver")
        self.assertTrue(visit.name.startswith("VB/"))
        visit.with_user(self.user_sales_1).action_start_tour()
        self.assertEqual(visit.state, "touring")
        second = self._enter(self.user_sales_2, been_before="yes")
        self.assertEqual(second.with_user(self.user_sales_2).earlier_visit_count, 1)

    def test_lp27_masked_or_partial_mobile_refused(self):
        """LP-27 attacker: a masked or partial number is no entry; nothing is written."""
        for phone in ("139****9000", "1390013", ""):
            with self.assertRaises(ValidationError):
                self._enter(self.user_sales_1, phone=phone)
        self.assertFalse(self.Visit.search([]).filtered(lambda v: v.team_id == self.team))

    def test_lp27_attacker_decides_his_own_entry(self):
        """LP-27 attacker: a salesperson sets the receiver, owner, time or state himself, edits
        the answers afterwards, deletes the entry, or enters for another team: refused."""
        for field, value in (
            ("receiver_id", self.user_sales_2.id),
            ("owner_id", self.user_sales_1.id),
            ("visit_at", "2026-01-01 08:00:00"),
            ("state", "done"),
            ("extra_phone", "+8613900139999"),
            ("name", "VB/FAKE"),
        ):
            with self.assertRaises(UserError):
                self._enter(self.user_sales_1, **{field: value})
        with self.assertRaises(UserError):
            self.Visit.with_user(self.user_sales_1).create(
                dict(self._visit_vals(), phone="+8613900139999")
            )
        visit = self._enter(self.user_sales_1)
        with self.assertRaises(UserError):
            visit.with_user(self.user_sales_1).write({"asks_for": "yes"})
        with self.assertRaises(UserError):
            visit.with_user(self.user_sales_1).write({"owner_id": self.user_sales_1.id})
        with self.assertRaises(UserError):
            visit.with_user(self.user_sales_1).write({"visit_date": "2026-01-01"})
        with self.assertRaises(UserError):
            visit.with_user(self.user_sales_1).unlink()
        with self.assertRaises(UserError):
            self._enter(self.user_sales_4)  # West's salesperson in East's book
        visit.invalidate_recordset()
        self.assertEqual(visit.asks_for, "no")
        self.assertEqual(visit.state, "entered")

    def test_lp27_who_sees_the_book(self):
        """LP-27, LP-12: another salesperson and another team's manager do not read the entry;
        the desk, the team's manager and HR do."""
        visit = self._enter(self.user_sales_1)
        for user in (self.user_sales_2, self.user_manager_2):
            with self.assertRaises(AccessError):
                visit.with_user(user).read(["visitor_name"])
            with self.assertRaises(AccessError):
                visit.with_user(user).action_start_tour()
        for user in (self.user_desk, self.user_manager, self.user_hr):
            self.assertEqual(visit.with_user(user).visitor_name, "Visitor Qian")
        self.assertEqual(visit.state, "entered")

    def test_lp28_three_questions_required(self):
        """LP-28: an entry without the three answers, or with "yes" and no one named, is not
        saved."""
        for missing in ("asks_for", "been_before", "has_appointment"):
            vals = self._visit_vals()
            vals.pop(missing)
            with self.assertRaises(ValidationError):
                self.Visit.with_user(self.user_desk).create(vals)
        with self.assertRaises(ValidationError):
            self._enter(self.user_desk, asks_for="yes")
        with self.assertRaises(ValidationError):
            self._enter(self.user_desk, has_appointment="yes")
        with self.assertRaises(ValidationError):
            self._enter(self.user_desk, asks_for="perhaps")
        self.assertEqual(self.Visit.search_count([("team_id", "=", self.team.id)]), 0)

    def test_lp29_half_day_in_company_time_zone(self):
        """LP-29: morning/afternoon and the day are the company's (Shanghai), across midnight."""
        cases = (
            ("2026-03-02 03:59:00", "2026-03-02", "morning"),  # 11:59 in Shanghai
            ("2026-03-02 04:00:00", "2026-03-02", "afternoon"),  # 12:00
            ("2026-02-28 15:59:00", "2026-02-28", "afternoon"),  # 23:59, month end
            ("2026-02-28 16:00:00", "2026-03-01", "morning"),  # 00:00 the next month
        )
        for index, (now, day, half) in enumerate(cases):
            with freeze_time(now):
                visit = self._enter(self.user_sales_1, phone=f"1390013900{index}")
            self.assertEqual(str(visit.visit_date), day, now)
            self.assertEqual(visit.half_day, half, now)

    def test_lp37_member_friend_belongs_to_member_consultant(self):
        """LP-37: a visitor who names a member belongs to the member's consultant."""
        member = self.env["res.partner"].create(
            {"name": "Member Gao", "user_id": self.user_sales_3.id}
        )
        visit = self._enter(self.user_desk, asks_for="yes", asked_member_id=member.id)
        self.assertEqual(visit.owner_id, self.user_sales_3)
        self.assertEqual(visit.owner_reason, "member")
        self.assertNotEqual(visit.receiver_id, self.user_sales_3)

    def test_lp38_brought_by_recorded_on_new_customer(self):
        """LP-38: reception records who brought the visitor on his customer record."""
        member = self.env["res.partner"].create({"name": "Member Gao"})
        visit = self._enter(self.user_desk, brought_by_id=member.id)
        self.assertEqual(visit.partner_id.brought_by_id, member)
        self.assertEqual(visit.owner_id, visit.receiver_id)  # named nobody: the receiver's

    def test_lp38_attacker_rewrites_brought_by(self):
        """LP-38 attacker: a salesperson writes "brought by" on a customer: refused."""
        member = self.env["res.partner"].create({"name": "Member Gao"})
        other = self.env["res.partner"].create({"name": "Member Hu"})
        visit = self._enter(self.user_desk, brought_by_id=member.id)
        with self.assertRaises(UserError):
            visit.partner_id.with_user(self.user_sales_1).write({"brought_by_id": other.id})
        self.assertEqual(visit.partner_id.brought_by_id, member)

    def test_lp39_trial_voucher_and_notification(self):
        """LP-39: a voucher visitor is the voucher's salesperson's, who is told at once."""
        visit = self._enter(self.user_desk, voucher_user_id=self.user_sales_3.id)
        self.assertEqual(visit.owner_id, self.user_sales_3)
        self.assertEqual(visit.activity_ids.user_id, self.user_sales_3)

    def test_lp40_phone_enquiry_protects_nothing(self):
        """LP-40: a call is logged with salesperson, time and number, and protects nothing."""
        call = self._enter(self.user_desk, channel="phone")
        self.assertTrue(call.receiver_id)
        self.assertFalse(call.owner_id)
        self.assertEqual(call.owner_reason, "call")

    def test_lp2_desk_sees_whose_customer_not_details(self):
        """LP-2, LP-12: the desk sees who protects the mobile, not the registration."""
        lead = self._lead(self.user_sales_2, phone="13900139000")
        self._register(self.user_sales_2, lead)
        desk_visit = self.Visit.with_user(self.user_desk).new(self._visit_vals())
        self.assertEqual(desk_visit.known_owner_name, "Liu Yang")
        with self.assertRaises(AccessError):
            self.env["lead.protection.registration"].with_user(self.user_desk).search([])
        visit = self._enter(self.user_desk)
        self.assertEqual(visit.owner_id, self.user_sales_2)
        self.assertEqual(visit.owner_reason, "registered")

    def test_lp45_take_over_with_same_day_appointment(self):
        """LP-45: a salesperson takes his customer over with his own appointment of today."""
        visit = self._enter(self.user_sales_1)
        lead = self._lead(self.user_sales_3, phone="13900139000")
        self._register(self.user_sales_3, lead, self.kind_appointment)
        self.env["lead.reception.takeover"].with_user(self.user_sales_3).create(
            {"phone": "13900139000"}
        ).action_take_over()
        self.assertEqual(visit.owner_id, self.user_sales_3)
        self.assertEqual(visit.owner_reason, "handover")

    def test_lp45_attacker_takes_over_without_appointment(self):
        """LP-45 attacker: without an appointment (a walk-in registration is not one) he may
        not take over; the entry is unchanged."""
        visit = self._enter(self.user_sales_1)
        lead = self._lead(self.user_sales_3, phone="13900139000")
        self._register(self.user_sales_3, lead, self.kind_walk_in)
        for user in (self.user_sales_2, self.user_sales_3):
            with self.assertRaises(UserError):
                self.env["lead.reception.visit"].with_user(user)._take_over("13900139000")
        self.assertEqual(visit.owner_id, self.user_sales_1)
        self.assertEqual(visit.owner_reason, "receiver")
