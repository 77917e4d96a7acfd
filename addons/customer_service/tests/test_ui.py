# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCustomerServiceUi(HttpCase):
    def test_cs1_cs2_tour_records_and_closes_complaint(self):
        """CS-1, CS-2, CS-10, in a real browser: the receiver records a phone complaint,
        responds, resolves it and closes it after calling the customer back."""
        new_test_user(
            self.env,
            login="tour_receiver",
            groups="customer_service.group_customer_service_receiver",
        )
        self.start_tour(
            "/odoo/action-customer_service.customer_complaint_action/new",
            "customer_service_complaint_tour",
            login="tour_receiver",
        )
        complaint = self.env["customer.complaint"].search([("customer_name", "=", "Tour Customer")])
        self.assertEqual(complaint.state, "closed")
        self.assertTrue(complaint.customer_satisfied)
        self.assertEqual(complaint.receiver_id.login, "tour_receiver")
