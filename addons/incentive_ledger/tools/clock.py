# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The company's clock: every date that decides a rule is read in the company's time zone.

Not the acting user's zone (a salesperson travelling, a client sending ``tz`` in its context),
not UTC, not the scheduled-job user's: the same instant gives the same rule day to everyone.
"""

import datetime
import zoneinfo

DEFAULT_TZ = "Asia/Shanghai"


def zone(tz_name):
    """The zone named ``tz_name``; an empty or unknown name gives China Standard Time, the
    rulebooks' zone."""
    try:
        return zoneinfo.ZoneInfo(tz_name or DEFAULT_TZ)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(DEFAULT_TZ)


def to_local(utc_dt, tz_name):
    """A naive UTC datetime (as Odoo stores them) or an aware one, as a naive datetime of the
    zone ``tz_name``."""
    if utc_dt.tzinfo is None:
        utc_dt = utc_dt.replace(tzinfo=datetime.UTC)
    return utc_dt.astimezone(zone(tz_name)).replace(tzinfo=None)


def to_utc(local_dt, tz_name):
    """A naive datetime of the zone ``tz_name`` as a naive UTC datetime. An instant that does
    not exist or exists twice (a DST change) is read with the zone's earlier offset."""
    aware = local_dt.replace(tzinfo=zone(tz_name), fold=0)
    return aware.astimezone(datetime.UTC).replace(tzinfo=None)


def local_date(utc_dt, tz_name):
    """The date of the instant ``utc_dt`` in the zone ``tz_name`` (day D of LP-3)."""
    return to_local(utc_dt, tz_name).date()


def day_end_utc(day, tz_name):
    """24:00 of ``day`` in the zone ``tz_name`` (the end of a period's last day, PRC Civil
    Code art. 201), as a naive UTC datetime."""
    return to_utc(
        datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time()), tz_name
    )
