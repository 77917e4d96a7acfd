# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common import CustomerServiceCommon


@tagged("post_install", "-at_install")
class TestComplaintFines(CustomerServiceCommon):
    def test_cs5_fines_once_per_complaint_and_person(self):
        """CS-5: a complaint to the general manager caused by bad attitude costs the
        employee concerned 100 + 100 and the department manager 100, booked once even when
        confirmed twice."""
        complaint = self._complaint(to_general_manager=True, bad_attitude=True)
        complaint.with_user(self.user_supervisor).action_confirm()
        lines = self._lines("CS-5")
        self.assertEqual(sorted(lines.mapped("amount")), [-100.0, -100.0, -100.0])
        self.assertEqual(lines.employee_id, self.emp_tech | self.emp_dm)
        with self.assertRaises(UserError):
            complaint.with_user(self.user_supervisor).action_confirm()
        complaint.sudo()._book_complaint_fines()
        self.assertEqual(len(self._lines("CS-5")), 3)
        # Once per complaint under two workers too: each offence carries the complaint as
        # its occurrence key, unique per type and person (incentive_ledger).
        offences = self.env["incentive.offence"].search(
            [("source_model", "=", complaint._name), ("source_res_id", "=", complaint.id)]
        )
        self.assertEqual(len(offences), 2)  # two types; one also fines the manager
        self.assertEqual(
            set(offences.mapped("occurrence_key")), {f"customer.complaint:{complaint.id}"}
        )

    def test_cs5_manager_fined_once_per_complaint(self):
        """CS-5: two employees of one department concerned by a complaint to the general
        manager: each pays 100 and their department manager 100 once, through two offences
        of the fine catalogue."""
        second = self.env["hr.employee"].create(
            {"name": "Niu", "department_id": self.department.id}
        )
        complaint = self._complaint(
            to_general_manager=True, employee_ids=[(6, 0, (self.emp_tech | second).ids)]
        )
        complaint.with_user(self.user_supervisor).action_confirm()
        lines = self._lines("CS-5")
        self.assertEqual(len(lines), 3)
        self.assertEqual(lines.filtered(lambda line: line.employee_id == self.emp_dm).amount, -100)
        offences = self.env["incentive.offence"].search(
            [("source_model", "=", complaint._name), ("source_res_id", "=", complaint.id)]
        )
        self.assertEqual(offences.employee_id, self.emp_tech | second)

    def test_cs5_grievance_found_before_complaint(self):
        """CS-5: a grievance found by staff costs the employee concerned 100."""
        complaint = self._complaint(found_before_complaint=True)
        complaint.with_user(self.user_supervisor).action_confirm()
        line = self._lines("CS-5")
        self.assertEqual(line.amount, -100.0)
        self.assertEqual(line.employee_id, self.emp_tech)

    def test_cs5_attacker_cannot_confirm_or_book(self):
        """CS-5 attacker: the receiver and the customer manager cannot confirm a complaint
        (no fines, no scorecard event), nor write the confirmation."""
        complaint = self._complaint(bad_attitude=True)
        for user in (self.user_receiver, self.user_cm, self.user_officer):
            with self.assertRaises(UserError):
                complaint.with_user(user).action_confirm()
        with self.assertRaises(UserError):
            complaint.with_user(self.user_receiver).write({"confirmed_by_id": self.user_dm.id})
        self.assertFalse(self._lines("CS-5"))

    def test_cs6_unresolved_after_three_days(self):
        """CS-6: a grievance not resolved in 3 days costs the department manager and the
        employee 500 each, once, and proposes the hand-over to the department manager."""
        with freeze_time(datetime(2026, 1, 9, 2, 0)):
            complaint = self._complaint()
            self._respond(complaint)
        with freeze_time(datetime(2026, 1, 12, 16, 1)):
            self.Complaint._escalate_overdue()
            self.Complaint._escalate_overdue()
        lines = self._lines("CS-6")
        self.assertEqual(sorted(lines.mapped("amount")), [-500.0, -500.0])
        self.assertEqual(lines.employee_id, self.emp_tech | self.emp_dm)
        self.assertTrue(complaint.handover_proposed)
        self.assertIn(self.user_dm, complaint.activity_ids.user_id)

    def test_cs6_hand_over_by_department_manager(self):
        """CS-6: the department manager picks an employee of another department; the
        customer's follow-up employee changes. Same department, the supervisor, or a direct
        write are refused."""
        with freeze_time(datetime(2026, 1, 9, 2, 0)):
            complaint = self._complaint()
        with freeze_time(datetime(2026, 1, 12, 16, 1)):
            self.Complaint._escalate_overdue()
        complaint.with_user(self.user_dm).handover_candidate_id = self.emp_tech
        with self.assertRaises(UserError):
            complaint.with_user(self.user_dm).action_hand_over()
        complaint.with_user(self.user_dm).handover_candidate_id = self.emp_sales
        with self.assertRaises(UserError):
            complaint.with_user(self.user_supervisor).action_hand_over()
        with self.assertRaises(UserError):
            self.customer.with_user(self.user_receiver).write(
                {"service_employee_id": self.emp_sales.id}
            )
        self.assertFalse(self.customer.service_employee_id)
        complaint.with_user(self.user_dm).action_hand_over()
        self.assertEqual(self.customer.service_employee_id, self.emp_sales)
        self.assertEqual(complaint.handover_employee_id, self.emp_sales)
