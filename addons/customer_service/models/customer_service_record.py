# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import deadlines

SERVICE_KINDS = [
    ("paid_repair", "Paid Repair"),
    ("warranty_repair", "Warranty Repair"),
    ("maintenance", "Maintenance Registration"),
    ("installation", "Installation and Commissioning"),
]


class CustomerServiceRecord(models.Model):
    """A repair, maintenance registration or installation done for a customer; when done,
    it schedules its return visit (CS-7, CS-8)."""

    _name = "customer.service.record"
    _description = "Customer Service Record"
    _inherit = ["mail.thread", "mail.activity.mixin", "incentive.guard.mixin"]
    _order = "date_done desc, id desc"
    _check_company_auto = True

    _guarded_fields = ("state", "return_visit_id")
    _guard_frozen_fields = ("partner_id", "kind", "date_done", "employee_ids", "department_id")
    _guard_unlink = "_guard_open_records"

    name = fields.Char(required=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, index=True)
    kind = fields.Selection(SERVICE_KINDS, required=True, default="paid_repair", tracking=True)
    date_done = fields.Date(
        string="Done On", required=True, default=lambda self: self._suite_today(), tracking=True
    )
    employee_ids = fields.Many2many("hr.employee.public", string="Technicians", check_company=True)
    department_id = fields.Many2one("hr.department", check_company=True)
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")],
        required=True,
        readonly=True,
        default="draft",
        tracking=True,
    )
    return_visit_id = fields.Many2one("customer.return.visit", readonly=True, copy=False)

    def _guard_open_records(self):
        return self.filtered(lambda record: record.state == "draft")

    def _guard_hint(self):
        return self.env._("Click Done: it schedules the return visit.")

    @api.model
    def _visit_deadline(self, kind, day, company):
        """CS-7: 10 days after a repair or maintenance; CS-8: one month after an
        installation; counted as LP-3 (the day of service not counted)."""
        if kind == "installation":
            return deadlines.last_day(day, company.return_visit_installation_months or 1, "months")
        return deadlines.last_day(day, company.return_visit_service_days or 10, "days")

    def action_done(self):
        """CS-7, CS-8: the service is done: its return visit is scheduled at once."""
        if not self.env.su and not self.env.user.has_group(
            "customer_service.group_customer_service_receiver"
        ):
            raise UserError(self.env._("Only customer service staff record services."))
        self.check_access("write")
        if self.filtered(lambda record: record.state != "draft"):
            raise UserError(self.env._("Only draft services can be marked done."))
        today = self.env.company._customer_service_today()
        if self.filtered(lambda record: record.date_done > today):
            raise UserError(self.env._("A service cannot be done in the future."))
        visits = (
            self.env["customer.return.visit"]
            .sudo()
            .create([record._prepare_return_visit_vals() for record in self])
        )
        with self._guard_workflow():
            for record, visit in zip(self, visits, strict=True):
                record.write({"state": "done", "return_visit_id": visit.id})
        return True

    def _prepare_return_visit_vals(self):
        self.ensure_one()
        company = self.company_id
        return {
            "partner_id": self.partner_id.id,
            "company_id": company.id,
            "service_record_id": self.id,
            "kind": "installation" if self.kind == "installation" else "service",
            "officer_id": company.return_visit_officer_id.id or self.env.uid,
            "deadline": self._visit_deadline(self.kind, self.date_done, company),
        }
