# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

import pytest
from conftest import load_tools

rules = load_tools("event_invitation").invitation

D = datetime.date(2026, 12, 10)
CUTOFFS = {"daily": 18.0, "afternoon": 10.0, "evening": 16.0, "evening_start": 17.0}


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute))


def test_ev1_confirmation_after_cutoff_counts_next_day():
    """EV-1: 17:59 counts today, 18:00 still today, 18:01 the next day."""
    assert rules.count_day(at(D, 17, 59), 18.0) == D
    assert rules.count_day(at(D, 18, 0), 18.0) == D
    assert rules.count_day(at(D, 18, 1), 18.0) == D + datetime.timedelta(days=1)
    assert rules.count_day(at(D, 19, 0), 19.5) == D


def test_ev3_event_day_cutoffs():
    """EV-3: 10:00 for an afternoon event, 16:00 for an evening one, 18:00 before."""
    afternoon, evening = at(D, 14), at(D, 19)
    assert rules.list_deadline(D, afternoon, CUTOFFS) == at(D, 10)
    assert rules.list_deadline(D, evening, CUTOFFS) == at(D, 16)
    before = D - datetime.timedelta(days=1)
    assert rules.list_deadline(before, evening, CUTOFFS) == at(before, 18)
    assert rules.event_part(at(D, 17), 17.0) == rules.EVENING
    assert rules.event_part(at(D, 16, 59), 17.0) == rules.AFTERNOON


def test_ev1_list_days_and_planning_order():
    """EV-1: seven days of lists plus the event day; the first division plans a day ahead."""
    days = rules.list_days(at(D, 14), 7)
    assert days[0] == D - datetime.timedelta(days=7) and days[-1] == D and len(days) == 8
    assert rules.planning_day(D, 0, 1) == D + datetime.timedelta(days=2)
    assert rules.planning_day(D, 1, 1) == D + datetime.timedelta(days=1)


def _entry(id_, division, keys, day, rank, on_time=True, confirmed=True):
    return {
        "id": id_,
        "division": division,
        "keys": keys,
        "count_day": day,
        "rank": rank,
        "on_time": on_time,
        "confirmed": confirmed,
    }


def test_ev2_first_confirmation_keeps_the_customer():
    """EV-2: the division that confirmed first keeps him; same key = same customer."""
    earlier = D - datetime.timedelta(days=1)
    kept, removed = rules.resolve_duplicates(
        [
            _entry(1, "B", [("phone", "+86138")], earlier, 1),
            _entry(2, "A", [("phone", "+86138"), ("email", "x@y")], D, 0),
            _entry(3, "A", [("email", "other@y")], D, 0),
        ]
    )
    assert kept == [1, 3] and removed == {2: 1}


def test_ev2_same_day_goes_by_division_order():
    """EV-2: on the same day the configured order of divisions decides."""
    kept, removed = rules.resolve_duplicates(
        [_entry(1, "B", [("phone", "1")], D, 1), _entry(2, "A", [("phone", "1")], D, 0)]
    )
    assert kept == [2] and removed == {1: 2}


def test_ev4_unlisted_confirmation_loses_to_listed_one():
    """EV-4: confirmed first but not listed in time: the division that listed him keeps him."""
    earlier = D - datetime.timedelta(days=2)
    kept, removed = rules.resolve_duplicates(
        [
            _entry(1, "A", [("phone", "1")], earlier, 0, on_time=False),
            _entry(2, "B", [("phone", "1")], D, 1),
        ]
    )
    assert kept == [2] and removed == {1: 2}


def test_ev2_planned_invitation_yields_to_a_confirmed_one():
    """EV-1, EV-2: another division's plan for a confirmed customer is removed."""
    kept, removed = rules.resolve_duplicates(
        [
            _entry(1, "A", [("phone", "1")], None, 0, confirmed=False),
            _entry(2, "B", [("phone", "1")], D, 1),
        ]
    )
    assert kept == [2] and removed == {1: 2}


def test_ev2_promoter_counts_only_if_listed_in_advance():
    """EV-2: a speaker counts only when listed by the cut-off."""
    assert rules.promoter_counts(at(D, 9, 59), at(D, 10))
    assert not rules.promoter_counts(at(D, 10, 1), at(D, 10))
    assert not rules.promoter_counts(None, at(D, 10))


def test_ri11_points():
    """RI-11: 100 per new customer, 100 per full 1,000 bought at the event."""
    assert rules.referral_points(1, [0], 100, 1000, 100) == 100
    assert rules.referral_points(1, [2999], 100, 1000, 100) == 300
    assert rules.referral_points(2, [1000, 500], 100, 1000, 100) == 300
    with pytest.raises(ValueError):
        rules.referral_points(1, [1], 100, 0, 100)
    with pytest.raises(ValueError):
        rules.at_hour(D, 25)
