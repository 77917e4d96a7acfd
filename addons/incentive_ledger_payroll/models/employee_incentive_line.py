# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class EmployeeIncentiveLine(models.Model):
    _inherit = "employee.incentive.line"

    # Set when a payslip is confirmed and cleared when it is cancelled, never by hand.
    _guarded_fields = ("payslip_id",)

    payslip_id = fields.Many2one(
        "hr.payslip",
        string="Paid on Payslip",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        help="The confirmed payslip that paid this line.",
    )
