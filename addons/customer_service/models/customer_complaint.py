# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, email_split, html2plaintext

from ..tools import deadlines

STATES = [
    ("new", "Received"),
    ("in_progress", "In Progress"),
    ("approval", "Reply to Approve"),
    ("resolved", "Resolved"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]
OPEN_STATES = ("new", "in_progress", "approval")
RECEIVER = "customer_service.group_customer_service_receiver"
SUPERVISOR = "customer_service.group_customer_service_supervisor"
DEPARTMENT_MANAGER = "customer_service.group_customer_service_department_manager"


class CustomerComplaint(models.Model):
    """A customer's complaint, grievance or praise, from receipt to the call back (CS-1..CS-6)."""

    _name = "customer.complaint"
    _description = "Customer Complaint"
    _inherit = ["mail.thread", "mail.activity.mixin", "incentive.guard.mixin"]
    _order = "received_at desc, id desc"
    _check_company_auto = True
    _mail_post_access = "read"

    _guarded_fields = (
        "state",
        "received_at",
        "receiver_id",
        "responded_at",
        "resolved_at",
        "closed_at",
        "customer_satisfied",
        "reply_approved_by_id",
        "reply_approved_at",
        "next_progress_at",
        "response_escalated",
        "resolution_escalated",
        "confirmed_by_id",
        "scorecard_event_id",
        "reported_at",
        "handover_proposed",
        "handover_employee_id",
        "return_visit_id",
    )
    # What the customer said and who is concerned freeze once the complaint is resolved.
    _guard_frozen_fields = {
        "partner_id": "_guard_open_records",
        "customer_company": "_guard_open_records",
        "customer_name": "_guard_open_records",
        "channel": "_guard_open_records",
        "kind": "_guard_open_records",
        "description": "_guard_open_records",
        "employee_ids": "_guard_open_records",
        "customer_manager_id": "_guard_open_records",
        "department_id": "_guard_open_records",
        "is_serious": "_guard_open_records",
        "to_general_manager": "_guard_open_records",
        "bad_attitude": "_guard_open_records",
        "found_before_complaint": "_guard_open_records",
        "handling": "_guard_open_records",
        "handling_note": "_guard_open_records",
        "reply_body": "_guard_open_records",
        # The resolution and the call back are written until the complaint is closed.
        "resolution_note": "_guard_unclosed_records",
        "callback_note": "_guard_unclosed_records",
        "work_order_ids": "_guard_unclosed_records",
    }
    _guard_unlink = "_guard_open_records"

    # --- The complaint (CS-1)
    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    kind = fields.Selection(
        [("complaint", "Complaint"), ("praise", "Praise")],
        required=True,
        default="complaint",
        tracking=True,
    )
    partner_id = fields.Many2one("res.partner", string="Customer", index=True, tracking=True)
    customer_company = fields.Char(
        compute="_compute_customer", store=True, readonly=False, precompute=True
    )
    customer_name = fields.Char(
        compute="_compute_customer", store=True, readonly=False, precompute=True
    )
    email_from = fields.Char()
    received_at = fields.Datetime(
        string="Received",
        required=True,
        readonly=True,
        default=fields.Datetime.now,
        tracking=True,
    )
    channel = fields.Selection(
        [
            ("in_person", "In Person"),
            ("phone", "Phone"),
            ("written", "Written"),
            ("email", "E-mail"),
            ("manager", "Directly to a Customer Manager"),
            ("return_visit", "Return Visit"),
        ],
        required=True,
        default="in_person",
        tracking=True,
    )
    receiver_id = fields.Many2one(
        "res.users",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    description = fields.Html(string="Content")
    employee_ids = fields.Many2many(
        "hr.employee.public", string="Employees Concerned", check_company=True
    )
    customer_manager_id = fields.Many2one(
        "hr.employee",
        check_company=True,
        tracking=True,
        help="SC-9: the customer manager the complaint or praise is about.",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Customer's Department",
        check_company=True,
        tracking=True,
        help="CS-4, CS-6: its manager receives the escalations and pays the fines.",
    )
    is_serious = fields.Boolean(string="Serious", tracking=True)
    to_general_manager = fields.Boolean(
        string="Made to the General Manager", tracking=True, help="CS-5."
    )
    bad_attitude = fields.Boolean(string="Caused by Bad Attitude", tracking=True, help="CS-5.")
    found_before_complaint = fields.Boolean(
        string="Grievance Found by Staff",
        tracking=True,
        help="CS-5: a grievance an employee found before the customer complained.",
    )
    state = fields.Selection(
        STATES,
        required=True,
        readonly=True,
        default="new",
        tracking=True,
        copy=False,
        group_expand="_group_expand_states",
    )

    # --- First handling (CS-2) and written replies (CS-3)
    handling = fields.Selection(
        [
            ("dispatched", "Dispatched at Once"),
            ("solution", "Solution Given to the Customer"),
            ("supervisor", "Asked the Supervisor"),
            ("superior", "In Writing to the Department's Superior"),
        ],
        string="First Handling",
        tracking=True,
    )
    handling_note = fields.Text(string="Action Taken")
    investigator_id = fields.Many2one("res.users", string="Sent to Investigate")
    needs_approval = fields.Boolean(
        compute="_compute_needs_approval", help="CS-3: written or serious complaints."
    )
    reply_body = fields.Html(string="Reply")
    reply_approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    reply_approved_at = fields.Datetime(readonly=True, copy=False)
    resolution_note = fields.Html(string="Resolution")
    callback_note = fields.Text(string="Call Back")
    customer_satisfied = fields.Boolean(readonly=True, copy=False, tracking=True)

    # --- Deadlines (CS-4)
    response_deadline = fields.Datetime(compute="_compute_deadlines", store=True, index=True)
    resolution_deadline = fields.Datetime(compute="_compute_deadlines", store=True, index=True)
    responded_at = fields.Datetime(readonly=True, copy=False, tracking=True)
    resolved_at = fields.Datetime(readonly=True, copy=False, tracking=True)
    closed_at = fields.Datetime(readonly=True, copy=False)
    next_progress_at = fields.Datetime(readonly=True, copy=False)
    response_overdue = fields.Boolean(compute="_compute_overdue", search="_search_response_overdue")
    resolution_overdue = fields.Boolean(
        compute="_compute_overdue", search="_search_resolution_overdue"
    )
    response_escalated = fields.Boolean(readonly=True, copy=False)
    resolution_escalated = fields.Boolean(readonly=True, copy=False)

    # --- Confirmation, fault sheets, scorecard (CS-1, SC-9)
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    scorecard_event_id = fields.Many2one("service.scorecard.event", readonly=True, copy=False)
    work_order_ids = fields.Many2many("ir.attachment", string="Work Order Files")
    reported_at = fields.Datetime(
        string="Reported to the Superior", readonly=True, copy=False, tracking=True
    )

    # --- Hand-over (CS-6) and return-visit loop (CS-10)
    handover_proposed = fields.Boolean(readonly=True, copy=False)
    handover_candidate_id = fields.Many2one(
        "hr.employee",
        string="Hand Over To",
        check_company=True,
        help="CS-6: an employee of another department, picked by the department manager.",
    )
    handover_employee_id = fields.Many2one("hr.employee", readonly=True, copy=False)
    return_visit_id = fields.Many2one("customer.return.visit", readonly=True, copy=False)

    @api.depends("partner_id")
    def _compute_customer(self):
        """CS-1: the customer's company and name, editable."""
        for complaint in self:
            partner = complaint.partner_id
            if partner:
                complaint.customer_company = partner.commercial_company_name or (
                    partner.parent_id.name if partner.parent_id else ""
                )
                complaint.customer_name = partner.name

    @api.depends("channel", "is_serious")
    def _compute_needs_approval(self):
        """CS-3: the supervisor approves the reply to written and serious complaints."""
        for complaint in self:
            complaint.needs_approval = complaint.channel == "written" or complaint.is_serious

    @api.depends(
        "received_at",
        "company_id.complaint_response_hours",
        "company_id.complaint_resolution_days",
        "company_id.resource_calendar_id",
    )
    def _compute_deadlines(self):
        """CS-4: 24 hours from the moment of receipt; 3 days counted as LP-3 in the
        company's time zone."""
        for complaint in self:
            company = complaint.company_id or self.env.company
            if not complaint.received_at:
                complaint.response_deadline = complaint.resolution_deadline = False
                continue
            complaint.response_deadline = deadlines.add_hours(
                complaint.received_at, company.complaint_response_hours or 24
            )
            complaint.resolution_deadline = deadlines.period_end(
                complaint.received_at,
                company.complaint_resolution_days or 3,
                company._customer_service_tz(),
            )

    def _compute_overdue(self):
        """CS-4: right at any moment, without waiting for the cron."""
        now = fields.Datetime.now()
        for complaint in self:
            complaint.response_overdue = complaint.state != "cancelled" and deadlines.is_overdue(
                complaint.response_deadline, complaint.responded_at, now
            )
            complaint.resolution_overdue = complaint.state != "cancelled" and deadlines.is_overdue(
                complaint.resolution_deadline, complaint.resolved_at, now
            )

    def _search_overdue(self, deadline, done, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Search overdue complaints with “is set” or “is not set”."))
        now = fields.Datetime.now()
        domain = [
            ("state", "!=", "cancelled"),
            "|",
            "&",
            (done, "=", False),
            (deadline, "<", now),
            ("id", "in", self._late_ids(deadline, done)),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    def _late_ids(self, deadline, done):
        """Complaints answered or resolved after their deadline: two columns compared."""
        self.env.cr.execute(
            SQL(
                "SELECT id FROM customer_complaint WHERE %s > %s",
                SQL.identifier(done),
                SQL.identifier(deadline),
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    def _search_response_overdue(self, operator, value):
        return self._search_overdue("response_deadline", "responded_at", operator, value)

    def _search_resolution_overdue(self, operator, value):
        return self._search_overdue("resolution_deadline", "resolved_at", operator, value)

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in STATES if key != "cancelled"]

    # --- Creation (CS-1) and the service address (mail alias)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].sudo().next_by_code("customer.complaint")
        complaints = super().create(vals_list)
        complaints._check_customer()
        complaints.filtered("is_serious")._notify_supervisor()
        return complaints

    def _check_customer(self):
        for complaint in self:
            if not complaint.partner_id and not complaint.customer_name:
                raise ValidationError(
                    self.env._("Record the customer: choose a contact or type his name (CS-1).")
                )

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """An e-mail to the service address opens a written complaint (CS-1, CS-3)."""
        email = (email_split(msg_dict.get("email_from") or "") or [""])[0]
        partner = self.env["res.partner"].browse(msg_dict.get("author_id") or [])
        values = {
            "channel": "written",
            "email_from": email,
            "customer_name": partner.name or email or self.env._("Unknown sender"),
            "partner_id": partner.id or False,
            "description": msg_dict.get("body") or msg_dict.get("subject"),
            "receiver_id": self.env.company.complaint_receiver_id.id
            or self.env.ref("base.user_admin").id,
        }
        values.update(custom_values or {})
        return super().message_new(msg_dict, custom_values=values)

    def _notify_supervisor(self):
        """CS-3: a serious incident is reported to the supervisor at once."""
        supervisors = self.env.ref(SUPERVISOR).sudo().user_ids
        for complaint in self:
            user = complaint.sudo().department_id.manager_id.user_id or supervisors[:1]
            if user:
                complaint.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id,
                    summary=self.with_context(lang=user.lang).env._(
                        "Serious complaint %(name)s: decide the handling", name=complaint.name
                    ),
                )

    # --- Guard

    def _guard_open_records(self):
        return self.filtered(lambda complaint: complaint.state in OPEN_STATES)

    def _guard_unclosed_records(self):
        return self.filtered(lambda complaint: complaint.state not in ("closed", "cancelled"))

    def _guard_hint(self):
        return self.env._(
            "Use Respond, Submit Reply, Approve Reply, Resolve, Close and Confirm, which check "
            "the rule."
        )

    def _check_group(self, xmlid, rule):
        if not self.env.su and not self.env.user.has_group(xmlid):
            raise UserError(
                self.env._("You are not allowed to do this on complaints (%(rule)s).", rule=rule)
            )
        self.check_access("write")

    def _check_states(self, states, action):
        wrong = self.filtered(lambda complaint: complaint.state not in states)
        if wrong:
            raise UserError(
                self.env._(
                    "%(name)s cannot be %(action)s in its current state.",
                    name=wrong[0].name,
                    action=action,
                )
            )

    # --- Workflow (CS-2, CS-3, CS-4)

    def action_respond(self):
        """CS-2: record the first handling; the 24-hour response is met now."""
        self._check_group(RECEIVER, "CS-2")
        self._check_states(("new",), self.env._("answered"))
        for complaint in self:
            if not complaint.handling or not complaint.handling_note:
                raise UserError(
                    self.env._(
                        "Record the first handling of %(name)s and the action taken (CS-2).",
                        name=complaint.name,
                    )
                )
        now = fields.Datetime.now()
        with self._guard_workflow():
            for complaint in self:
                complaint.write(
                    {
                        "state": "in_progress",
                        "responded_at": now,
                        "next_progress_at": deadlines.next_progress_report(
                            now, complaint.company_id.complaint_progress_hours or 24
                        ),
                    }
                )
        return True

    def action_submit_reply(self):
        """CS-3: a written or serious complaint's reply goes to the supervisor first."""
        self._check_group(RECEIVER, "CS-3")
        self._check_states(("in_progress",), self.env._("submitted"))
        if self.filtered(lambda complaint: not complaint.reply_body):
            raise UserError(self.env._("Write the reply before submitting it (CS-3)."))
        with self._guard_workflow():
            self.write({"state": "approval"})
        return True

    def action_approve_reply(self):
        """CS-3: the supervisor approves the reply; only then is it sent to the customer."""
        self._check_group(SUPERVISOR, "CS-3")
        self._check_states(("approval",), self.env._("approved"))
        with self._guard_workflow():
            self.write(
                {
                    "state": "in_progress",
                    "reply_approved_by_id": self.env.uid,
                    "reply_approved_at": fields.Datetime.now(),
                }
            )
        for complaint in self:
            complaint._message_customer(complaint.reply_body)
        return True

    def action_reject_reply(self):
        """CS-3: the supervisor sends the reply back to be rewritten."""
        self._check_group(SUPERVISOR, "CS-3")
        self._check_states(("approval",), self.env._("sent back"))
        with self._guard_workflow():
            self.write({"state": "in_progress"})
        return True

    def action_report_progress(self):
        """CS-4: tell the customer where his complaint stands; the next report is due one
        interval later."""
        self._check_group(RECEIVER, "CS-4")
        self._check_states(("in_progress", "approval"), self.env._("reported on"))
        now = fields.Datetime.now()
        with self._guard_workflow():
            for complaint in self:
                complaint.next_progress_at = deadlines.next_progress_report(
                    now, complaint.company_id.complaint_progress_hours or 24
                )
        self.activity_feedback(["mail.mail_activity_data_call"])
        return True

    def action_resolve(self):
        """CS-2, CS-4: the complaint is solved; a written or serious one needs its approved
        reply first."""
        self._check_group(RECEIVER, "CS-4")
        self._check_states(("in_progress",), self.env._("resolved"))
        for complaint in self:
            if (
                not complaint.resolution_note
                or html2plaintext(complaint.resolution_note).strip() == ""
            ):
                raise UserError(
                    self.env._("Describe the resolution of %(name)s.", name=complaint.name)
                )
            if complaint.needs_approval and not complaint.reply_approved_by_id:
                raise UserError(
                    self.env._(
                        "%(name)s is written or serious: its reply must be approved by the "
                        "supervisor before it is resolved (CS-3).",
                        name=complaint.name,
                    )
                )
        with self._guard_workflow():
            self.write({"state": "resolved", "resolved_at": fields.Datetime.now()})
        return True

    def action_close_satisfied(self):
        return self._close(satisfied=True)

    def action_close_dissatisfied(self):
        return self._close(satisfied=False)

    def _close(self, satisfied):
        """CS-2, CS-10: the customer is told the result and his satisfaction recorded. A
        dissatisfied customer reopens the complaint: the loop closes only when satisfied."""
        self._check_group(RECEIVER, "CS-10")
        if not isinstance(satisfied, bool):
            raise ValidationError(self.env._("Record whether the customer is satisfied."))
        self._check_states(("resolved",), self.env._("closed"))
        if self.filtered(lambda complaint: not complaint.callback_note):
            raise UserError(self.env._("Record what the customer said when called back (CS-10)."))
        with self._guard_workflow():
            if satisfied:
                self.write(
                    {
                        "state": "closed",
                        "closed_at": fields.Datetime.now(),
                        "customer_satisfied": True,
                    }
                )
            else:
                self.write({"state": "in_progress", "resolved_at": False})
        return True

    def action_cancel(self):
        """A complaint recorded by mistake; its deadlines stop."""
        self._check_group(SUPERVISOR, "CS-1")
        self._check_states(OPEN_STATES, self.env._("cancelled"))
        with self._guard_workflow():
            self.write({"state": "cancelled"})
        return True

    def _message_customer(self, body):
        self.ensure_one()
        partner = self.partner_id
        if partner:
            self.message_post(
                body=body,
                partner_ids=partner.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        else:
            self.message_post(body=body)

    # --- Fault sheets of customer managers (CS-1, SC-9)

    def action_report_to_superior(self):
        """CS-1: the customer manager reports his fault sheet with the work order."""
        self._check_group(RECEIVER, "CS-1")
        for complaint in self:
            if complaint.channel != "manager":
                raise UserError(self.env._("Only fault sheets are reported to the superior."))
            if complaint.reported_at:
                raise UserError(self.env._("%(name)s is already reported.", name=complaint.name))
            if complaint.receiver_id != self.env.user and not self.env.user.has_group(SUPERVISOR):
                raise UserError(self.env._("Only the customer manager who took it reports it."))
            if not complaint.work_order_ids:
                raise UserError(self.env._("Attach the work order before reporting (CS-1)."))
        with self._guard_workflow():
            self.write({"reported_at": fields.Datetime.now()})
        for complaint in self:
            superior = complaint.sudo().customer_manager_id.parent_id.user_id
            if superior:
                complaint.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=superior.id,
                    summary=self.with_context(lang=superior.lang).env._(
                        "Fault sheet %(name)s reported", name=complaint.name
                    ),
                )
        return True
