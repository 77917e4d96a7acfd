# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError


class HrPayslipRun(models.Model):
    _inherit = "hr.payslip.run"

    def action_confirm_payslips(self):
        """Confirm every payslip of the batch still to confirm, in one go (PAY-1)."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("Only a draft payslip batch can be confirmed."))
        payslips = self.slip_ids.filtered(lambda slip: slip.state in ("draft", "verify"))
        if not payslips:
            raise UserError(self.env._("This batch has no payslip left to confirm."))
        payslips.action_payslip_done()
        return True
