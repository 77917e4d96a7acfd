# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class LeadProtectionReassign(models.TransientModel):
    """LP-13, LP-14: a manager assigns company resources (a leaver's customers) and
    reassigns neglected customers, in batch, to a salesperson of his team."""

    _name = "lead.protection.reassign"
    _inherit = ["lead.protection.input.mixin"]
    _description = "Reassign Customers"

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
        leads = self.lead_ids.sudo()
        held = leads.filtered(
            lambda lead: "company" in lead.protection_registration_ids.mapped("state")
        )
        not_neglected = (leads - held).filtered(lambda lead: not lead.protection_neglected)
        if not_neglected:
            raise UserError(
                self.env._(
                    "These customers are still served and cannot be reassigned: %s",
                    ", ".join(not_neglected.mapped("display_name")),
                )
            )
        # Checked above, lead by lead, against the manager's teams and companies. The
        # customer passes with its registration: never free for whoever registers first.
        held.protection_registration_ids._transfer(
            self.user_id,
            self.env._(
                "Company resource assigned to %(user)s by %(manager)s (LP-13)",
                user=self.user_id.name,
                manager=self.env.user.name,
            ),
        )
        (leads - held).protection_registration_ids._transfer(
            self.user_id,
            self.env._(
                "Not served for months: reassigned to %(user)s by %(manager)s (LP-14)",
                user=self.user_id.name,
                manager=self.env.user.name,
            ),
        )
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
