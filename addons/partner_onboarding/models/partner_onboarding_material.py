# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

SECTIONS = [
    ("address", "Address"),
    ("staff", "Staff"),
    ("equipment", "Equipment"),
    ("document", "Documents"),
]


class PartnerOnboardingMaterial(models.Model):
    """A kind of material an admission application holds (PO-1, PO-10)."""

    _name = "partner.onboarding.material"
    _description = "Admission Material"
    _order = "section, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    section = fields.Selection(SECTIONS, required=True, default="document")
    requirement = fields.Selection(
        [
            ("admission", "Required for Admission"),
            ("key", "Required for Key Partners"),
            ("optional", "Optional"),
        ],
        required=True,
        default="admission",
        help="PO-1: materials required for admission must be in every application. PO-10: "
        "materials required for key partners (A and B by default) must also be there before "
        "such a grade is granted or kept.",
    )
    expires = fields.Boolean(
        string="Has a Validity Date",
        help="The material (a licence, a certificate) is valid until a date: the line must "
        "carry it, and an expired material counts as missing.",
    )
    description = fields.Text(translate=True)
