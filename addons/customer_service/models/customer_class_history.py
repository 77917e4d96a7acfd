# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

CLASS_SELECTION = [("gold", "Gold"), ("important", "Important"), ("ordinary", "Ordinary")]


class CustomerClassHistory(models.Model):
    """One change of a customer's class, written by the return visit that decided it (CS-11)."""

    _name = "customer.class.history"
    _description = "Customer Class History"
    _order = "date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    old_class = fields.Selection(CLASS_SELECTION, string="From", readonly=True)
    new_class = fields.Selection(CLASS_SELECTION, string="To", required=True, readonly=True)
    user_id = fields.Many2one(
        "res.users",
        string="Recorded By",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    return_visit_id = fields.Many2one("customer.return.visit", readonly=True)
