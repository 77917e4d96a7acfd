# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class IncentiveHrProposalDecideWizard(models.TransientModel):
    """HR records its decision on a proposal (FN-4)."""

    _name = "incentive.hr.proposal.decide.wizard"
    _description = "Decide an HR Proposal"

    proposal_id = fields.Many2one("incentive.hr.proposal", required=True)
    decision = fields.Selection(
        [("accept", "Accept"), ("reject", "Reject")], required=True, default="accept"
    )
    note = fields.Text(string="Reasons")

    def action_decide(self):
        self.ensure_one()
        if self.decision == "accept":
            self.proposal_id.action_accept(self.note or None)
        else:
            self.proposal_id.action_reject(self.note or None)
        return {"type": "ir.actions.act_window_close"}
