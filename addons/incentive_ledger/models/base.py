# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class Base(models.AbstractModel):
    _inherit = "base"

    def _suite_company(self):
        """The company whose clock decides this record's rule days: the record's own
        company for one record that has one, else the environment's company."""
        if len(self) == 1 and "company_id" in self._fields:
            company = self.sudo().company_id
            if company:
                return company
        return self.env.company

    def _suite_today(self, moment=None):
        """Today (or the date of ``moment``, a naive UTC datetime) in the time zone of
        :meth:`_suite_company`: the day that decides a rule, never the acting user's date
        (``fields.Date.context_today``) nor the server's."""
        return self._suite_company()._suite_today(moment)
