# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "incentive.guard.mixin"]

    _guarded_fields = ("brought_by_id",)

    brought_by_id = fields.Many2one(
        "res.partner",
        string="Brought by",
        index="btree_not_null",
        readonly=True,
        tracking=True,
        help="LP-38: the member or old customer who brought this customer in, recorded by "
        "reception whether or not an employee claims a bonus; referral points (RI-11) "
        "follow this link.",
    )
