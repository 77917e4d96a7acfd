# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import identity


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "incentive.guard.mixin"]

    # Who may change what: a household protected by a registration (LP-5) keeps its members:
    # moving a member out would let a colleague register him, moving someone in would block
    # a colleague's customer. Free households are edited by the salespeople.
    _guard_frozen_fields = {"household_id": "_guard_household_open"}

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

    def _protection_protected_households(self, keys):
        """The household keys among ``keys`` that an active registration protects."""
        if not keys:
            return set()
        Key = self.env["lead.protection.key"].sudo()
        return set(
            Key.search(
                [
                    ("key_type", "=", identity.HOUSEHOLD),
                    ("key_value", "in", list(keys)),
                    ("active", "=", True),
                ]
            ).mapped("key_value")
        )

    def _guard_household_open(self):
        """Partners whose household is not protected by an active registration."""
        protected = self._protection_protected_households(
            {partner.protection_household_key for partner in self}
        )
        return self.filtered(lambda partner: partner.protection_household_key not in protected)

    def write(self, vals):
        if vals.get("household_id") and not self._guard_bypassed():
            head = self.browse(vals["household_id"]).exists()
            head_key = head and str((head.sudo().household_id or head).id)
            if head_key and self._protection_protected_households({head_key}):
                raise UserError(
                    self.env._(
                        "This household is protected by a registration (LP-5): ask the "
                        "manager to change its members."
                    )
                )
        return super().write(vals)
