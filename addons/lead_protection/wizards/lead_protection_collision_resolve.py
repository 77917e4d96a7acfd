# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..tools import collision


class LeadProtectionCollisionResolve(models.TransientModel):
    """Record how a collision ends: agreed (LP-6), adjudicated (LP-7), split (LP-8) or the
    customer's choice (LP-4)."""

    _name = "lead.protection.collision.resolve"
    _inherit = ["lead.protection.input.mixin"]
    _description = "Resolve Collision"
    _protection_ranges = {"split_percent": (0, 100)}

    collision_id = fields.Many2one("lead.protection.collision", required=True)
    outcome = fields.Selection(
        [
            (collision.OWNER, "First Registration Keeps the Customer"),
            (collision.CHALLENGER, "Second Registration Gets the Customer"),
            (collision.SPLIT, "Credit Split"),
            (collision.CUSTOMER_CHOICE, "Customer's Choice"),
        ],
        required=True,
        default=collision.OWNER,
    )
    agreement = fields.Text(string="Agreed Solution / Reasons")
    split_percent = fields.Float(string="First Salesperson's Share (%)")
    chosen_user_id = fields.Many2one("res.users", string="Chosen by the Customer")

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        if "split_percent" in fields_list:
            res["split_percent"] = self.env.company.protection_split_percent
        return res

    def action_resolve(self):
        self._protection_single()
        self.collision_id._resolve(
            self.outcome,
            agreement=self.agreement,
            chosen_user=self.chosen_user_id,
            split_percent=self.split_percent,
        )
        return {"type": "ir.actions.act_window_close"}
