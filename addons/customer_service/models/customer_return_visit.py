# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .customer_class_history import CLASS_SELECTION

OFFICER = "customer_service.group_customer_service_officer"


class CustomerReturnVisit(models.Model):
    """A return visit: scheduled after a service or installation (CS-7, CS-8), recorded
    with its form (CS-9); a dissatisfied answer opens a complaint (CS-10)."""

    _name = "customer.return.visit"
    _description = "Return Visit"
    _inherit = ["mail.thread", "mail.activity.mixin", "incentive.guard.mixin"]
    _order = "deadline, id"
    _check_company_auto = True

    _guarded_fields = (
        "state",
        "done_at",
        "satisfied",
        "complaint_id",
        "service_record_id",
        "overdue_notified",
    )
    _guard_frozen_fields = {
        "partner_id": "_guard_open_records",
        "kind": "_guard_open_records",
        "method": "_guard_open_records",
        "officer_id": "_guard_open_records",
        "customer_manager_id": "_guard_open_records",
        "note": "_guard_open_records",
        "proposed_class": "_guard_open_records",
        "is_informal": "_guard_open_records",
        # CS-7, CS-8: a scheduled visit's deadline comes from its service, for good.
        "deadline": "_guard_manual_records",
    }
    _guard_unlink = "_guard_open_records"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, index=True)
    service_record_id = fields.Many2one("customer.service.record", readonly=True, index=True)
    kind = fields.Selection(
        [
            ("service", "After Service"),
            ("installation", "After Installation"),
            ("survey", "Satisfaction Survey"),
            ("informal", "Informal Contact"),
        ],
        required=True,
        default="service",
        tracking=True,
    )
    is_informal = fields.Boolean(
        compute="_compute_is_informal",
        store=True,
        readonly=False,
        help="CS-9: birthday, moving or promotion cards: recorded, without a form.",
    )
    method = fields.Selection(
        [("phone", "Phone"), ("letter", "Letter"), ("visit", "In Person"), ("card", "Card")],
        required=True,
        default="phone",
    )
    officer_id = fields.Many2one(
        "res.users",
        string="Return-Visit Officer",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    customer_manager_id = fields.Many2one(
        "hr.employee",
        check_company=True,
        help="SC-10: the customer manager whose customers the survey samples.",
    )
    deadline = fields.Date(
        required=True,
        default=lambda self: self._suite_today(),
        tracking=True,
        help="CS-7: 10 days after the service; CS-8: one month after the installation.",
    )
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        required=True,
        readonly=True,
        default="planned",
        tracking=True,
    )
    done_at = fields.Datetime(readonly=True, copy=False)
    satisfied = fields.Boolean(readonly=True, copy=False, tracking=True)
    answer_ids = fields.One2many("customer.return.visit.answer", "visit_id", string="Form")
    note = fields.Text()
    proposed_class = fields.Selection(
        CLASS_SELECTION, string="Customer Class", help="CS-11: the class this visit gives."
    )
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")
    overdue_notified = fields.Boolean(readonly=True, copy=False)
    complaint_id = fields.Many2one("customer.complaint", readonly=True, copy=False)
    loop_state = fields.Selection(
        [("open", "Complaint Open"), ("closed", "Customer Satisfied")],
        compute="_compute_loop_state",
        help="CS-10: closed only when the customer is called back and satisfied.",
    )

    @api.depends("partner_id", "kind", "deadline")
    def _compute_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for visit in self:
            visit.name = (
                f"{visit.partner_id.name or ''} {labels.get(visit.kind, '')} {visit.deadline or ''}"
            )

    @api.depends("kind")
    def _compute_is_informal(self):
        for visit in self:
            visit.is_informal = visit.kind == "informal"

    def _compute_is_overdue(self):
        """CS-7: planned visits past their deadline in the company's time zone."""
        for visit in self:
            today = visit.company_id._customer_service_today()
            visit.is_overdue = visit.state == "planned" and visit.deadline < today

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Search overdue visits with “is set” or “is not set”."))
        today = self.env.company._customer_service_today()
        domain = [("state", "=", "planned"), ("deadline", "<", today)]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    @api.depends("complaint_id.state", "complaint_id.customer_satisfied")
    def _compute_loop_state(self):
        for visit in self:
            complaint = visit.complaint_id
            if not complaint:
                visit.loop_state = False
            elif complaint.state == "closed" and complaint.customer_satisfied:
                visit.loop_state = "closed"
            else:
                visit.loop_state = "open"

    @api.model_create_multi
    def create(self, vals_list):
        visits = super().create(vals_list)
        visits.filtered(lambda visit: not visit.is_informal and not visit.answer_ids)._add_form()
        for visit in visits:
            if visit.officer_id and visit.state == "planned":
                visit.sudo().activity_schedule(
                    "mail.mail_activity_data_call",
                    date_deadline=visit.deadline,
                    user_id=visit.officer_id.id,
                    summary=visit.with_context(lang=visit.officer_id.lang).env._(
                        "Return visit to %(customer)s", customer=visit.partner_id.name
                    ),
                )
        return visits

    def _add_form(self):
        """CS-9: the configured questions become the visit's form."""
        questions = self.env["customer.return.visit.question"].sudo().search([])
        lines = []
        for visit in self:
            lines += [
                {
                    "visit_id": visit.id,
                    "sequence": q.sequence,
                    "question": q.with_context(lang=visit.officer_id.lang).name,
                }
                for q in questions
                if q.visit_kinds in ("all", visit.kind)
            ]
        self.env["customer.return.visit.answer"].sudo().create(lines)

    def _guard_open_records(self):
        return self.filtered(lambda visit: visit.state == "planned")

    def _guard_manual_records(self):
        return self.filtered(lambda visit: visit.state == "planned" and not visit.service_record_id)

    def _guard_hint(self):
        return self.env._("Click Satisfied or Dissatisfied to record the visit.")

    # --- Recording (CS-9, CS-10, CS-11)

    def action_done_satisfied(self):
        return self._record(satisfied=True)

    def action_done_dissatisfied(self):
        return self._record(satisfied=False)

    def _record(self, satisfied):
        """CS-9: the officer records the visit and its form; CS-10: a dissatisfied answer
        opens a complaint; CS-11: the class it gives is kept on the customer."""
        if not self.env.su and not self.env.user.has_group(OFFICER):
            raise UserError(self.env._("Only return-visit officers record return visits (CS-9)."))
        if not isinstance(satisfied, bool):
            raise ValidationError(self.env._("Record whether the customer is satisfied."))
        self.check_access("write")
        if self.filtered(lambda visit: visit.state != "planned"):
            raise UserError(self.env._("Only planned return visits can be recorded."))
        for visit in self:
            if not visit.is_informal and not any(line.answer for line in visit.answer_ids):
                raise UserError(
                    self.env._(
                        "Fill in the answers of the form of %(name)s (CS-9).", name=visit.name
                    )
                )
            if not satisfied and not visit.note:
                raise UserError(
                    self.env._(
                        "Note what the customer is dissatisfied with and who was involved (CS-10)."
                    )
                )
        with self._guard_workflow():
            self.write({"state": "done", "done_at": fields.Datetime.now(), "satisfied": satisfied})
        for visit in self.filtered("proposed_class"):
            visit.partner_id._set_customer_class(visit.proposed_class, visit)
        if not satisfied:
            self._open_complaints()
        self.sudo().activity_feedback(["mail.mail_activity_data_call"])
        return True

    def _open_complaints(self):
        """CS-10: the dissatisfied answer becomes a complaint, reported to the responsible
        manager (the department manager of the service), who assigns it."""
        Complaint = self.env["customer.complaint"].sudo()
        for visit in self:
            service = visit.service_record_id
            complaint = Complaint.create(
                {
                    "company_id": visit.company_id.id,
                    "partner_id": visit.partner_id.id,
                    "channel": "return_visit",
                    "receiver_id": self.env.uid,
                    "description": visit.note,
                    "employee_ids": [(6, 0, service.employee_ids.ids)],
                    "department_id": service.department_id.id,
                    "customer_manager_id": visit.customer_manager_id.id,
                }
            )
            with Complaint._guard_workflow(), self._guard_workflow():
                complaint.return_visit_id = visit
                visit.complaint_id = complaint
            manager = service.sudo().department_id.manager_id.user_id or self.env.ref(
                "base.user_admin"
            )
            complaint.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=manager.id,
                summary=complaint.with_context(lang=manager.lang).env._(
                    "Dissatisfied after a return visit: assign complaint %(name)s",
                    name=complaint.name,
                ),
            )

    def action_cancel(self):
        if not self.env.su and not self.env.user.has_group(OFFICER):
            raise UserError(self.env._("Only return-visit officers cancel return visits."))
        if self.filtered(lambda visit: visit.state != "planned"):
            raise UserError(self.env._("Only planned return visits can be cancelled."))
        with self._guard_workflow():
            self.write({"state": "cancelled"})
        return True

    # --- Overdue visits shown to the officer's manager (CS-7)

    @api.model
    def _cron_notify_overdue(self):
        """CS-7: the officer's manager gets an activity for each overdue visit, once."""
        visits = self.sudo().search(
            [("is_overdue", "=", True), ("overdue_notified", "=", False)], limit=500
        )
        for visit in visits:
            employee = visit.officer_id.employee_ids[:1]
            manager = employee.parent_id.user_id or self.env.ref("base.user_admin")
            visit.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=manager.id,
                summary=visit.with_context(lang=manager.lang).env._(
                    "Overdue return visit to %(customer)s", customer=visit.partner_id.name
                ),
            )
        with self._guard_workflow():
            visits.write({"overdue_notified": True})
        return visits
