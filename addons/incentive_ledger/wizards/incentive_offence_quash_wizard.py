# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class IncentiveOffenceQuashWizard(models.TransientModel):
    """Quash an offence, saying why (FN-2)."""

    _name = "incentive.offence.quash.wizard"
    _description = "Quash an Offence"

    offence_id = fields.Many2one("incentive.offence", required=True)
    reason = fields.Text(required=True)

    def action_quash(self):
        self.ensure_one()
        self.offence_id.action_quash(self.reason)
        return {"type": "ir.actions.act_window_close"}
