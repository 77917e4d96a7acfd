# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from ..tools import fines


class IncentiveOffence(models.Model):
    _inherit = "incentive.offence"

    def _prepare_line_vals(self, employee):
        """CS-5, CS-6: the department manager of several employees concerned by one
        complaint pays its fine once: his line's key names the complaint, not the offence."""
        vals = super()._prepare_line_vals(employee)
        if self.source_model == "customer.complaint" and employee != self.employee_id:
            vals["source_key"] = fines.manager_key(self.rule_ref, self.source_res_id, employee.id)
        return vals
