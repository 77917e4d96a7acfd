# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "incentive.guard.mixin"]

    brought_by_id = fields.Many2one(
        "res.partner",
        index="btree_not_null",
        help="LP-38, EV-7: the old customer who brought this customer, recorded by "
        "reception or by the event coordinator; RI-11's points follow this link.",
    )
    _guarded_fields = ("brought_by_id",)
