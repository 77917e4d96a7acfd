# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    # Supervisors without HR rights pick scored managers when they record events.
    scorecard_enabled = fields.Boolean(string="Scored Customer Manager", readonly=True)
