# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CustomerServiceCommon


@tagged("post_install", "-at_install")
class TestComplaintHandling(CustomerServiceCommon):
    def test_cs2_first_handling_recorded(self):
        """CS-2: the receiver dispatches at once and records the action; responding without
        it is refused."""
        complaint = self._complaint()
        with self.assertRaises(UserError):
            complaint.with_user(self.user_receiver).action_respond()
        self._respond(complaint)
        self.assertEqual(complaint.state, "in_progress")
        self.assertTrue(complaint.responded_at)
        self.assertTrue(complaint.next_progress_at)

    def test_cs2_attacker_out_of_order(self):
        """CS-2 attacker: resolving or closing before the first handling is refused; the
        handling is frozen once resolved."""
        complaint = self._complaint()
        with self.assertRaises(UserError):
            complaint.with_user(self.user_receiver).action_resolve()
        with self.assertRaises(UserError):
            complaint.with_user(self.user_receiver).action_close_satisfied()
        self._respond(complaint)
        self._resolve(complaint)
        with self.assertRaises(UserError):
            complaint.with_user(self.user_receiver).write({"handling_note": "rewritten"})
        self.assertEqual(complaint.sudo().handling_note, "Technician sent.")

    def test_cs2_close_after_call_back(self):
        """CS-2, CS-10: the customer is told the result; a dissatisfied customer reopens
        the complaint, a satisfied one closes it."""
        complaint = self._complaint()
        self._respond(complaint)
        self._resolve(complaint)
        complaint = complaint.with_user(self.user_receiver)
        with self.assertRaises(UserError):
            complaint.action_close_satisfied()
        complaint.callback_note = "Still noisy."
        complaint.action_close_dissatisfied()
        self.assertEqual(complaint.state, "in_progress")
        self.assertFalse(complaint.resolved_at)
        self._resolve(complaint)
        complaint.callback_note = "Quiet now, thanks."
        complaint.action_close_satisfied()
        self.assertEqual(complaint.state, "closed")
        self.assertTrue(complaint.customer_satisfied)
        for vals in ({"callback_note": "forged"}, {"customer_satisfied": False}):
            with self.assertRaises(UserError):
                complaint.write(vals)
        self.assertEqual(complaint.sudo().callback_note, "Quiet now, thanks.")

    def test_cs3_written_reply_needs_supervisor_approval(self):
        """CS-3: a written complaint's reply is sent only after the supervisor approves it;
        it cannot be resolved before."""
        complaint = self._complaint(channel="written")
        self._respond(complaint)
        complaint = complaint.with_user(self.user_receiver)
        complaint.resolution_note = "<p>Fixed.</p>"
        with self.assertRaises(UserError):
            complaint.action_resolve()
        complaint.reply_body = "<p>We apologise and replaced the pump.</p>"
        complaint.action_submit_reply()
        self.assertEqual(complaint.state, "approval")
        messages_before = complaint.message_ids.filtered(lambda m: self.customer in m.partner_ids)
        self.assertFalse(messages_before)
        complaint.with_user(self.user_supervisor).action_approve_reply()
        self.assertEqual(complaint.reply_approved_by_id, self.user_supervisor)
        sent = complaint.message_ids.filtered(lambda m: self.customer in m.partner_ids)
        self.assertEqual(len(sent), 1)
        complaint.action_resolve()
        self.assertEqual(complaint.state, "resolved")

    def test_cs3_attacker_receiver_cannot_approve(self):
        """CS-3 attacker: the receiver (and the customer manager) cannot approve the reply
        himself, nor write the approval; nothing is sent."""
        complaint = self._complaint(channel="written")
        self._respond(complaint)
        complaint = complaint.with_user(self.user_receiver)
        complaint.reply_body = "<p>Sorry.</p>"
        complaint.action_submit_reply()
        for user in (self.user_receiver, self.user_cm, self.user_officer):
            with self.assertRaises(UserError):
                complaint.with_user(user).action_approve_reply()
        with self.assertRaises(UserError):
            complaint.write({"reply_approved_by_id": self.user_receiver.id})
        with self.assertRaises(UserError):
            complaint.write({"state": "in_progress"})
        self.assertEqual(complaint.sudo().state, "approval")
        self.assertFalse(complaint.sudo().reply_approved_by_id)

    def test_cs3_serious_reported_to_supervisor_at_once(self):
        """CS-3: a serious incident gives the department manager an activity at once."""
        complaint = self._complaint(is_serious=True)
        self.assertIn(self.user_dm, complaint.activity_ids.user_id)
        self.assertTrue(complaint.needs_approval)
