# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

from ..tools import fines
from .customer_complaint import DEPARTMENT_MANAGER, OPEN_STATES, SUPERVISOR

ESCALATION_BATCH = 200


class CustomerComplaint(models.Model):
    """What a complaint costs and feeds: supervisor's confirmation (SC-9), fines (CS-5,
    CS-6), escalations of missed deadlines (CS-4) and the hand-over (CS-6)."""

    _inherit = "customer.complaint"

    # --- Confirmation by the supervisor (SC-9, CS-5)

    def action_confirm(self):
        """SC-9, CS-5: the supervisor confirms the complaint or praise: the customer
        manager's scorecard event and the fines are booked, once per complaint."""
        self._check_group(SUPERVISOR, "SC-9")
        for complaint in self:
            if complaint.confirmed_by_id:
                raise UserError(self.env._("%(name)s is already confirmed.", name=complaint.name))
            if complaint.state == "cancelled":
                raise UserError(self.env._("A cancelled complaint cannot be confirmed."))
        with self._guard_workflow():
            self.write({"confirmed_by_id": self.env.uid})
        self.sudo()._book_scorecard_events()
        self.sudo()._book_complaint_fines()
        return True

    def _book_scorecard_events(self):
        """SC-9: -3 for a complaint, +3 for praise, on the customer manager's scorecard."""
        Event = self.env["service.scorecard.event"]
        types = {
            "complaint": self.env.ref("service_scorecard.event_type_complaint"),
            "praise": self.env.ref("service_scorecard.event_type_praise"),
        }
        for complaint in self.filtered(
            lambda c: c.customer_manager_id.scorecard_enabled and not c.scorecard_event_id
        ):
            event = Event._create_once(
                f"sc9:{complaint.id}",
                {
                    "name": f"{complaint.name}: {complaint.customer_name or ''}",
                    "employee_id": complaint.customer_manager_id.id,
                    "date": complaint._suite_today(),
                    "type_id": types[complaint.kind].id,
                },
                confirm=True,
                evidence=complaint._evidence_text(),
            )
            with self._guard_workflow():
                complaint.scorecard_event_id = event

    def _book_complaint_fines(self):
        """CS-5: grievance found or bad attitude, complaint to the general manager: raised
        as offences of the fine catalogue, once per type, complaint and person."""
        for complaint in self.filtered(lambda c: c.kind == "complaint"):
            complaint._raise_offences(
                fines.complaint_offences(
                    complaint.found_before_complaint,
                    complaint.to_general_manager,
                    complaint.bad_attitude,
                    complaint.employee_ids.ids,
                )
            )

    def _raise_offences(self, wanted):
        """Record the offences ``[(fine type, employee id)]`` of this complaint that are not
        recorded yet (incentive_ledger FN-1, FN-2). The complaint is the offences' occurrence
        key: two workers raising them at once record each once (the second retries)."""
        self.ensure_one()
        Offence = self.env["incentive.offence"].sudo().with_context(active_test=False)
        types = {
            key: self.env.ref(f"incentive_ledger.fine_type_{key}")
            for key in {fine_type for fine_type, _employee in wanted}
        }
        key_of = {fine_type.id: key for key, fine_type in types.items()}
        existing = [
            (key_of.get(offence.fine_type_id.id), offence.employee_id.id)
            for offence in Offence.search(
                [("source_model", "=", self._name), ("source_res_id", "=", self.id)]
            )
        ]
        to_raise = fines.missing(wanted, existing)
        Employee = self.env["hr.employee"].sudo()
        offences = Offence.browse()
        for key, fine_type in types.items():
            employees = Employee.browse([emp for k, emp in to_raise if k == key])
            if fine_type.falls_on != "offender":
                managerless = employees.filtered(
                    lambda emp: not (emp.department_id.manager_id or emp.parent_id)
                )
                if managerless:
                    self._note_managerless(managerless, fine_type)
                employees -= managerless
            if employees:
                offences |= Offence._record_offence(
                    fine_type,
                    employees,
                    source=self,
                    date=self.company_id._customer_service_today(),
                    description=self.name,
                    occurrence_key=f"{self._name}:{self.id}",
                )
        return offences

    def _note_managerless(self, employees, fine_type):
        self._suite_message_post(
            lambda env: env._(
                "%(type)s not recorded for %(names)s: they have no department manager. Set "
                "one, then record the offence from the employee.",
                type=fine_type.with_env(env).display_name,
                names=", ".join(employees.mapped("name")),
            )
        )

    # --- Escalation of missed deadlines (CS-4) and the 3-day rule (CS-6)

    @api.model
    def _cron_escalate(self):
        """CS-4, CS-6: escalate overdue complaints in batches, each committed with the job's
        progress (``ir.cron._commit_progress``). What is left is read from the complaints'
        flags and deadlines, so a crash or a timeout loses the batch in flight only, which
        the next run escalates; none twice (the flag is written with the activity)."""
        Cron = self.env["ir.cron"]
        while done := self._escalate_overdue(limit=ESCALATION_BATCH):
            if not Cron._suite_progress(done):
                break

    @api.model
    def _escalate_overdue(self, limit=None):
        """Escalate one batch of complaints whose response or resolution is overdue; ask
        for the progress reports that are due. Returns how many were handled."""
        now = fields.Datetime.now()
        base = [("state", "in", OPEN_STATES)]
        late_response = self.sudo().search(
            [
                *base,
                ("response_escalated", "=", False),
                ("responded_at", "=", False),
                ("response_deadline", "<", now),
            ],
            limit=limit,
        )
        late_resolution = self.sudo().search(
            [*base, ("resolution_escalated", "=", False), ("resolution_deadline", "<", now)],
            limit=limit,
        )
        progress_due = self.sudo().search(
            [("state", "in", ("in_progress", "approval")), ("next_progress_at", "<", now)],
            limit=limit,
        )
        late_response._escalate("response")
        late_resolution._escalate("resolution")
        late_resolution._apply_unresolved_rule()
        progress_due._ask_progress_report()
        return len(late_response) + len(late_resolution) + len(progress_due)

    def _escalate(self, what):
        """CS-4: the department manager gets an activity; the flag stops a second one."""
        for complaint in self:
            manager = complaint.sudo().department_id.manager_id.user_id or complaint.env.ref(
                "base.user_admin"
            )
            env = complaint.with_context(lang=manager.lang).env
            summary = (
                env._("Complaint %(name)s: no response within the deadline", name=complaint.name)
                if what == "response"
                else env._(
                    "Complaint %(name)s: not resolved within the deadline", name=complaint.name
                )
            )
            complaint.activity_schedule(
                "mail.mail_activity_data_todo", user_id=manager.id, summary=summary
            )
        with self._guard_workflow():
            self.write({f"{what}_escalated": True})

    def _apply_unresolved_rule(self):
        """CS-6: a grievance unresolved after 3 days fines the department manager and the
        employees concerned, and proposes handing the customer to another department."""
        for complaint in self.filtered(lambda c: c.kind == "complaint"):
            complaint._raise_offences(fines.unresolved_offences(complaint.employee_ids.ids))
        to_propose = self.filtered(lambda c: c.kind == "complaint" and c.partner_id)
        for complaint in to_propose:
            manager = complaint.sudo().department_id.manager_id.user_id or complaint.env.ref(
                "base.user_admin"
            )
            complaint.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=manager.id,
                summary=complaint.with_context(lang=manager.lang).env._(
                    "Hand %(customer)s over to an employee of another department",
                    customer=complaint.partner_id.name,
                ),
            )
        with self._guard_workflow():
            to_propose.write({"handover_proposed": True})

    def _ask_progress_report(self):
        """CS-4: the receiver is asked to call the customer with the progress."""
        for complaint in self:
            user = complaint.receiver_id
            complaint.activity_schedule(
                "mail.mail_activity_data_call",
                user_id=user.id,
                summary=complaint.with_context(lang=user.lang).env._(
                    "Tell the customer how complaint %(name)s progresses", name=complaint.name
                ),
            )
            with self._guard_workflow():
                complaint.next_progress_at = fields.Datetime.add(
                    fields.Datetime.now(), hours=complaint.company_id.complaint_progress_hours or 24
                )

    def action_hand_over(self):
        """CS-6: the department manager hands the customer to the employee he picked, of
        another department."""
        self._check_group(DEPARTMENT_MANAGER, "CS-6")
        for complaint in self:
            employee = complaint.handover_candidate_id
            if not complaint.handover_proposed:
                raise UserError(
                    self.env._("No hand-over is proposed for %(name)s.", name=complaint.name)
                )
            if not employee:
                raise UserError(self.env._("Pick the employee who takes the customer over."))
            if complaint.department_id and employee.sudo().department_id == complaint.department_id:
                raise UserError(
                    self.env._(
                        "Pick an employee of another department than %(dep)s (CS-6).",
                        dep=complaint.department_id.name,
                    )
                )
        for complaint in self:
            # The department manager's right on the complaint is checked above; the
            # customer's card may belong to a team he cannot edit.
            partner = complaint.partner_id.sudo()
            with partner._guard_workflow(), self._guard_workflow():
                partner.service_employee_id = complaint.handover_candidate_id
                complaint.write(
                    {
                        "handover_employee_id": complaint.handover_candidate_id.id,
                        "handover_proposed": False,
                    }
                )
        return True

    # --- Unreported fault sheets (SC-9)

    def action_flag_unreported(self):
        """SC-9: a fault sheet found unreported after 24 hours with serious consequences
        gives the supervisor a -5 event to confirm (draft, once)."""
        self._check_group(SUPERVISOR, "SC-9")
        event_type = self.env.ref("service_scorecard.event_type_unreported_complaint")
        for complaint in self:
            if complaint.channel != "manager" or not complaint.is_serious:
                raise UserError(self.env._("Only serious fault sheets are flagged (SC-9)."))
            if complaint.reported_at and complaint.reported_at <= complaint.response_deadline:
                raise UserError(self.env._("%(name)s was reported in time.", name=complaint.name))
            if complaint.response_deadline > fields.Datetime.now() and not complaint.reported_at:
                raise UserError(
                    self.env._("%(name)s still has time to be reported.", name=complaint.name)
                )
            manager = complaint.customer_manager_id
            if not manager:
                raise UserError(self.env._("Choose the customer manager concerned."))
            self.env["service.scorecard.event"].sudo()._create_once(
                f"sc9u:{complaint.id}",
                {
                    "name": complaint.name,
                    "employee_id": manager.id,
                    "date": complaint._suite_today(),
                    "type_id": event_type.id,
                },
                confirm=False,
                evidence=complaint._evidence_text(),
            )
        return True

    def _evidence_text(self):
        """The complaint as the scorecard event's evidence (SC-9)."""
        self.ensure_one()
        return "\n".join(
            [
                f"{self.name} ({self.kind}, {self.channel})",
                f"{self.customer_company or ''} {self.customer_name or ''}",
                f"{self.received_at}",
                html2plaintext(self.description or ""),
            ]
        )
