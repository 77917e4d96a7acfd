# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.lead_reception.tests.common import LeadReceptionCommon


@tagged("post_install", "-at_install")
class TestMembership(LeadReceptionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls.env["res.partner"].create({"name": "Member Gao"})
        cls.card = (
            cls.env["lead.membership"]
            .with_user(cls.user_manager)
            .create(
                {
                    "name": "CARD-1",
                    "team_id": cls.team.id,
                    "partner_id": cls.member.id,
                    "consultant_id": cls.user_sales_1.id,
                    "date_start": "2025-04-01",
                    "date_end": "2026-03-31",
                    "renewal_price": 3600.0,
                }
            )
        )
        cls.Renewal = cls.env["lead.membership.renewal"]

    def _renew(self, user, price=3600.0):
        return self.Renewal.with_user(user).create(
            {"membership_id": self.card.id, "price": price, "new_date_end": "2027-03-31"}
        )

    def test_lp34_valid_member_renewal_to_consultant(self):
        """LP-34: renewed on the last valid day (23:59 Shanghai) by a colleague, the renewal
        is the original consultant's; confirmed, the card is extended and credit booked."""
        with freeze_time("2026-03-31 15:59:00"):
            renewal = self._renew(self.user_sales_2)
        self.assertEqual(renewal.credited_user_id, self.user_sales_1)
        self.assertEqual(renewal.credit_reason, "consultant")
        renewal.with_user(self.user_manager).action_confirm()
        self.assertEqual(str(self.card.date_end), "2027-03-31")
        line = self._ledger("LP-34")
        self.assertEqual(line.employee_id.user_id, self.user_sales_1)
        self.assertEqual(line.amount, 72.0)  # 2% of 3 600

    def test_lp34_expired_member_to_last_handler_or_follower(self):
        """LP-34: the day after (00:00 on 1 April in Shanghai) the member is a company
        resource: the last handler if employed, else whoever sells the renewal."""
        with freeze_time("2026-03-31 16:00:00"):
            self.assertFalse(self.card.valid)
            renewal = self._renew(self.user_sales_2)
            self.assertEqual(renewal.credited_user_id, self.user_sales_1)
            self.assertEqual(renewal.credit_reason, "handler")
            self.employees.filtered(lambda e: e.user_id == self.user_sales_1).active = False
            renewal = self._renew(self.user_sales_2)
        self.assertEqual(renewal.credited_user_id, self.user_sales_2)
        self.assertEqual(renewal.credit_reason, "follower")

    def test_lp34_redistributed_member(self):
        """LP-34: members redistributed from a leaver to B are B's."""
        self.card.with_user(self.user_manager)._redistribute(self.user_sales_3)
        with freeze_time("2026-03-01 02:00:00"):
            renewal = self._renew(self.user_sales_2)
        self.assertEqual(renewal.credited_user_id, self.user_sales_3)

    def test_lp34_attacker(self):
        """LP-34 attacker: a salesperson sets the credited salesperson, the consultant or
        the validity himself, confirms his own renewal: refused, nothing changes."""
        with self.assertRaises(UserError):
            self.Renewal.with_user(self.user_sales_2).create(
                {
                    "membership_id": self.card.id,
                    "price": 3600.0,
                    "new_date_end": "2027-03-31",
                    "credited_user_id": self.user_sales_2.id,
                }
            )
        with freeze_time("2026-03-01 02:00:00"):
            renewal = self._renew(self.user_sales_2)
        for user in (self.user_sales_2, self.user_manager_2):
            with self.assertRaises(UserError):
                renewal.with_user(user).action_confirm()
        with self.assertRaises(UserError):
            self.card.with_user(self.user_manager).write({"consultant_id": self.user_sales_2.id})
        with self.assertRaises(UserError):
            self.card.with_user(self.user_manager).write({"date_end": "2030-01-01"})
        with self.assertRaises(UserError):
            renewal.with_user(self.user_sales_2).write({"price": 1.0})
        self.assertEqual(renewal.state, "draft")
        self.assertEqual(self.card.consultant_id, self.user_sales_1)
        self.assertEqual(str(self.card.date_end), "2026-03-31")

    def test_lp35_low_price_renewal_fined(self):
        """LP-35: a renewal below the renewal price fines the seller 100 when confirmed."""
        with freeze_time("2026-03-01 02:00:00"):
            renewal = self._renew(self.user_sales_2, price=3000.0)
        self.assertTrue(renewal.below_price)
        renewal.with_user(self.user_manager).action_confirm()
        line = self._ledger("LP-35")
        self.assertEqual(line.amount, -100.0)
        self.assertEqual(line.employee_id.user_id, self.user_sales_2)

    def test_lp35_attacker_hides_low_price(self):
        """LP-35 attacker: the seller clears the low-price flag: refused, the fine stays."""
        with freeze_time("2026-03-01 02:00:00"):
            renewal = self._renew(self.user_sales_2, price=3000.0)
        with self.assertRaises(UserError):
            renewal.with_user(self.user_sales_2).write({"below_price": False})
        self.assertTrue(renewal.below_price)

    def test_lp36_transferred_card_follows_user(self):
        """LP-36: a card transferred to B: B's renewals go to whoever follows B."""
        user_b = self.env["res.partner"].create({"name": "User B"})
        self.card.with_user(self.user_manager)._transfer(user_b, self.user_sales_3)
        with freeze_time("2026-03-01 02:00:00"):
            renewal = self._renew(self.user_sales_2)
        self.assertEqual(renewal.credited_user_id, self.user_sales_3)
        self.assertEqual(self.card.partner_id, user_b)

    def test_lp36_attacker_transfers_card(self):
        """LP-36 attacker: a salesperson transfers the card to himself: refused."""
        user_b = self.env["res.partner"].create({"name": "User B"})
        with self.assertRaises(UserError):
            self.card.with_user(self.user_sales_2)._transfer(user_b, self.user_sales_2)
        self.assertEqual(self.card.partner_id, self.member)

    def test_lp37_member_friend_to_membership_consultant(self):
        """LP-37: a visitor who asks for a member belongs to the membership's consultant."""
        with freeze_time("2026-03-01 02:00:00"):
            visit = self._enter(self.user_desk, asks_for="yes", asked_member_id=self.member.id)
        self.assertEqual(visit.owner_id, self.user_sales_1)
        self.assertEqual(visit.owner_reason, "member")
