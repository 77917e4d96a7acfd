# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LeadReceptionTakeover(models.TransientModel):
    """LP-45: take over one's own customer from a colleague's reception."""

    _name = "lead.reception.takeover"
    _description = "Take Over a Visitor"

    phone = fields.Char(string="Customer's Mobile", required=True)

    def action_take_over(self):
        self.ensure_one()
        self.env["lead.reception.visit"]._take_over(self.phone)
        return {"type": "ir.actions.act_window_close"}
