# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LeadProtectionRotationLine(models.Model):
    _inherit = "lead.protection.rotation.line"

    # LP-41: "busy" (with a buyer) keeps the turn; with an old customer who has not
    # bought, the turn counts as used.
    status = fields.Selection(
        selection_add=[("busy_prospect", "With an Old Customer (not bought)")],
        ondelete={"busy_prospect": "set default"},
    )
