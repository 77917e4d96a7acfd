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

    def _in_lang_of(self, user):
        """``self`` in the language of ``user`` (res.users, or hr.employee: his user's, else
        his work contact's), to write text meant for that person, whoever acts (a scheduled
        job runs in English): ``record._in_lang_of(user).env._("...")``, translated fields
        read on ``record._in_lang_of(user)``."""
        person = user.sudo()
        if len(person) > 1:
            person = next(iter(person))  # iterating keeps the prefetch, slicing does not
        if person._name == "hr.employee":
            lang = person.user_id.lang or person.work_contact_id.lang
        else:
            lang = person.lang
        return self.with_context(lang=lang or self.env.lang or "en_US")
