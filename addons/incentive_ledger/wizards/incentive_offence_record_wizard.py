# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..tools import fines


class IncentiveOffenceRecordWizard(models.TransientModel):
    """Record an offence from the employee (discipline, FN-5 .. FN-10)."""

    _name = "incentive.offence.record.wizard"
    _description = "Record an Offence"

    fine_type_id = fields.Many2one(
        "incentive.fine.type",
        string="Offence Type",
        required=True,
        domain="[('source_model', 'in', [False, 'hr.employee'])]",
    )
    amount_mode = fields.Selection(related="fine_type_id.amount_mode")
    amount_min = fields.Monetary(related="fine_type_id.amount_min")
    amount_max = fields.Monetary(related="fine_type_id.amount_max")
    currency_id = fields.Many2one(related="fine_type_id.currency_id")
    # The public profile: managers who are not HR officers cannot read hr.employee.
    employee_ids = fields.Many2many("hr.employee.public", string="Employees", required=True)
    date = fields.Date(required=True, default=lambda self: self._suite_today())
    days = fields.Integer(default=1)
    amount = fields.Monetary(help="For a range: the amount you choose within it.")
    description = fields.Text()
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence")

    def action_record(self):
        self.ensure_one()
        offences = self.env["incentive.offence"]._record_offence(
            self.fine_type_id,
            self.env["hr.employee"].browse(self.employee_ids.ids),
            date=self.date,
            description=self.description,
            amount=self.amount if self.amount_mode == fines.RANGE else None,
            days=self.days,
            attachments=self.attachment_ids,
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "incentive_ledger.incentive_offence_action"
        )
        action["domain"] = [("id", "in", offences.ids)]
        return action
