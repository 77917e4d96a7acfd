# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    @api.model
    def _suite_load_demo_terms(self, modules):
        """Demo data: load the translations of ``modules`` (for every installed language)
        before their demo records run the workflow. Odoo loads a module's translations only
        after its demo data: without this, what the workflow writes for the Chinese demo
        users from the addon's own records (activity types, steps...) stays English."""
        langs = [code for code, _name in self.env["res.lang"].get_installed() if code != "en_US"]
        if langs:
            self._load_module_terms(list(modules), langs)
            # The terms are written in SQL: values read before (model names...) are stale.
            self.env.invalidate_all()
        return True
