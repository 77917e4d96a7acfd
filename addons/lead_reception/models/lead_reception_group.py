# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import reception

RECEPTIONIST = "lead_reception.group_lead_reception_receptionist"
MANAGER = "lead_protection.group_lead_protection_manager"


class LeadReceptionGroup(models.Model):
    """LP-32, LP-33: visitors who arrive (3+) or sign (8+) together on one day."""

    _name = "lead.reception.group"
    _description = "Group Visit or Order"
    _inherit = ["mail.thread", "incentive.guard.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    _guarded_fields = (
        "salesperson_id",
        "date",
        "company_id",
        "visit_ids",
        "member_count",
        "kind",
    )
    _guard_frozen_fields = ("name", "team_id")
    _guard_unlink = "_guard_deletable"

    name = fields.Char(required=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    team_id = fields.Many2one("crm.team", required=True, check_company=True)
    salesperson_id = fields.Many2one(
        "res.users",
        string="Group's Salesperson",
        readonly=True,
        default=lambda self: self.env.user,
        help="LP-33: members nobody else proves stay with him.",
    )
    date = fields.Date(readonly=True, help="Day of the group in the company's time zone.")
    visit_ids = fields.One2many("lead.reception.visit", "group_id", string="Members")
    member_count = fields.Integer(compute="_compute_kind", store=True)
    kind = fields.Selection(
        [("single", "Not a Group"), ("visit", "Group Visit"), ("order", "Group Order")],
        compute="_compute_kind",
        store=True,
    )

    @api.depends("visit_ids", "company_id")
    def _compute_kind(self):
        """Group visit from 3, group order from 8 members (LP-32, LP-33)."""
        for group in self:
            company = group.company_id or self.env.company
            group.member_count = len(group.visit_ids)
            group.kind = reception.group_kind(
                group.member_count,
                company.reception_group_visit_min,
                company.reception_group_order_min,
            )

    @api.model_create_multi
    def create(self, vals_list):
        today = self.env.company._reception_local(fields.Datetime.now()).date()
        decided = {"date": today, "salesperson_id": self.env.uid}
        if self._guard_bypassed():
            # Data loaded by the administrator (demo, imports) may name them.
            vals_list = [dict(decided, **vals) for vals in vals_list]
        else:
            vals_list = [dict(vals, **decided) for vals in vals_list]
        with self._guard_workflow():
            return super().create(vals_list)

    def _guard_deletable(self):
        return self.filtered(lambda group: not group.visit_ids)

    def _add_visits(self, visits):
        """Join visitors of the group's day to it. Those who arrived separately that day
        count for the group's salesperson; whoever received them did so as a duty (LP-33)."""
        self.ensure_one()
        user = self.env.user
        if user != self.salesperson_id and not user.has_group(RECEPTIONIST):
            raise UserError(self.env._("Only the group's salesperson or the desk adds members."))
        visits = visits.sudo()
        if visits.filtered(lambda v: v.visit_date != self.date or v.company_id != self.company_id):
            raise UserError(self.env._("Only visitors of the group's day can join it."))
        if visits.filtered(lambda v: v.group_id and v.group_id != self):
            raise UserError(self.env._("A visitor is already in another group."))
        with visits._guard_workflow(), self._guard_workflow():
            visits.write({"group_id": self.id})
            if self.kind == "order":
                followers = visits.filtered(
                    lambda v: (
                        v.owner_reason in (reception.RECEIVER, reception.REGISTERED, "call")
                        or not v.owner_id
                    )
                )
                followers.write({"owner_id": self.salesperson_id.id, "owner_reason": "group"})
        return True
