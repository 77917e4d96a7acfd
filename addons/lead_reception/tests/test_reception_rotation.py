# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import LeadReceptionCommon


@tagged("post_install", "-at_install")
class TestReceptionRotation(LeadReceptionCommon):
    def test_lp40_walk_ins_and_calls_share_the_rotation(self):
        """LP-15, LP-40: the desk's walk-ins and enquiry calls take turns in one rotation."""
        first = self._enter(self.user_desk, phone="13900139001")
        call = self._enter(self.user_desk, phone="13900139002", channel="phone")
        third = self._enter(self.user_desk, phone="13900139003")
        self.assertEqual(
            (first | call | third).mapped("receiver_id"),
            self.user_sales_1 | self.user_sales_2 | self.user_sales_3,
        )
        self.assertEqual(call.receiver_id, self.user_sales_2)

    def test_lp41_busy_with_buyer_keeps_turn(self):
        """LP-41: busy with a buyer, the next receives and the busy one is owed his turn."""
        self._line(self.user_sales_1).with_user(self.user_desk).action_set_busy()
        visit = self._enter(self.user_desk, phone="13900139001")
        self.assertEqual(visit.receiver_id, self.user_sales_2)
        self.assertTrue(self._line(self.user_sales_1).owed)
        self._line(self.user_sales_1).with_user(self.user_desk).action_set_available()
        self.assertEqual(
            self._enter(self.user_desk, phone="13900139002").receiver_id, self.user_sales_1
        )

    def test_lp41_busy_with_prospect_turn_used(self):
        """LP-41: busy with an old customer who has not bought: his turn counts as used."""
        self._line(self.user_sales_1).with_user(self.user_desk).action_set_busy_prospect()
        visit = self._enter(self.user_desk, phone="13900139001")
        self.assertEqual(visit.receiver_id, self.user_sales_2)
        self.assertFalse(self._line(self.user_sales_1).owed)
        self._line(self.user_sales_1).with_user(self.user_desk).action_set_available()
        self.assertEqual(
            self._enter(self.user_desk, phone="13900139002").receiver_id, self.user_sales_3
        )

    def test_lp41_attacker_sets_own_status(self):
        """LP-41 attacker: a salesperson marks himself or a colleague busy with an old
        customer to dodge or steer a turn, or a desk outside the rotation enters a visitor:
        refused, nothing moves."""
        for user in (self.user_sales_1, self.user_sales_2):
            with self.assertRaises(UserError):
                self._line(self.user_sales_1).with_user(user).action_set_busy_prospect()
        self.assertEqual(self._line(self.user_sales_1).status, "available")
        other_desk = self.env["res.users"].create(
            {
                "name": "Desk Lin",
                "login": "lr_desk_2",
                "group_ids": [(6, 0, self.user_desk.group_ids.ids)],
            }
        )
        with self.assertRaises(UserError):
            self._enter(other_desk)
        self.assertEqual(self.rotation.position, 0)

    def test_lp42_owner_busy_last_in_order_receives(self):
        """LP-42: a registered customer whose salesperson is busy is received by the last in
        the order, uses no turn and stays his salesperson's."""
        lead = self._lead(self.user_sales_2, phone="13900139000")
        self._register(self.user_sales_2, lead)
        self._line(self.user_sales_2).with_user(self.user_desk).action_set_busy()
        visit = self._enter(self.user_desk)
        self.assertEqual(visit.receiver_id, self.user_sales_3)
        self.assertEqual(visit.owner_id, self.user_sales_2)
        self.assertEqual(self.rotation.position, 0)
        self.assertEqual(
            self._enter(self.user_desk, phone="13900139001").receiver_id, self.user_sales_1
        )

    def test_lp43_grabbing_suspends_for_the_next_day(self):
        """LP-43: the receiver who kept a visitor who named a colleague: credit to the named,
        and on the manager's confirmation out of the rotation for a day."""
        with freeze_time("2026-03-31 08:00:00"):  # 16:00 in Shanghai, the month's last day
            visit = self._enter(
                self.user_sales_1, asks_for="yes", asked_user_id=self.user_sales_2.id
            )
            self.assertEqual(visit.owner_id, self.user_sales_2)
            self.assertEqual(visit.receiver_id, self.user_sales_1)
            visit.with_user(self.user_sales_2).action_report_grabbing()
            suspension = self.env["lead.reception.suspension"].search([("visit_id", "=", visit.id)])
            suspension.with_user(self.user_manager).action_confirm()
            self.assertEqual(str(suspension.date_from), "2026-04-01")
            self.assertEqual(str(suspension.date_to), "2026-04-01")
            # Still on duty today.
            self.assertEqual(
                self._enter(self.user_desk, phone="13900139001").receiver_id, self.user_sales_1
            )
        with freeze_time("2026-03-31 16:30:00"):  # 00:30 on 1 April in Shanghai
            self.assertEqual(
                self._enter(self.user_desk, phone="13900139002").receiver_id, self.user_sales_2
            )
            self.assertEqual(
                self._enter(self.user_desk, phone="13900139003").receiver_id, self.user_sales_3
            )
            self.assertEqual(
                self._enter(self.user_desk, phone="13900139004").receiver_id, self.user_sales_2
            )
        with freeze_time("2026-04-01 16:00:00"):  # 00:00 on 2 April: back in the rotation
            self.assertEqual(
                self._enter(self.user_desk, phone="13900139005").receiver_id, self.user_sales_3
            )
            self.assertEqual(
                self._enter(self.user_desk, phone="13900139006").receiver_id, self.user_sales_1
            )

    def test_lp43_attacker(self):
        """LP-43 attacker: a bystander reports, the receiver or another team's manager
        confirms: refused; the suspension stays proposed."""
        visit = self._enter(self.user_sales_1, asks_for="yes", asked_user_id=self.user_sales_2.id)
        with self.assertRaises(UserError):
            visit.with_user(self.user_sales_3).action_report_grabbing()
        visit.with_user(self.user_sales_2).action_report_grabbing()
        suspension = self.env["lead.reception.suspension"].search([("visit_id", "=", visit.id)])
        for user in (self.user_sales_1, self.user_sales_2, self.user_manager_2):
            with self.assertRaises(UserError):
                suspension.with_user(user).action_confirm()
        with self.assertRaises(UserError):
            suspension.with_user(self.user_manager).write({"state": "confirmed"})
        self.assertEqual(suspension.state, "proposed")
        self.assertFalse(suspension.date_from)
