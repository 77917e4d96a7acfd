# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import clock, settings


class ResCompany(models.Model):
    _inherit = "res.company"

    # {field name: (low, high)} of the company's rule settings, bounds included, None for
    # no bound; each addon that extends res.company declares its own, and they add up
    # (tools/settings.py). One constraint checks them, whether the company or the
    # settings screen writes them.
    _suite_ranges = {}

    @classmethod
    def _suite_declared_ranges(cls):
        # Odoo reuses the model's class when a later addon extends it (new bases, new
        # MRO): the cache belongs to one MRO.
        mro, ranges = cls.__dict__.get("_suite_ranges_cache", (None, None))
        if mro is not cls.__mro__:
            ranges = settings.collect_ranges(cls.__mro__)
            cls._suite_ranges_cache = (cls.__mro__, ranges)
        return ranges

    @api.constrains(lambda self: list(self._suite_declared_ranges()))
    def _check_suite_ranges(self):
        ranges = self._suite_declared_ranges()
        for company in self:
            bad = settings.violations({name: company[name] for name in ranges}, ranges)
            if bad:
                raise ValidationError(company._suite_range_message(bad[0], *ranges[bad[0]]))

    def _suite_range_message(self, name, low, high):
        label = self._fields[name]._description_string(self.env)
        if high is None:
            return self.env._("“%(field)s” must be at least %(low)s.", field=label, low=low)
        if low is None:
            return self.env._("“%(field)s” must be at most %(high)s.", field=label, high=high)
        return self.env._(
            "“%(field)s” must be between %(low)s and %(high)s.", field=label, low=low, high=high
        )

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
