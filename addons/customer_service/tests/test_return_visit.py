# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, tagged

from .common import CustomerServiceCommon


@tagged("post_install", "-at_install")
class TestReturnVisit(CustomerServiceCommon):
    def _service(self, kind, day, user=None):
        record = self.Service.with_user(user or self.user_receiver).create(
            {
                "name": "Boiler",
                "partner_id": self.customer.id,
                "kind": kind,
                "date_done": day,
                "employee_ids": [(6, 0, self.emp_tech.ids)],
                "department_id": self.department.id,
            }
        )
        record.action_done()
        return record

    def _answer(self, visit):
        for line in visit.answer_ids:
            line.with_user(self.user_officer).answer = "Fine"

    def test_cs7_return_visit_ten_days_after_repair(self):
        """CS-7: a paid repair done on 5 March schedules a return visit for the officer,
        due by 15 March (the day of service not counted)."""
        with freeze_time(datetime(2026, 3, 6, 2, 0)):
            record = self._service("paid_repair", date(2026, 3, 5))
        visit = record.return_visit_id
        self.assertEqual(visit.kind, "service")
        self.assertEqual(visit.deadline, date(2026, 3, 15))
        self.assertEqual(visit.officer_id, self.user_officer)
        self.assertTrue(visit.answer_ids)
        self.assertIn(self.user_officer, visit.activity_ids.user_id)

    def test_cs7_overdue_visits_shown_to_officers_manager(self):
        """CS-7: a visit not done by its deadline is overdue at once and the officer's
        manager gets an activity, once."""
        with freeze_time(datetime(2026, 3, 6, 2, 0)):
            record = self._service("warranty_repair", date(2026, 3, 5))
        visit = record.return_visit_id
        with freeze_time(datetime(2026, 3, 15, 15, 0)):  # 23:00 on the 15th in Shanghai
            self.assertFalse(self.Visit.search([("is_overdue", "=", True), ("id", "=", visit.id)]))
        with freeze_time(datetime(2026, 3, 15, 16, 30)):  # 00:30 on the 16th in Shanghai
            self.assertTrue(self.Visit.search([("is_overdue", "=", True), ("id", "=", visit.id)]))
            self.Visit._cron_notify_overdue()
            self.Visit._cron_notify_overdue()
        manager_acts = visit.activity_ids.filtered(lambda a: a.user_id == self.user_supervisor)
        self.assertEqual(len(manager_acts), 1)

    def test_cs8_installation_visit_one_month_later(self):
        """CS-8: an installation on 31 January is visited by 28 February (LP-3's month)."""
        with freeze_time(datetime(2026, 2, 1, 2, 0)):
            record = self._service("installation", date(2026, 1, 31))
        self.assertEqual(record.return_visit_id.kind, "installation")
        self.assertEqual(record.return_visit_id.deadline, date(2026, 2, 28))

    def test_cs7_attacker_cannot_move_deadline_or_state(self):
        """CS-7 attacker: the officer cannot move a scheduled visit's deadline nor mark it
        done directly; the service's state is set by its button only."""
        record = self._service("maintenance", self.env.company._suite_today())
        visit = record.return_visit_id.with_user(self.user_officer)
        deadline = visit.deadline
        for vals in ({"deadline": "2099-01-01"}, {"state": "done"}, {"satisfied": True}):
            with self.assertRaises(UserError):
                visit.write(vals)
        with self.assertRaises(UserError):
            record.with_user(self.user_receiver).write({"state": "draft"})
        self.assertEqual(visit.sudo().deadline, deadline)
        self.assertEqual(visit.sudo().state, "planned")

    def test_cs9_visit_recorded_with_form(self):
        """CS-9: the officer records the visit with the answers of its form; without
        answers it is refused; informal cards are recorded without a form."""
        record = self._service("paid_repair", self.env.company._suite_today())
        visit = record.return_visit_id.with_user(self.user_officer)
        with self.assertRaises(UserError):
            visit.action_done_satisfied()
        self._answer(visit)
        visit.action_done_satisfied()
        self.assertEqual(visit.state, "done")
        self.assertTrue(visit.satisfied)
        with self.assertRaises(UserError):
            visit.answer_ids[0].write({"answer": "changed"})
        card = self.Visit.with_user(self.user_officer).create(
            {
                "partner_id": self.customer.id,
                "kind": "informal",
                "method": "card",
                "note": "Birthday card",
            }
        )
        self.assertTrue(card.is_informal)
        self.assertFalse(card.answer_ids)
        card.action_done_satisfied()
        self.assertEqual(card.state, "done")

    def test_cs9_attacker_only_officer_records(self):
        """CS-9 attacker: the receiver cannot record or create a return visit."""
        record = self._service("paid_repair", self.env.company._suite_today())
        visit = record.return_visit_id
        self._answer(visit)
        with self.assertRaises(UserError):
            visit.with_user(self.user_receiver).action_done_satisfied()
        with self.assertRaises(AccessError):
            self.Visit.with_user(self.user_receiver).create({"partner_id": self.customer.id})
        self.assertEqual(visit.sudo().state, "planned")

    def test_cs10_dissatisfied_opens_complaint_and_loop(self):
        """CS-10: a dissatisfied answer opens a complaint with the details and persons,
        reported to the department manager; the loop closes only when the customer is
        called back and satisfied."""
        record = self._service("paid_repair", self.env.company._suite_today())
        visit = record.return_visit_id.with_user(self.user_officer)
        self._answer(visit)
        with self.assertRaises(UserError):
            visit.action_done_dissatisfied()
        visit.note = "Technician Ma was rude and the boiler still leaks."
        visit.action_done_dissatisfied()
        complaint = visit.complaint_id
        self.assertEqual(complaint.channel, "return_visit")
        self.assertEqual(complaint.employee_ids.ids, self.emp_tech.ids)
        self.assertEqual(complaint.return_visit_id, visit)
        self.assertIn(self.user_dm, complaint.activity_ids.user_id)
        self.assertEqual(visit.loop_state, "open")
        self._respond(complaint, user=self.user_officer)
        self._resolve(complaint, user=self.user_officer)
        complaint.with_user(self.user_officer).callback_note = "Fixed, customer happy."
        complaint.with_user(self.user_officer).action_close_satisfied()
        visit.invalidate_recordset()
        self.assertEqual(visit.loop_state, "closed")

    def test_cs11_customer_class_with_history(self):
        """CS-11: the return visit's result classifies the customer; each change is kept
        in the history. Nobody writes the class directly."""
        record = self._service("paid_repair", self.env.company._suite_today())
        visit = record.return_visit_id.with_user(self.user_officer)
        self._answer(visit)
        visit.proposed_class = "gold"
        visit.action_done_satisfied()
        self.assertEqual(self.customer.customer_class, "gold")
        history = self.customer.customer_class_history_ids
        self.assertEqual(len(history), 1)
        self.assertEqual((history.new_class, history.user_id), ("gold", self.user_officer))
        for user in (self.user_officer, self.user_supervisor, self.user_receiver):
            with self.assertRaises(UserError):
                self.customer.with_user(user).write({"customer_class": "ordinary"})
        self.assertEqual(self.customer.customer_class, "gold")
        with self.assertRaises(UserError):
            self.customer.with_user(self.user_officer)._set_customer_class("platinum")
