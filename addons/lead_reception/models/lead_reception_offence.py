# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import psycopg2.errors

from odoo import api, fields, models
from odoo.exceptions import ConcurrencyError, UserError, ValidationError

MANAGER = "lead_protection.group_lead_protection_manager"

# Rule -> its fine type in incentive_ledger's catalogue (FN-1), where the amounts are set.
FINE_TYPES = {
    "LP-27": "incentive_ledger.fine_type_lp27_no_visit_entry",
    "LP-28": "incentive_ledger.fine_type_lp28_questions",
    "LP-30": "incentive_ledger.fine_type_lp30_not_reconciled",
    "LP-37": "incentive_ledger.fine_type_lp37_member_friend",
    "LP-44": "incentive_ledger.fine_type_lp44_not_received",
}


class LeadReceptionOffence(models.Model):
    """A reception offence reported by a manager (or found by the LP-30 check); its fine
    is booked to the ledger when confirmed."""

    _name = "lead.reception.offence"
    _description = "Reception Offence"
    _inherit = ["mail.thread", "incentive.guard.mixin"]
    _order = "id desc"
    _check_company_auto = True

    _guarded_fields = ("state", "amount", "reported_by_id", "company_id", "source_key")
    _guard_frozen_fields = ("__all__",)
    _guard_unlink = "_guard_open_records"

    rule = fields.Selection(
        [
            ("LP-27", "LP-27 Visitor toured without an entry"),
            ("LP-28", "LP-28 Reception questions skipped"),
            ("LP-30", "LP-30 Order's number not reconciled"),
            ("LP-37", "LP-37 Member's friend steered away"),
            ("LP-44", "LP-44 Colleague's customer left unreceived"),
        ],
        required=True,
    )
    offender_id = fields.Many2one("res.users", required=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    team_id = fields.Many2one("crm.team", required=True, check_company=True)
    visit_id = fields.Many2one("lead.reception.visit", check_company=True)
    lead_id = fields.Many2one("crm.lead", string="Order")
    visitor_count = fields.Integer(
        string="Visitors", default=1, help="LP-27: the fine is per visitor toured."
    )
    note = fields.Text(string="What Happened", required=True)
    reported_by_id = fields.Many2one("res.users", readonly=True, default=lambda self: self.env.user)
    amount = fields.Monetary(string="Fine", currency_field="currency_id", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "Reported"), ("confirmed", "Fined"), ("cancelled", "Dropped")],
        default="draft",
        required=True,
        tracking=True,
    )
    source_key = fields.Char(readonly=True, copy=False)

    _source_key_unique = models.UniqueIndex(
        "(company_id, source_key) WHERE source_key IS NOT NULL",
        "This offence is already on record.",
    )
    _visitor_count_positive = models.Constraint(
        "CHECK (visitor_count > 0)", "The number of visitors must be positive."
    )

    def _guard_open_records(self):
        return self.filtered(lambda offence: offence.state == "draft")

    def _guard_hint(self):
        return self.env._("A manager confirms or drops the offence with the buttons.")

    def _check_manager(self):
        user = self.env.user
        if not user.has_group(MANAGER):
            raise UserError(self.env._("Only a sales manager reports and fines offences."))
        for offence in self:
            if offence.offender_id == user:
                raise UserError(self.env._("Nobody fines himself."))
            if offence.company_id not in user.company_ids:
                raise UserError(self.env._("This offence belongs to another company."))
            if offence.sudo().team_id.user_id != user:
                raise UserError(self.env._("Only the offender's team manager decides this."))

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self._guard_bypassed():
            records._check_manager()
        return records

    @api.constrains("visitor_count", "rule")
    def _check_visitor_count(self):
        for offence in self:
            if offence.rule != "LP-27" and offence.visitor_count != 1:
                raise ValidationError(self.env._("Only LP-27 fines count visitors."))

    def action_confirm(self):
        """The manager confirms: the fine is booked to the offender (LP-27..LP-44)."""
        self._check_manager()
        if self.filtered(lambda offence: offence.state != "draft"):
            raise UserError(self.env._("Only reported offences can be confirmed."))
        self._book_fines()
        return True

    def action_cancel(self):
        self._check_manager()
        if self.filtered(lambda offence: offence.state != "draft"):
            raise UserError(self.env._("Only reported offences can be dropped."))
        with self._guard_workflow():
            self.write({"state": "cancelled"})
        return True

    def _offender_employees(self):
        """{offence: the offender's employee in the offence's company}, in one query."""
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    ("user_id", "in", self.offender_id.ids),
                    ("company_id", "in", self.company_id.ids),
                ]
            )
        )
        by_user_company = {}
        for employee in employees:
            by_user_company.setdefault((employee.user_id.id, employee.company_id.id), employee)
        result = {}
        for offence in self:
            employee = by_user_company.get((offence.offender_id.id, offence.company_id.id))
            if not employee:
                raise UserError(
                    self.env._(
                        "%(user)s has no employee in %(company)s: create one so that the fine "
                        "can be booked.",
                        user=offence.offender_id.name,
                        company=offence.company_id.name,
                    )
                )
            result[offence] = employee
        return result

    def _offence_day(self):
        """LP-30: the day of the sale, in the company's time zone."""
        if self.rule != "LP-30" or not self.lead_id.date_closed:
            return False
        return self.company_id._reception_local(self.lead_id.date_closed).date()

    def _book_fines(self):
        """Record the offences in the fine catalogue (one occurrence per visitor for LP-27),
        which books the fines, in one batch; the rule and the manager were checked by the
        caller."""
        employees = self._offender_employees()
        now = fields.Datetime.now()
        entries = []
        for offence in self:
            day = offence._offence_day() or offence.company_id._reception_local(now).date()
            entries += [
                {
                    "fine_type": FINE_TYPES[offence.rule],
                    "employees": employees[offence],
                    "source": offence,
                    "date": day,
                    "description": offence.note,
                }
            ] * (offence.visitor_count if offence.rule == "LP-27" else 1)
        recorded = self.env["incentive.offence"].sudo()._record_offences(entries)
        amounts = {}
        for catalogued in recorded:
            amounts[catalogued.source_res_id] = (
                amounts.get(catalogued.source_res_id, 0.0) + catalogued.amount
            )
        # One write per distinct amount, not one per offence.
        by_amount = {}
        for offence in self:
            by_amount.setdefault(amounts.get(offence.id, 0.0), []).append(offence.id)
        with self._guard_workflow():
            for amount, ids in by_amount.items():
                self.browse(ids).write({"state": "confirmed", "amount": amount})

    @api.model
    def _report_automatic(self, vals_list):
        """Offences found by the suite itself (LP-30): confirmed and fined at once, once."""
        if not vals_list:
            return self.browse()
        for vals in vals_list:
            vals["source_key"] = f"{vals['rule']}:lead:{vals['lead_id']}"
        existing = set(
            self.sudo()
            .search([("source_key", "in", [vals["source_key"] for vals in vals_list])])
            .mapped("source_key")
        )
        vals_list = [vals for vals in vals_list if vals["source_key"] not in existing]
        if not vals_list:
            return self.browse()
        try:
            with self.env.cr.savepoint():
                offences = self.sudo().create(vals_list)
                self.env.flush_all()
        except psycopg2.errors.UniqueViolation as error:
            raise ConcurrencyError("Offence reported concurrently, retrying") from error
        offences._book_fines()
        return offences
