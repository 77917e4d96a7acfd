# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure rules of customer_service (CS-4 .. CS-8, CS-11, SC-8, SC-10)."""

import datetime
import zoneinfo

import pytest
from conftest import load_tools

tools = load_tools("customer_service")
deadlines, fines, satisfaction = tools.deadlines, tools.fines, tools.satisfaction
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
dt = datetime.datetime
d = datetime.date


def test_cs4_response_24_hours_from_the_moment():
    assert deadlines.add_hours(dt(2026, 1, 9, 15, 30), 24) == dt(2026, 1, 10, 15, 30)
    with pytest.raises(ValueError):
        deadlines.add_hours(dt(2026, 1, 9), 0)


def test_cs4_resolution_three_days_in_company_tz():
    # Friday 23:30 in Shanghai: Friday not counted, ends 24:00 Monday Shanghai.
    assert deadlines.period_end(dt(2026, 1, 9, 15, 30), 3, SHANGHAI) == dt(2026, 1, 12, 16, 0)
    # Saturday 00:30 in Shanghai (Friday in UTC): ends 24:00 Tuesday.
    assert deadlines.period_end(dt(2026, 1, 9, 16, 30), 3, SHANGHAI) == dt(2026, 1, 13, 16, 0)


def test_cs4_working_days_skip_weekend():
    def weekday(day):
        return day.weekday() < 5

    # Friday 9 Jan: 3 working days after it are Mon, Tue, Wed 14 Jan.
    assert deadlines.last_day(d(2026, 1, 9), 3, "working_days", weekday) == d(2026, 1, 14)
    end = deadlines.period_end(dt(2026, 1, 9, 2, 0), 3, SHANGHAI, "working_days", weekday)
    assert end == dt(2026, 1, 14, 16, 0)
    with pytest.raises(ValueError):
        deadlines.last_day(d(2026, 1, 9), 3, "working_days")
    with pytest.raises(ValueError):
        deadlines.last_day(d(2026, 1, 9), 3, "weeks")


def test_cs4_overdue():
    deadline = dt(2026, 1, 10, 15, 30)
    assert not deadlines.is_overdue(deadline, None, dt(2026, 1, 10, 15, 30))
    assert deadlines.is_overdue(deadline, None, dt(2026, 1, 10, 15, 31))
    assert not deadlines.is_overdue(deadline, dt(2026, 1, 10, 15, 0), dt(2026, 2, 1))
    assert deadlines.is_overdue(deadline, dt(2026, 1, 10, 16, 0), dt(2026, 2, 1))
    assert not deadlines.is_overdue(None, None, dt(2026, 2, 1))
    assert deadlines.next_progress_report(dt(2026, 1, 1), 48) == dt(2026, 1, 3)


def test_cs7_cs8_return_visit_days_and_months():
    assert deadlines.last_day(d(2026, 3, 5), 10) == d(2026, 3, 15)
    assert deadlines.last_day(d(2026, 1, 31), 1, "months") == d(2026, 2, 28)
    assert deadlines.last_day(d(2024, 1, 31), 1, "months") == d(2024, 2, 29)
    with pytest.raises(ValueError):
        deadlines.last_day(d(2026, 1, 1), 0)


def test_cs5_offences_once_per_type_and_person():
    assert fines.complaint_offences(True, True, True, [1, 2]) == [
        (fines.GRIEVANCE, 1),
        (fines.GRIEVANCE, 2),
        (fines.GENERAL_MANAGER, 1),
        (fines.GENERAL_MANAGER, 2),
    ]
    assert fines.complaint_offences(False, False, True, [1]) == [(fines.GRIEVANCE, 1)]
    assert fines.complaint_offences(False, False, False, [1]) == []


def test_cs6_unresolved_offences():
    assert fines.unresolved_offences([1, 2, 1]) == [(fines.UNRESOLVED, 1), (fines.UNRESOLVED, 2)]
    assert fines.unresolved_offences([]) == []


def test_cs5_cs6_missing_and_manager_key():
    wanted = [(fines.GRIEVANCE, 1), (fines.GRIEVANCE, 2)]
    assert fines.missing(wanted, [(fines.GRIEVANCE, 1)]) == [(fines.GRIEVANCE, 2)]
    assert fines.missing(wanted, wanted) == []
    assert fines.manager_key("CS-6", 7, 9) == "customer_service:cs-6:customer.complaint:7:9"


def test_sc8_revenue_bonus():
    assert satisfaction.revenue_bonus(120000, 100000) == 2500.0
    assert satisfaction.revenue_bonus(90000, 100000) == -1250.0
    assert satisfaction.revenue_bonus(100, 0, 10, 100) == 10.0


def test_sc10_rate_and_threshold():
    assert satisfaction.satisfaction_rate([True] * 19 + [False]) == 95.0
    assert satisfaction.satisfaction_rate([]) is None
    assert satisfaction.survey_reaches(95.0, 95)
    assert not satisfaction.survey_reaches(94.99, 95)
    assert not satisfaction.survey_reaches(None, 95)


def test_cs11_classes():
    assert satisfaction.check_class("gold") == "gold"
    with pytest.raises(ValueError):
        satisfaction.check_class("platinum")


def test_sc10_local_day_start():
    assert deadlines.local_day_start(d(2026, 4, 1), SHANGHAI) == dt(2026, 3, 31, 16, 0)
