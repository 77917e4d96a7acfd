# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The company's clock (incentive_ledger/tools/clock.py): rule days in the company's zone."""

import datetime

from conftest import load_tools

clock = load_tools("incentive_ledger").clock


def test_lp3_the_rule_day_is_the_company_day_not_utc():
    """LP-3: 22:30 UTC on 30 November is 1 December in Shanghai."""
    instant = datetime.datetime(2026, 11, 30, 22, 30)
    assert clock.local_date(instant, "Asia/Shanghai") == datetime.date(2026, 12, 1)
    assert clock.local_date(instant, "Europe/Brussels") == datetime.date(2026, 11, 30)


def test_lp3_an_empty_or_unknown_zone_is_china_standard_time():
    """LP-3: a company without a zone counts its days in China Standard Time."""
    instant = datetime.datetime(2026, 11, 30, 16, 0)
    assert clock.local_date(instant, False) == datetime.date(2026, 12, 1)
    assert clock.local_date(instant, "Mars/Olympus") == datetime.date(2026, 12, 1)


def test_lp3_a_period_ends_at_24_00_of_its_last_day_company_time():
    """LP-3 (PRC Civil Code art. 201): the last day ends at 24:00 in the company's zone."""
    end = clock.day_end_utc(datetime.date(2026, 12, 7), "Asia/Shanghai")
    assert end == datetime.datetime(2026, 12, 7, 16, 0)
    assert clock.local_date(end - datetime.timedelta(seconds=1), "Asia/Shanghai") == (
        datetime.date(2026, 12, 7)
    )


def test_local_and_utc_round_trip_across_a_dst_change():
    """A local time of a zone with summer time goes to UTC and back unchanged."""
    local = datetime.datetime(2026, 3, 29, 12, 0)
    utc = clock.to_utc(local, "Europe/Brussels")
    assert utc == datetime.datetime(2026, 3, 29, 10, 0)
    assert clock.to_local(utc, "Europe/Brussels") == local
