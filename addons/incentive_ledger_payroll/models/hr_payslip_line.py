# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrPayslipLine(models.Model):
    _inherit = "hr.payslip.line"

    # Confirming a batch checks which codes each payslip's rules paid: without an index,
    # every confirmation scans all the payslip lines of all years.
    slip_id = fields.Many2one(index=True)
