# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LeadProtectionPrecheckLog(models.Model):
    """Who asked whether which customer was free, and when (LP-2), for HR/admin."""

    _name = "lead.protection.precheck.log"
    _description = "Registration Pre-check Log"
    _order = "id desc"

    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    query = fields.Char(required=True, readonly=True)
    verdict = fields.Selection(
        [("free", "Free"), ("protected", "Protected")], required=True, readonly=True
    )
    create_date = fields.Datetime(string="Asked On", readonly=True)
