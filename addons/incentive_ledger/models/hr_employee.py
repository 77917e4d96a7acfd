# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    incentive_line_count = fields.Integer(
        compute="_compute_incentive_line_count", groups="hr.group_hr_user"
    )

    def _compute_incentive_line_count(self):
        """Count the employee's ledger lines in one grouped query."""
        counts = dict(
            self.env["employee.incentive.line"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.incentive_line_count = counts.get(employee, 0)

    def action_open_incentive_lines(self):
        if len(self) != 1:
            raise UserError(self.env._("Open the incentive lines of one employee at a time."))
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "incentive_ledger.employee_incentive_line_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action
