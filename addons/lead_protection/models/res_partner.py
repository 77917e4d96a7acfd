# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    household_id = fields.Many2one(
        "res.partner",
        index="btree_not_null",
        domain="[('is_company', '=', False)]",
        help="LP-5: the head of this person's household (direct family). Registering any "
        "member protects the whole household.",
    )
    household_member_ids = fields.One2many("res.partner", "household_id", string="Family")

    @api.depends("household_id")
    def _compute_protection_household_key(self):
        """The household a partner belongs to: its head, or itself."""
        for partner in self:
            partner.protection_household_key = str((partner.household_id or partner).id)

    protection_household_key = fields.Char(compute="_compute_protection_household_key")
