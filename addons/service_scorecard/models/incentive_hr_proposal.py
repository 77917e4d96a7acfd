# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class IncentiveHrProposal(models.Model):
    _inherit = "incentive.hr.proposal"

    def action_accept(self, note=None):
        """SC-7: HR accepting a probation, or its end, proposed by a quarterly scorecard
        applies it to the employee (dismissal stays HR's act in Employees)."""
        result = super().action_accept(note=note)
        for proposal in self.sudo():
            if proposal.source_model == "service.scorecard.quarter" and proposal.kind in (
                "probation",
                "end_probation",
            ):
                card = self.env["service.scorecard.quarter"].browse(proposal.source_res_id)
                card.sudo()._apply_probation(proposal.kind)
        return result
