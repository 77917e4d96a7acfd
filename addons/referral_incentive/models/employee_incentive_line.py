# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class EmployeeIncentiveLine(models.Model):
    _inherit = "employee.incentive.line"

    def _on_cancelled(self, paid_lines):
        """RI-8: a referral bonus cancelled in the ledger cancels its claim too (and takes
        back its points), so that the claim never shows a bonus that is not paid."""
        result = super()._on_cancelled(paid_lines)
        claims = (
            self.env["referral.claim"]
            .sudo()
            .browse(
                line.source_res_id
                for line in self
                if line.source_model == "referral.claim" and line.kind == "bonus"
            )
            .exists()
            .filtered(lambda claim: claim.state == "approved")
        )
        if claims:
            claims._cancelled_in_ledger()
        return result
