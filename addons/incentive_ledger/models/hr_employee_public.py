# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    def action_record_offence(self):
        """Managers open employees through the public profile: record from there (FN-2).
        Who may record is checked when the offence is recorded, not here."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record an Offence"),
            "res_model": "incentive.offence.record.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_employee_ids": [fields.Command.set(self.ids)]},
        }
