# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError


class EmployeeIncentiveLine(models.Model):
    _inherit = "employee.incentive.line"

    def write(self, vals):
        if "employee_id" in vals and self.filtered(
            lambda line: (
                (line.source_key or "").startswith("referral_incentive:")
                and line.employee_id.id != vals["employee_id"]
            )
        ):
            raise UserError(
                self.env._(
                    "A referral bonus belongs to the employee it was approved for: it cannot "
                    "be transferred (RI-9)."
                )
            )
        return super().write(vals)
