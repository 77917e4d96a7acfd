# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

import pytz

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # Checked by incentive_ledger's res.company._check_suite_ranges.
    _suite_ranges = {
        "event_list_cutoff_hour": (0.0, 24.0),
        "event_afternoon_cutoff_hour": (0.0, 24.0),
        "event_evening_cutoff_hour": (0.0, 24.0),
        "event_evening_start_hour": (0.0, 24.0),
        "event_list_days_before": (0, None),
        "event_first_division_lead_days": (0, None),
        "event_points_per_customer": (0, None),
        "event_points_step": (0.0, None),
        "event_points_per_step": (0, None),
    }

    event_list_cutoff_hour = fields.Float(
        string="Daily List Cut-off",
        default=18.0,
        help="EV-1: each division files the customers it confirmed that day by this hour "
        "(company time zone); a confirmation after it counts for the next day.",
    )
    event_afternoon_cutoff_hour = fields.Float(
        string="Event-day Cut-off, Afternoon Event",
        default=10.0,
        help="EV-3: on the day of an afternoon event the lists are due by this hour.",
    )
    event_evening_cutoff_hour = fields.Float(
        string="Event-day Cut-off, Evening Event",
        default=16.0,
        help="EV-3: on the day of an evening event the lists are due by this hour.",
    )
    event_evening_start_hour = fields.Float(
        string="Evening Events Start From",
        default=17.0,
        help="EV-3: an event starting at or after this hour is an evening event.",
    )
    event_list_days_before = fields.Integer(
        string="Daily Lists During (days before the event)",
        default=7,
        help="EV-1, EV-4: the days before the event on which every division files a list.",
    )
    event_first_division_lead_days = fields.Integer(
        string="First Division Plans Ahead (days)",
        default=1,
        help="EV-1: the first division completes its planned invitations this many days "
        "ahead of the next divisions.",
    )
    event_points_per_customer = fields.Integer(
        string="Points per New Customer Brought",
        default=100,
        help="RI-11, EV-7: points of an old customer per new customer who came with him.",
    )
    event_points_step = fields.Monetary(
        string="Event Purchase Step for Points",
        currency_field="currency_id",
        default=1000.0,
        help="RI-11, EV-7: the old customer earns points per full step of the new "
        "customer's purchases at the event.",
    )
    event_points_per_step = fields.Integer(
        string="Event Points per Purchase Step", default=100, help="RI-11, EV-7"
    )

    def _event_tz(self):
        """The company's time zone: every cut-off is read in it (never the user's)."""
        self.ensure_one()
        return pytz.timezone(self._suite_tz())

    def _event_local(self, utc_datetime):
        """A naive UTC datetime as a naive datetime of the company's time zone."""
        return pytz.utc.localize(utc_datetime).astimezone(self._event_tz()).replace(tzinfo=None)

    def _event_utc(self, local_datetime):
        """A naive datetime of the company's time zone as naive UTC."""
        return self._event_tz().localize(local_datetime).astimezone(pytz.utc).replace(tzinfo=None)

    def _event_today(self):
        return self._event_local(fields.Datetime.now()).date()

    def _event_cutoffs(self):
        self.ensure_one()
        return {
            "daily": self.event_list_cutoff_hour,
            "afternoon": self.event_afternoon_cutoff_hour,
            "evening": self.event_evening_cutoff_hour,
            "evening_start": self.event_evening_start_hour,
        }

    def _event_day_start(self, day):
        return self._event_utc(datetime.datetime.combine(day, datetime.time.min))
