# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PartnerOnboardingStep(models.Model):
    """A remaining step after an admission is approved, scheduled as an activity (PO-3)."""

    _name = "partner.onboarding.step"
    _description = "Admission Follow-up Step"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    assignee = fields.Selection(
        [("introducer", "Introducing Unit"), ("reviewer", "Central Office")],
        required=True,
        default="reviewer",
        help="Who does the step: the person who filed the application or the reviewer.",
    )
    days = fields.Integer(string="Due in (days)", default=7, required=True)
    note = fields.Text(translate=True)
