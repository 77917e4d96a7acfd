# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import LeadReceptionCommon


@tagged("post_install", "-at_install")
class TestReceptionHousehold(LeadReceptionCommon):
    """LP-15: the same family or company is one customer, at the desk too."""

    def test_lp15_second_member_goes_to_the_first_receiver_unregistered(self):
        """LP-15: Mrs Wang walks in and is received in turn by Li Na (not registered); her
        husband comes later with his own mobile, typed as the same family and address in
        another spelling: he goes to Li Na, no turn used; their daughter, entered as "same
        family as" his visit, too. A stranger then goes on with the rotation."""
        first = self._enter(self.user_desk, phone="13900139001", household_input="王家 张江路88号")
        self.assertEqual(first.receiver_id, self.user_sales_1)
        self.assertEqual(self.rotation.position, 1)
        husband = self._enter(
            self.user_desk,
            phone="13900139002",
            visitor_name="Wang Jun",
            household_input=" 王家，张江路 88 号 ",
        )
        self.assertEqual(husband.receiver_id, self.user_sales_1)
        self.assertEqual(husband.owner_id, self.user_sales_1)
        self.assertEqual(husband.owner_reason, "household")
        self.assertEqual(husband.household_key, first.household_key)
        daughter = self._enter(
            self.user_desk,
            phone="13900139003",
            visitor_name="Wang Li",
            household_visit_id=husband.id,
        )
        self.assertEqual(daughter.owner_id, self.user_sales_1)
        self.assertEqual(self.rotation.position, 1)
        stranger = self._enter(self.user_desk, phone="13900139004")
        self.assertEqual(stranger.receiver_id, self.user_sales_2)

    def test_lp15_company_colleague_chosen_from_an_earlier_visit(self):
        """LP-15: a visitor from the same company, chosen from an earlier visit that recorded
        no household, goes to whoever received that visit; the owner busy, the last in the
        order receives him for the owner (LP-42) and no turn is used."""
        first = self._enter(self.user_desk, phone="13900139001")
        self.assertEqual(first.receiver_id, self.user_sales_1)
        self._line(self.user_sales_1).with_user(self.user_desk).action_set_busy()
        colleague = self._enter(self.user_desk, phone="13900139002", household_visit_id=first.id)
        self.assertEqual(colleague.owner_id, self.user_sales_1)
        self.assertEqual(colleague.receiver_id, self.user_sales_3)
        self.assertEqual(self.rotation.position, 1)

    def test_lp15_registered_family_reuses_lead_protection_household(self):
        """LP-5, LP-15: Chen Jing registered Mr Zhao, head of a family; his wife (a customer
        record of that family, with her own mobile) walks in: she is Chen Jing's customer by
        lead protection's household key, though nobody typed the family."""
        head = self.env["res.partner"].create({"name": "Zhao Qiang", "phone": "13800138000"})
        self.env["res.partner"].create(
            {"name": "Sun Mei", "phone": "+86 139 0013 9009", "household_id": head.id}
        )
        lead = self._lead(self.user_sales_3, partner_id=head.id)
        self._register(self.user_sales_3, lead)
        wife = self._enter(self.user_desk, phone="13900139009")
        self.assertEqual(wife.owner_id, self.user_sales_3)
        self.assertEqual(wife.owner_reason, "registered")
        self.assertEqual(self.rotation.position, 0)

    def test_lp15_attacker_desk_sends_the_second_member_to_the_next_in_turn(self):
        """LP-15 attacker: the receptionist enters the second member of a household and
        sends him to the next in turn by writing the receiver, the owner or the household
        key, or by changing the household afterwards; a salesperson points his visit at a
        visit he cannot read: all refused, the member stays the first receiver's."""
        first = self._enter(self.user_desk, phone="13900139001", household_input="Wang, 88 Road")
        with self.assertRaises(UserError):
            self._enter(
                self.user_desk,
                phone="13900139002",
                household_input="Wang, 88 Road",
                receiver_id=self.user_sales_2.id,
            )
        second = self._enter(self.user_desk, phone="13900139002", household_input="Wang 88 road")
        for vals in (
            {"receiver_id": self.user_sales_2.id},
            {"owner_id": self.user_sales_2.id},
            {"household_key": "text:other"},
            {"household_input": "Li, 5 Street"},
            {"household_visit_id": False},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                second.with_user(self.user_desk).write(vals)
        second.invalidate_recordset()
        self.assertEqual(second.sudo().owner_id, self.user_sales_1)
        self.assertEqual(second.sudo().receiver_id, self.user_sales_1)
        self.assertEqual(second.sudo().household_key, first.household_key)
        # AccessError (not his visit) or ValidationError, both UserErrors.
        with self.assertRaises(UserError):
            self._enter(self.user_sales_2, phone="13900139005", household_visit_id=first.id)
        with self.assertRaises(ValidationError):
            self._enter(self.user_desk, phone="13900139006", household_input=["Wang"])


@tagged("post_install", "-at_install")
class TestReceptionUnreachable(LeadReceptionCommon):
    """LP-23 at the desk: reception logs a failed call on the registration it cannot read."""

    def test_lp23_desk_logs_a_failed_call_for_the_salesperson(self):
        """LP-23: the desk calls a registered visitor's number, which is suspended: the
        failure is logged on Li Na's registration, with her activity; a receptionist of
        another team, and a salesperson on a colleague's visitor, are refused."""
        registration = self._register(self.user_sales_1, self._lead(self.user_sales_1))
        visit = self._enter(self.user_desk, phone="13800138000")
        self.assertEqual(visit.owner_id, self.user_sales_1)
        visit.with_user(self.user_desk).action_unreachable_suspended()
        self.assertEqual(registration.unreachable_status, "pending")
        self.assertEqual(registration.unreachable_by_id, self.user_desk)
        other_desk = self.env["res.users"].create(
            {
                "name": "Desk Lin",
                "login": "lr_desk_lp23",
                "group_ids": [(6, 0, self.user_desk.group_ids.ids)],
            }
        )
        other = self._register(
            self.user_sales_4,
            self._lead(self.user_sales_4, phone="13700137000", team_id=self.team_2.id),
        )
        with self.assertRaises(UserError):
            other.with_user(other_desk)._log_unreachable("no_connect")
        with self.assertRaises(UserError):
            registration.with_user(self.user_sales_2).action_unreachable_no_connect()
        self.assertFalse(other.sudo().unreachable_status)
