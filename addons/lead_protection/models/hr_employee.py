# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    def write(self, vals):
        leavers = self.filtered("active") if vals.get("active") is False else self.browse()
        res = super().write(vals)
        if leavers:
            leavers._release_protected_customers()
        return res

    def _release_protected_customers(self):
        """LP-13: a leaver's customers become company resources."""
        users = self.user_id
        if not users:
            return
        registrations = (
            self.env["lead.protection.registration"]
            .sudo()
            .search([("user_id", "in", users.ids), ("state", "in", ("active", "contracted"))])
        )
        registrations._release(self.env._("The salesperson left the company (LP-13)"))
        registrations.lead_id.filtered(lambda lead: lead.user_id in users).write({"user_id": False})
