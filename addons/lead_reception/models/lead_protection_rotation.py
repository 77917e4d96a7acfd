# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

BUSY_PROSPECT = "busy_prospect"


class LeadProtectionRotationLine(models.Model):
    _inherit = "lead.protection.rotation.line"

    # LP-41: "busy" (with a buyer) keeps the turn; with an old customer who has not
    # bought, the turn counts as used.
    status = fields.Selection(
        selection_add=[(BUSY_PROSPECT, "With an Old Customer (not bought)")],
        ondelete={BUSY_PROSPECT: "set default"},
    )

    @api.model
    def _check_status(self, status):
        if status == BUSY_PROSPECT:
            return
        return super()._check_status(status)

    def action_set_busy_prospect(self):
        """LP-41: busy with an old customer who has not bought."""
        return self._set_status(BUSY_PROSPECT)
