# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import EventInvitationCommon, local


@tagged("post_install", "-at_install")
class TestEventFloor(EventInvitationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inv = cls.invite(
            cls, cls.sales_a, cls.div_a, cls.customer, at=local(cls.day(cls, -1), 9)
        )
        cls.file(cls, cls.manager_a, cls.div_a, cls.day(cls, -1), local(cls.day(cls, -1), 17))
        with freeze_time(local(cls.day(cls, -1), 19)):
            cls.event.with_user(cls.coordinator).action_check_invitation_duplicates()

    def test_ev5_helping_needs_the_inviters_consent(self):
        """EV-5: the earlier follower (B's salesperson) presents only after the inviter
        grants consent; one presenter at a time."""
        with self.assertRaises(AccessError):
            self.inv.with_user(self.sales_b).action_start_presentation()
        consent = (
            self.env["event.invitation.consent"]
            .with_user(self.sales_b)
            .create({"invitation_id": self.inv.id})
        )
        with self.assertRaises(AccessError):
            consent.with_user(self.sales_b).action_grant()
        with self.assertRaises(UserError):
            consent.with_user(self.sales_b).write({"state": "granted"})
        consent.with_user(self.sales_a).action_grant()
        self.assertEqual(consent.state, "granted")
        self.inv.with_user(self.sales_a).action_start_presentation()
        with self.assertRaises(UserError), mute_logger("odoo.sql_db"):
            self.inv.with_user(self.sales_b).action_start_presentation()
        Presentation = self.env["event.invitation.presentation"]
        running = Presentation.search([("partner_id", "=", self.customer.id)])
        self.assertEqual(running.presenter_id, self.sales_a)
        with self.assertRaises(AccessError):
            running.with_user(self.sales_b).action_done()
        running.with_user(self.sales_a).action_done()
        self.inv.with_user(self.sales_b).action_start_presentation()
        self.assertEqual(
            Presentation.search([("state", "=", "running")]).presenter_id, self.sales_b
        )

    def test_ev7_attendance_and_points(self):
        """EV-7, RI-11: the coordinator records that Mr Zhou came, brought by Sun, and
        bought 2,500: Sun earns 100 + 200 points; Mr Zhou is now brought by Sun."""
        with freeze_time(local(self.EVENT_DAY, 15)):
            wizard = (
                self.env["event.invitation.attendance"]
                .with_user(self.coordinator)
                .create(
                    {
                        "invitation_id": self.inv.id,
                        "brought_by_id": self.old_customer.id,
                        "purchase_amount": 2500.0,
                    }
                )
            )
            wizard.action_record()
        self.assertTrue(self.inv.attended)
        self.assertEqual(self.inv.bringer_points, 300)
        self.assertEqual(self.customer.brought_by_id, self.old_customer)
        self.assertEqual(self.inv.user_id, self.sales_a, "the sale is credited to the inviter")

    def test_ev7_attacker_attendance(self):
        """EV-7 attacker: a salesperson or division manager cannot record attendance or
        write it, nor the brought-by link; not before the event day; nothing changed."""
        for attacker in (self.sales_a, self.manager_a, self.hr):
            with freeze_time(local(self.EVENT_DAY, 15)), self.assertRaises(AccessError):
                self.inv.with_user(attacker).action_record_attendance(self.old_customer, 5000.0)
        with freeze_time(local(self.day(-1), 20)), self.assertRaises(UserError):
            self.inv.with_user(self.coordinator).action_record_attendance(self.old_customer)
        with freeze_time(local(self.EVENT_DAY, 15)), self.assertRaises(ValidationError):
            self.inv.with_user(self.coordinator).action_record_attendance(self.old_customer, -5.0)
        with self.assertRaises(UserError):
            self.inv.with_user(self.sales_a).write({"attended": True, "purchase_amount": 9e6})
        with self.assertRaises(UserError):
            self.customer.with_user(self.sales_a).write({"brought_by_id": self.other.id})
        self.inv.invalidate_recordset()
        self.assertFalse(self.inv.attended)
        self.assertFalse(self.customer.brought_by_id)

    def _conflict(self):
        return (
            self.env["event.invitation.conflict"]
            .with_user(self.manager_a)
            .create(
                {
                    "name": "Who keeps Mr Zhou",
                    "event_id": self.event.id,
                    "partner_id": self.customer.id,
                    "division_a_id": self.div_a.id,
                    "division_b_id": self.div_b.id,
                    "arguing_user_ids": [(6, 0, [self.sales_a.id, self.sales_b.id])],
                }
            )
        )

    def test_ev6_conflict_settled_by_heads_and_coordinator(self):
        """EV-6: after the event the two heads and the coordinator settle it; each employee
        who argued in front of customers is fined 100."""
        case = self._conflict()
        with freeze_time(local(self.EVENT_DAY, 16)), self.assertRaises(UserError):
            case.with_user(self.manager_a).action_agree()
        with freeze_time(local(self.EVENT_DAY, 18)):
            case.with_user(self.manager_a).action_agree()
            case.with_user(self.manager_b).action_agree()
            self.assertEqual(case.state, "open")
            case.with_user(self.coordinator).action_agree()
        self.assertEqual(case.state, "settled")
        self.assertEqual(self.fines(self.sales_a, "EV-6").amount, -100.0)
        self.assertEqual(self.fines(self.sales_b, "EV-6").amount, -100.0)

    def test_ev6_escalated_to_general_manager(self):
        """EV-6: what the coordinator cannot settle goes to the general manager, who rules."""
        case = self._conflict()
        case.with_user(self.coordinator).action_escalate()
        case.with_user(self.manager_a).settlement = "<p>A keeps him</p>"
        with self.assertRaises(AccessError):
            case.with_user(self.coordinator).action_rule()
        case.with_user(self.general_manager).action_rule()
        self.assertEqual(case.state, "ruled")
        self.assertEqual(len(self.fines(self.sales_b, "EV-6")), 1)

    def test_ev6_attacker_conflict(self):
        """EV-6 attacker: a salesperson cannot file, agree, escalate or rule, and nobody
        writes the agreements or the state directly; nothing changed."""
        with self.assertRaises(AccessError):
            self.env["event.invitation.conflict"].with_user(self.sales_a).create(
                {
                    "name": "x",
                    "event_id": self.event.id,
                    "division_a_id": self.div_a.id,
                    "division_b_id": self.div_b.id,
                }
            )
        case = self._conflict()
        with freeze_time(local(self.EVENT_DAY, 18)):
            with self.assertRaises(AccessError):
                case.with_user(self.sales_a).action_agree()
            with self.assertRaises(AccessError):
                case.with_user(self.manager_a).action_escalate()
        for vals in ({"state": "settled"}, {"agreed_b": True}, {"agreed_coordinator": True}):
            with self.assertRaises(UserError):
                case.with_user(self.manager_a).write(vals)
        with self.assertRaises(UserError):
            case.with_user(self.coordinator).unlink()
        case.invalidate_recordset()
        self.assertEqual(case.state, "open")
        self.assertFalse(case.agreed_b)
        self.assertFalse(self.fines(self.sales_a, "EV-6"))
