# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CustomerServiceCommon


@tagged("post_install", "-at_install")
class TestComplaintRegister(CustomerServiceCommon):
    def test_cs1_receiver_records_complaint_at_once(self):
        """CS-1: the receiver records a phone complaint: customer company and name, time,
        channel, receiver, content and employees concerned; it is numbered at once."""
        company = self.env["res.partner"].create({"name": "Acme Ltd", "is_company": True})
        self.customer.parent_id = company
        complaint = self._complaint()
        self.assertEqual(complaint.state, "new")
        self.assertTrue(complaint.name.startswith("CMP/"))
        self.assertEqual(complaint.customer_company, "Acme Ltd")
        self.assertEqual(complaint.customer_name, "Chen Wei")
        self.assertEqual(complaint.receiver_id, self.user_receiver)
        self.assertTrue(complaint.received_at)
        self.assertEqual(complaint.employee_ids.ids, self.emp_tech.ids)

    def test_cs1_customer_required(self):
        """CS-1: a complaint without a customer is refused."""
        with self.assertRaises(ValidationError):
            self.Complaint.with_user(self.user_receiver).create({"channel": "phone"})

    def test_cs1_attacker_cannot_forge_register_fields(self):
        """CS-1 attacker: the receiver cannot backdate the receipt, change the receiver or
        the state, directly or on creation; nothing changes (re-read as admin)."""
        complaint = self._complaint()
        received = complaint.received_at
        for vals in (
            {"received_at": "2020-01-01 00:00:00"},
            {"receiver_id": self.user_cm.id},
            {"state": "closed"},
            {"responded_at": "2020-01-01 00:00:00"},
        ):
            with self.assertRaises(UserError):
                complaint.with_user(self.user_receiver).write(vals)
        with self.assertRaises(UserError):
            self._complaint(received_at="2020-01-01 00:00:00")
        complaint.invalidate_recordset()
        self.assertEqual(complaint.sudo().received_at, received)
        self.assertEqual(complaint.sudo().state, "new")

    def test_cs1_outsiders_cannot_read_or_create(self):
        """CS-1 attacker: an employee without the role, and a receiver of another company,
        neither read nor record complaints of this company."""
        complaint = self._complaint()
        with self.assertRaises(AccessError):
            self.Complaint.with_user(self.user_plain).create({"customer_name": "X"})
        with self.assertRaises(AccessError):
            complaint.with_user(self.user_plain).read(["name"])
        with self.assertRaises(AccessError):
            complaint.with_user(self.user_other).read(["name"])
        with self.assertRaises(AccessError):
            complaint.with_user(self.user_receiver).unlink()

    def test_cs1_email_to_service_address_opens_written_complaint(self):
        """CS-1, CS-3: an e-mail to the service address (mail alias) opens a written
        complaint, which needs the supervisor's approval of its reply."""
        self.company.complaint_receiver_id = self.user_receiver
        alias = self.env.ref("customer_service.mail_alias_complaint")
        self.assertEqual(alias.alias_model_id.model, "customer.complaint")
        complaint = self.Complaint.message_new(
            {
                "email_from": "Chen Wei <chen@example.com>",
                "subject": "Broken heater",
                "body": "<p>Nobody came.</p>",
            }
        )
        self.assertEqual(complaint.channel, "written")
        self.assertEqual(complaint.email_from, "chen@example.com")
        self.assertEqual(complaint.receiver_id, self.user_receiver)
        self.assertTrue(complaint.needs_approval)
        self.assertTrue(complaint.response_deadline)

    def _work_order(self, sheet):
        return (
            self.env["ir.attachment"]
            .with_user(self.user_cm)
            .create(
                {
                    "name": "work_order.txt",
                    "datas": base64.b64encode(b"work order 42"),
                    "res_model": sheet._name,
                    "res_id": sheet.id,
                }
            )
        )

    def test_cs1_fault_sheet_reported_with_work_order(self):
        """CS-1: the customer manager records his fault sheet and reports it to his superior
        with the work order; his superior gets an activity."""
        sheet = self._complaint(user=self.user_cm, channel="manager")
        with self.assertRaises(UserError):
            sheet.with_user(self.user_cm).action_report_to_superior()
        sheet.with_user(self.user_cm).work_order_ids = [(6, 0, self._work_order(sheet).ids)]
        sheet.with_user(self.user_cm).action_report_to_superior()
        self.assertTrue(sheet.reported_at)
        self.assertIn(self.user_supervisor, sheet.activity_ids.user_id)

    def test_cs1_fault_sheet_attacker(self):
        """CS-1 attacker: another receiver cannot report someone else's fault sheet, and
        nobody writes the report time directly."""
        sheet = self._complaint(user=self.user_cm, channel="manager")
        sheet.with_user(self.user_cm).work_order_ids = [(6, 0, self._work_order(sheet).ids)]
        with self.assertRaises(UserError):
            sheet.with_user(self.user_receiver).action_report_to_superior()
        with self.assertRaises(UserError):
            sheet.with_user(self.user_cm).write({"reported_at": "2020-01-01 00:00:00"})
        self.assertFalse(sheet.sudo().reported_at)
