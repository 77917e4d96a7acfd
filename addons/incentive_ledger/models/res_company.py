# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..tools import clock


class ResCompany(models.Model):
    _inherit = "res.company"

    def _suite_tz(self):
        """Name of the company's time zone, in which every rule day of the suite is read:
        the time zone of the company's address, China Standard Time when it has none."""
        self.ensure_one()
        return self.partner_id.tz or clock.DEFAULT_TZ

    def _suite_today(self, moment=None):
        """The date of ``moment`` (a naive UTC datetime, default now) in the company's time
        zone, whoever acts (a user in another zone, OdooBot, a scheduled job in UTC)."""
        self.ensure_one()
        return clock.local_date(moment or fields.Datetime.now(), self._suite_tz())

    def _suite_local(self, utc_dt):
        """A naive UTC datetime as a naive datetime of the company's time zone."""
        self.ensure_one()
        return clock.to_local(utc_dt, self._suite_tz())

    def _suite_utc(self, local_dt):
        """A naive datetime of the company's time zone as a naive UTC datetime."""
        self.ensure_one()
        return clock.to_utc(local_dt, self._suite_tz())

    def _suite_day_end(self, day):
        """24:00 of ``day`` in the company's time zone, as a naive UTC datetime."""
        self.ensure_one()
        return clock.day_end_utc(day, self._suite_tz())
