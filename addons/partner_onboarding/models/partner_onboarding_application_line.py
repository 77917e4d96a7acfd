# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .partner_onboarding_material import SECTIONS


class PartnerOnboardingApplicationLine(models.Model):
    """One item of an attachment of the application (address, staff member, piece of
    equipment, document), verified on site and backed by documents (PO-1)."""

    _name = "partner.onboarding.application.line"
    _description = "Admission Application Item"
    _inherit = ["incentive.guard.mixin"]
    _order = "application_id, section, sequence, id"

    _guard_frozen_fields = ("__all__",)
    _guard_unlink = "_guard_open_records"

    application_id = fields.Many2one(
        "partner.onboarding.application", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="application_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    section = fields.Selection(SECTIONS, required=True, default="document")
    material_id = fields.Many2one(
        "partner.onboarding.material",
        domain="[('section', '=', section)]",
        help="The kind of material, for the required ones (PO-1, PO-10).",
    )
    name = fields.Char(
        string="Description",
        required=True,
        help="The address, the person, the equipment or the document.",
    )
    role = fields.Char(help="Staff: position in the partner's company.")
    certificate = fields.Char(help="Staff: qualification certificate and its number.")
    quantity = fields.Integer(help="Equipment: number of units.")
    ownership = fields.Selection(
        [("owned", "Owned"), ("leased", "Leased")], help="Address and equipment."
    )
    valid_until = fields.Date(help="Licences and certificates: last day of validity.")
    expires = fields.Boolean(related="material_id.expires")
    verified = fields.Boolean(
        string="Verified on Site",
        help="PO-1: checked during the on-site inspection and clear; an unverified item counts "
        "as not qualified.",
    )
    attachment_ids = fields.Many2many("ir.attachment", string="Documents")
    note = fields.Char()

    @api.onchange("material_id")
    def _onchange_material_id(self):
        if self.material_id and not self.name:
            self.name = self.material_id.name

    def _onboarding_check_values(self):
        """The line as the pure completeness rules take it."""
        self.ensure_one()
        return {
            "ref": self.id,
            "section": self.section,
            "material": self.material_id.id or None,
            "verified": self.verified,
            "documents": len(self.attachment_ids),
            "expires": self.material_id.expires,
            "valid_until": self.valid_until or None,
        }

    # --- Guard: an application is frozen once submitted; the central office may still
    # renew materials of admitted partners (PO-10).

    def _guard_open_records(self):
        """Lines of draft applications; every line for the central office."""
        if self.env.user.has_group("partner_onboarding.group_partner_onboarding_manager"):
            return self
        return self.filtered(lambda line: line.application_id.state == "draft")

    def _guard_hint(self):
        return self.env._(
            "The application is with the central office: only it can change the attachments "
            "now (PO-3)."
        )
