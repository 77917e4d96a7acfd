# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class LeadProtectionChangeWizard(models.TransientModel):
    """Change a won deal's credit: a performance change form (LP-18), the supervisor's
    co-selling split (LP-17) or the director's decision (LP-47). The model methods check
    who acts; this only collects the input."""

    _name = "lead.protection.change.wizard"
    _description = "Change the Credit of a Won Deal"

    lead_id = fields.Many2one("crm.lead", string="Won Deal", required=True, readonly=True)
    mode = fields.Selection(
        [
            ("transfer", "Performance change form (both salespeople agree)"),
            ("co_selling", "Co-selling split agreed by the three (supervisor)"),
            ("decision", "Director's decision (no rule covers it)"),
        ],
        required=True,
        default="transfer",
    )
    to_user_id = fields.Many2one(
        "res.users",
        string="Other Salesperson",
        required=True,
        domain="[('share', '=', False)]",
    )
    commission_only = fields.Boolean(
        string="Commission Only (No Renaming)",
        help="LP-18: in the last days of the month an earlier deal keeps its salesperson.",
    )
    to_share = fields.Float(
        string="Other Salesperson's Share (%)",
        default=50.0,
        help="LP-17, LP-47: the share of the credit of the other salesperson; the deal's "
        "salesperson keeps the rest.",
    )
    reason = fields.Text(string="Reason and Evidence", required=True)

    def action_confirm(self):
        self.ensure_one()
        Change = self.env["lead.protection.change"]
        if self.mode == "transfer":
            form = Change._draft(self.lead_id, self.to_user_id, self.reason, self.commission_only)
        elif self.mode == "co_selling":
            form = Change._record_split(self.lead_id, self.to_user_id, self.to_share, self.reason)
        elif self.mode == "decision":
            form = Change._decide(self.lead_id, self.to_user_id, self.to_share, self.reason)
        else:
            raise UserError(self.env._("Choose what to change."))
        return {
            "type": "ir.actions.act_window",
            "res_model": "lead.protection.change",
            "res_id": form.id,
            "view_mode": "form",
        }
