# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reception desk and visit book rules LP-27..LP-45, without a database."""

import datetime

import pytest
from conftest import load_tools

reception = load_tools("lead_reception").reception
rotation = load_tools("lead_protection").rotation
DT = datetime.datetime


# --- LP-29 half-day priority


def test_half_day_boundary_at_noon():
    """LP-29: 11:59 is a morning, 12:00 an afternoon, of the same local day."""
    assert reception.half_day(DT(2026, 3, 2, 11, 59)) == (datetime.date(2026, 3, 2), "morning")
    assert reception.half_day(DT(2026, 3, 2, 12, 0)) == (datetime.date(2026, 3, 2), "afternoon")
    assert reception.half_day(DT(2026, 3, 2, 13, 0), noon_hour=14)[1] == "morning"


def test_half_day_refuses_bad_input():
    with pytest.raises(TypeError):
        reception.half_day(datetime.date(2026, 3, 2))
    with pytest.raises(ValueError):
        reception.half_day(DT(2026, 3, 2, 9), noon_hour=0)


@pytest.mark.parametrize(
    "found, expected",
    [
        (DT(2026, 3, 2, 23, 59), "first"),  # same day, last minute
        (DT(2026, 3, 3, 0, 0), "half"),  # across midnight: next day
        (DT(2026, 3, 3, 23, 59), "half"),
        (DT(2026, 3, 4, 0, 0), "later"),
    ],
)
def test_half_day_priority_days_across_midnight(found, expected):
    """LP-29: found the same day A's; the next day half each; later B's."""
    first, later = DT(2026, 3, 2, 9, 30), DT(2026, 3, 2, 15, 0)
    assert reception.half_day_priority(first, later, found) == expected


def test_half_day_priority_across_month_end():
    """LP-29: the day count runs across a month end (no month-end lock in this rule)."""
    first, later = DT(2026, 2, 28, 16, 0), DT(2026, 2, 28, 17, 0)
    assert reception.half_day_priority(first, later, DT(2026, 2, 28, 20, 0)) == "first"
    assert reception.half_day_priority(first, later, DT(2026, 3, 1, 9, 0)) == "half"
    assert reception.half_day_priority(first, later, DT(2026, 3, 2, 9, 0)) == "later"


def test_half_day_priority_attacker_entered_after_the_closer():
    """LP-29 attacker: an entry made after B brought the customer gives A nothing."""
    assert (
        reception.half_day_priority(DT(2026, 3, 2, 15, 0), DT(2026, 3, 2, 9, 0), DT(2026, 3, 2, 16))
        == "later"
    )
    with pytest.raises(ValueError):
        reception.half_day_priority(DT(2026, 3, 2), DT(2026, 3, 2), DT(2026, 3, 2), 2, 1)


def test_outcome_shares():
    assert reception.outcome_shares("first", 1, 2) == {1: 100.0}
    assert reception.outcome_shares("half", 1, 2) == {1: 50.0, 2: 50.0}
    assert reception.outcome_shares("later", 1, 2) == {2: 100.0}
    with pytest.raises(ValueError):
        reception.outcome_shares("all", 1, 2)


# --- LP-28 three questions


def test_missing_answers():
    """LP-28: each of the three questions must be answered yes or no."""
    assert reception.missing_answers("no", "yes", "no") == []
    assert reception.missing_answers(None, "yes", "") == ["asks_for", "appointment"]
    assert reception.missing_answers("maybe", "no", "no") == ["asks_for"]


# --- LP-15, LP-37..LP-39, LP-42 whose customer


def test_reception_owner_precedence():
    """LP-37..LP-39: named > member's consultant > voucher > appointment > registration >
    receiver."""
    assert reception.reception_owner("R") == ("R", "receiver")
    assert reception.reception_owner("R", registered_owner="O") == ("O", "registered")
    assert reception.reception_owner("R", appointment="A", registered_owner="O") == (
        "A",
        "appointment",
    )
    assert reception.reception_owner("R", voucher="V", appointment="A") == ("V", "voucher")
    assert reception.reception_owner("R", member_consultant="M", voucher="V") == ("M", "member")
    assert reception.reception_owner("R", named="N", member_consultant="M") == ("N", "named")


# --- LP-40..LP-43 rotation


ORDER = ["a", "b", "c", "d"]


def _receive(**kw):
    return reception.rotation_receive(ORDER, 0, rotation.next_receiver, **kw)


def test_rotation_busy_with_buyer_keeps_turn():
    """LP-41: busy with a buyer: the next receives, the busy one is owed his turn."""
    assert _receive(busy_buyer={"a"}) == ("b", 2, ["a"])


def test_rotation_busy_with_prospect_loses_turn():
    """LP-41: busy with an old customer who has not bought: his turn counts as used."""
    assert _receive(busy_prospect={"a"}) == ("b", 2, [])


def test_rotation_owner_busy_last_in_order_receives():
    """LP-42: the owner busy: the last in the order receives, no turn used."""
    assert _receive(owner="b", owner_busy=True) == ("d", 0, [])
    assert _receive(owner="d", owner_busy=True, absent={"c"}) == ("b", 0, [])


def test_rotation_owner_free_receives():
    """LP-42: the owner free receives his own customer, no turn used."""
    assert _receive(owner="c") == ("c", 0, [])


def test_rotation_suspended_skipped():
    """LP-43: a suspended receiver is skipped and cannot be named into a turn."""
    assert _receive(suspended={"a"}) == ("b", 2, [])
    assert _receive(suspended={"a"}, named="a") == ("b", 2, [])


# --- LP-32, LP-33 groups


def test_group_kind():
    assert reception.group_kind(2) == "single"
    assert reception.group_kind(3) == "visit"
    assert reception.group_kind(7) == "visit"
    assert reception.group_kind(8) == "order"
    with pytest.raises(ValueError):
        reception.group_kind(3, visit_min=5, order_min=4)


def test_group_visit_with_appointment_whole_group():
    """LP-32: same day with A's appointment: the whole group, except who named someone."""
    members = ["x", "y", "z", "w"]
    assert reception.group_visit_credit(members, "A", {"x": "A"}, True, True, {"w": "C"}) == [
        "x",
        "y",
        "z",
    ]


def test_group_visit_without_appointment_only_sheets():
    """LP-32: same day without an appointment: only the visitors A holds sheets for."""
    sheets = {"x": "A", "y": "A"}
    assert reception.group_visit_credit(["x", "y", "z"], "A", sheets, False, True, {}) == [
        "x",
        "y",
    ]


def test_group_visit_attacker_late_or_booker_sheet():
    """LP-32 attacker: found later, or the booker holds a sheet too: no whole group."""
    assert reception.group_visit_credit(["x", "y", "z"], "A", {"x": "A"}, True, False, {}) == []
    sheets = {"x": "A", "y": "B"}
    assert reception.group_visit_credit(["x", "y", "z"], "A", sheets, True, True, {}) == ["x"]


def test_group_order_credit():
    """LP-33: same day each proved member to his salesperson, the rest to the group's."""
    members = ["m1", "m2", "m3"]
    assert reception.group_order_credit(members, "G", {"m2": "A"}, True) == {
        "m1": "G",
        "m2": "A",
        "m3": "G",
    }
    assert reception.group_order_credit(members, "G", {"m2": "A"}, False)["m2"] == "G"


def test_handover_allowed():
    """LP-45: only with his own appointment of the same day."""
    today = datetime.date(2026, 3, 2)
    assert reception.handover_allowed("A", "A", today, today)
    assert not reception.handover_allowed("A", "A", datetime.date(2026, 3, 1), today)
    assert not reception.handover_allowed("A", "B", today, today)


def test_reconciliation_due():
    """LP-30: the order's number not in the entry yet."""
    assert reception.reconciliation_due("+861390", ["+861380"])
    assert not reception.reconciliation_due("+861390", ["+861380", "+861390"])
    assert not reception.reconciliation_due(False, ["+861380"])


# --- LP-15: the same family or company is one customer


def test_lp15_household_key_ignores_spelling():
    key = reception.household_key("王家 张江路88号")
    assert key == reception.household_key(" 王家，张江路 88 号 ")
    assert key == reception.household_key("王家张江路８８号")  # full-width digits
    assert reception.household_key("Wang, 88 Road") == reception.household_key("wang 88 ROAD")
    assert reception.household_key("Wang, 88 Road") != reception.household_key("Wang, 89 Road")
    assert reception.household_key("  ,. ") is None
    assert reception.household_key("") is None
    assert reception.household_key(None) is None
    assert reception.household_key(["Wang"]) is None


def test_lp15_household_of_an_earlier_visit():
    assert reception.household_of_visit(7, "text:wang88road") == "text:wang88road"
    key = reception.household_of_visit(7, None)
    assert key == "visit:7"
    assert reception.household_anchor(key) == 7
    assert reception.household_anchor("text:wang88road") is None
    assert reception.household_anchor("visit:x") is None
    assert reception.household_anchor(None) is None


def test_lp15_first_household_owner_is_the_earliest_visit():
    at = datetime.datetime
    visits = [
        (at(2026, 11, 3, 10), 5, 12),
        (at(2026, 11, 2, 9), 9, 11),
        (at(2026, 11, 2, 9), 4, 13),  # same instant, lower id first
        (at(2026, 11, 1, 9), 2, None),  # no owner: not a reception
    ]
    assert reception.first_household_owner(visits) == 13
    assert reception.first_household_owner([]) is None


def test_lp15_household_owner_after_registered_owner():
    assert reception.reception_owner(1, registered_owner=2, household_owner=3) == (
        2,
        reception.REGISTERED,
    )
    assert reception.reception_owner(1, household_owner=3) == (3, reception.HOUSEHOLD)
    assert reception.reception_owner(1, named=4, household_owner=3) == (4, reception.NAMED)
