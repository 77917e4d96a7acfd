# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.event_invitation.tests.common import EventInvitationCommon, local


@tagged("post_install", "-at_install")
class TestEventPoints(EventInvitationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inv = cls.invite(
            cls, cls.sales_a, cls.div_a, cls.customer, at=local(cls.day(cls, -1), 9)
        )
        cls.file(cls, cls.manager_a, cls.div_a, cls.day(cls, -1), local(cls.day(cls, -1), 17))
        with freeze_time(local(cls.day(cls, -1), 19)):
            cls.event.with_user(cls.coordinator).action_check_invitation_duplicates()

    def test_ri11_ev7_points_for_attendance_and_event_purchases(self):
        """RI-11, EV-7: the coordinator records Mr Zhou brought by Sun, who bought 2,500 at
        the event: Sun earns 100 for bringing him and 200 for the purchases, with no claim;
        recording again books nothing more."""
        with freeze_time(local(self.EVENT_DAY, 15)):
            self.inv.with_user(self.coordinator).action_record_attendance(self.old_customer, 2500.0)
        self.assertEqual(self.old_customer.referral_points, 300)
        self.assertEqual(
            sorted(self.old_customer.referral_points_line_ids.mapped("reason")),
            ["event", "purchase"],
        )
        self.assertFalse(self.env["referral.claim"].search([]))
        self.inv._book_event_purchase_points()
        self.assertEqual(self.old_customer.referral_points, 300)

    def test_ri11_ev7_attacker_points(self):
        """RI-11 attacker: a salesperson cannot record attendance to earn his customer
        points; no points are booked."""
        with freeze_time(local(self.EVENT_DAY, 15)), self.assertRaises(AccessError):
            self.inv.with_user(self.sales_a).action_record_attendance(self.old_customer, 9000.0)
        self.assertEqual(self.old_customer.referral_points, 0)
