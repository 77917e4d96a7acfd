# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class LeadProtectionReassign(models.TransientModel):
    """LP-14: a manager reassigns neglected customers in batch."""

    _name = "lead.protection.reassign"
    _inherit = ["lead.protection.input.mixin"]
    _description = "Reassign Neglected Customers"

    lead_ids = fields.Many2many(
        "crm.lead", string="Leads", required=True, default=lambda self: self._default_leads()
    )
    user_id = fields.Many2one("res.users", string="New Salesperson", required=True)

    def _default_leads(self):
        """The leads selected where the wizard was opened."""
        context = self.env.context
        return context.get("active_ids", []) if context.get("active_model") == "crm.lead" else []

    def action_reassign(self):
        self._protection_single()
        self._check_scope()
        not_neglected = self.lead_ids.filtered(lambda lead: not lead.protection_neglected)
        if not_neglected:
            raise UserError(
                self.env._(
                    "These customers are still served and cannot be reassigned: %s",
                    ", ".join(not_neglected.mapped("display_name")),
                )
            )
        leads = self.lead_ids.sudo()
        leads.protection_registration_ids._release(
            self.env._("Not served for months: reassigned (LP-14)")
        )
        # Checked above, lead by lead, against the manager's teams and companies.
        with leads._guard_workflow():
            leads.write({"user_id": self.user_id.id, "protection_neglected": False})
        return {"type": "ir.actions.act_window_close"}

    def _check_scope(self):
        """LP-14: a manager reassigns the customers of the teams he leads, in his companies,
        to a salesperson of that team."""
        user = self.env.user
        if not user.has_group("lead_protection.group_lead_protection_manager"):
            raise UserError(self.env._("Only sales managers can reassign customers."))
        if not self.lead_ids:
            raise UserError(self.env._("Choose the customers to reassign."))
        if user._is_superuser() or user.has_group("base.group_system"):
            return
        for lead in self.lead_ids.sudo():
            team = lead.team_id
            if team.user_id != user or lead.company_id not in user.company_ids:
                raise UserError(
                    self.env._(
                        "%(lead)s belongs to a sales team you do not manage; only its manager "
                        "reassigns it.",
                        lead=lead.display_name,
                    )
                )
            if self.user_id not in team.member_ids | team.user_id or not self.user_id.active:
                raise UserError(
                    self.env._(
                        "%(user)s is not a salesperson of %(team)s.",
                        user=self.user_id.name,
                        team=team.name,
                    )
                )
