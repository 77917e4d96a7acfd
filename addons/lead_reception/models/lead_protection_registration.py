# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class LeadProtectionRegistration(models.Model):
    _inherit = "lead.protection.registration"

    def _unreachable_actors(self):
        """LP-23: the reception desk of the registration's team logs failed calls too."""
        allowed = super()._unreachable_actors()
        rest = self - allowed
        if not rest:
            return allowed
        teams = (
            self.env["lead.protection.rotation"]
            .sudo()
            .search(
                [
                    ("team_id", "in", rest.sudo().team_id.ids),
                    ("receptionist_ids", "in", self.env.uid),
                ]
            )
            .team_id
        )
        return allowed | rest.filtered(lambda reg: reg.sudo().team_id in teams)
