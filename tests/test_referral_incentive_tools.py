# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Referral incentive rules RI-1 .. RI-11, without a database."""

import datetime
import itertools

import pytest
from conftest import load_tools

tools = load_tools("referral_incentive")
attribution, tiers, calendar = tools.attribution, tools.tiers, tools.calendar
D = datetime.date
EXTERNAL = (attribution.BUYER, attribution.TRADING, attribution.OLD_CUSTOMER)


def _expected(combo, linked):
    """The rulebook's precedence written out independently of the implementation (RI-3)."""
    if attribution.INSPECTION in combo:
        return None
    for party_type in (attribution.BUYER, attribution.TRADING, attribution.OLD_CUSTOMER):
        if party_type in combo:
            return ("consultant", 900 + combo.index(party_type)) if linked[party_type] else None
    if attribution.CONSULTANT in combo:
        return ("consultant", combo.index(attribution.CONSULTANT))
    return ("internal", combo.index(attribution.INTERNAL))


@pytest.mark.parametrize(
    "combo",
    [
        combo
        for size in range(1, len(attribution.PARTY_TYPES) + 1)
        for combo in itertools.combinations(attribution.PARTY_TYPES, size)
    ],
    ids=lambda combo: "+".join(combo),
)
def test_ri3_attribution_every_combination_of_parties(combo):
    """RI-3 (and RI-1, RI-2): every combination of claiming parties, each external party
    linked to a consultant or not: inspection firm -> no bonus; buyer/trading company or old
    customer linked to a consultant -> that consultant; external without consultant -> none;
    consultant before internal staff."""
    externals = [t for t in combo if t in EXTERNAL]
    for links in itertools.product((False, True), repeat=len(externals)):
        linked = dict(zip(externals, links, strict=True))
        parties = [
            {
                "type": party_type,
                "id": index,
                "consultant": 900 + index if linked.get(party_type) else None,
            }
            for index, party_type in enumerate(combo)
        ]
        winner, reason = attribution.attribute(parties)
        expected = _expected(combo, linked)
        if expected is None:
            assert winner is None and reason, (combo, linked)
        else:
            assert (winner["type"], winner["id"]) == expected, (combo, linked)
            assert reason is None


def test_ri3_inspection_firm_means_no_bonus_at_all():
    """RI-3: any inspection or notary firm involvement: no bonus, whoever else claims."""
    parties = [
        {"type": "inspection", "id": 1},
        {"type": "buyer", "id": 2, "consultant": 7},
        {"type": "internal", "id": 3},
    ]
    assert attribution.attribute(parties) == (None, attribution.NO_BONUS_INSPECTION)
    assert attribution.attribute([]) == (None, attribution.NO_BONUS_NOBODY)
    with pytest.raises(ValueError):
        attribution.attribute([{"type": "supplier", "id": 1}])


def test_ri2_eligibility():
    """RI-2, RI-10: shareholders, external partners, the business department itself and
    leavers receive no referral bonus."""
    assert attribution.eligibility(True, False, 3, [5]) is None
    assert attribution.eligibility(True, True, 3, [5]) == "shareholder"
    assert attribution.eligibility(False, False, None, [5]) == "external"
    assert attribution.eligibility(True, False, 5, [5]) == "business_department"
    assert attribution.eligibility(True, False, 3, [5], active=False) == "left"


def test_ri4_new_customer_in_the_period():
    """RI-4: the first signed contract or real transaction falls in the period."""
    assert attribution.is_new_customer(D(2026, 10, 5), D(2026, 10, 1), D(2026, 12, 31))
    assert not attribution.is_new_customer(D(2025, 3, 1), D(2026, 10, 1), D(2026, 12, 31))
    assert not attribution.is_new_customer(None, D(2026, 10, 1), D(2026, 12, 31))


@pytest.mark.parametrize(
    "amount, bonus",
    [
        (0, 500.0),
        (99_999.99, 500.0),
        (100_000, 1_000.0),
        (500_000, 1_000.0),
        (500_000.01, 2_000.0),
        (3_000_000, 2_000.0),
    ],
)
def test_ri5_tiers_with_inclusive_boundaries(amount, bonus):
    """RI-5: below 100,000: 500; 100,000 to 500,000 (both included): 1,000; above: 2,000."""
    assert tiers.tier_bonus(amount) == bonus


def test_ri5_tiers_are_configuration_and_uplift_needs_a_reason():
    """RI-5: tiers are data; special customers get an uplift only with a reason."""
    custom = ((0, True, 300.0), (50_000, True, 800.0))
    assert tiers.tier_bonus(50_000, custom) == 800.0
    assert tiers.with_uplift(1_000.0, 500.0, "Industry leader") == 1_500.0
    assert tiers.with_uplift(1_000.0, 0.0, "") == 1_000.0
    with pytest.raises(ValueError):
        tiers.with_uplift(1_000.0, 500.0, " ")
    with pytest.raises(ValueError):
        tiers.tier_bonus(10, ((100, True, 1.0),))
    with pytest.raises(ValueError):
        tiers.tier_bonus(-1)


def test_ri6_monthly_deadlines():
    """RI-6: report by the 5th, judged counts by the 10th (15th at the latest), payday on the
    10th for office staff and the 20th for travelling staff."""
    deadlines = calendar.monthly_deadlines(2026, 12)
    assert deadlines["report"] == D(2026, 12, 5)
    assert (deadlines["judged"], deadlines["judged_latest"]) == (D(2026, 12, 10), D(2026, 12, 15))
    assert deadlines["payday"] == {"office": D(2026, 12, 10), "travelling": D(2026, 12, 20)}
    assert calendar.monthly_deadlines(2026, 2, report_day=31)["report"] == D(2026, 2, 28)


def test_ri7_quarterly_application_within_seven_working_days():
    """RI-7: applications within 7 working days after the quarter; later ones are refused."""
    assert calendar.quarter_of(D(2026, 11, 22)) == (2026, 4, D(2026, 10, 1), D(2026, 12, 31))
    holidays = {D(2027, 1, 1)}

    def working(day):
        return day.weekday() < 5 and day not in holidays

    deadline = calendar.application_deadline(D(2026, 12, 31), 7, working)
    assert deadline == D(2027, 1, 12)
    assert not calendar.is_late(D(2027, 1, 12), deadline)
    assert calendar.is_late(D(2027, 1, 13), deadline)


def test_ri11_customer_referral_points():
    """RI-11: 100 points for bringing a new customer to an event, 100 per full 1,000 bought."""
    assert attribution.referral_points(True, 0) == 100
    assert attribution.referral_points(True, 2_999.99) == 300
    assert attribution.referral_points(False, 10_000) == 1_000


def test_ri5_select_tier_carries_the_record_along():
    """RI-5: the tier picked for an amount, with the extra items (record ids) untouched."""
    tiers = ((0.0, True, 500.0, 7), (100_000.0, True, 1_000.0, 8), (500_000.0, False, 2_000.0, 9))
    assert tools.tiers.select_tier(99_999.99, tiers)[3] == 7
    assert tools.tiers.select_tier(500_000.0, tiers)[3] == 8
    assert tools.tiers.select_tier(500_000.01, tiers)[3] == 9
    assert tools.tiers.select_tier(5.0, ((10.0, True, 1.0),)) is None
    with pytest.raises(ValueError):
        tools.tiers.tier_bonus(5.0, ((10.0, True, 1.0),))


def test_ri6_next_payday_by_group():
    """RI-6: office staff are paid by the 10th, travelling staff by the 20th; an amount
    approved after the payday waits for the next month's."""
    day = datetime.date
    assert tools.calendar.next_payday(day(2026, 10, 3), 10) == day(2026, 10, 10)
    assert tools.calendar.next_payday(day(2026, 10, 10), 10) == day(2026, 10, 10)
    assert tools.calendar.next_payday(day(2026, 10, 11), 10) == day(2026, 11, 10)
    assert tools.calendar.next_payday(day(2026, 12, 21), 20) == day(2027, 1, 20)
    assert tools.calendar.next_payday(day(2026, 2, 1), 31) == day(2026, 2, 28)
    assert tools.calendar.previous_month(day(2026, 1, 5)) == (day(2025, 12, 1), day(2025, 12, 31))


@pytest.mark.parametrize(
    ("case", "types", "is_new", "earlier", "problem"),
    [
        ("renewal", {"consultant"}, False, True, None),
        ("renewal", {"consultant"}, True, False, "renewal_needs_old_customer"),
        ("renewal", {"internal"}, False, True, "needs_party"),
        ("customer_referral", {"old_customer", "consultant"}, True, False, None),
        ("customer_referral", {"old_customer"}, False, True, "needs_new_customer"),
        ("customer_referral", {"consultant"}, True, False, "needs_party"),
        ("staff_referral", {"internal"}, True, False, None),
        ("staff_referral", {"internal"}, False, True, "needs_new_customer"),
        ("staff_referral", {"buyer"}, True, False, "needs_party"),
    ],
)
def test_ri1_ri4_a_claim_fits_its_case(case, types, is_new, earlier, problem):
    """RI-1: renewal by an old customer through a consultant, referral by an old customer,
    referral by internal staff; RI-4: the last two need a new customer."""
    assert tools.attribution.case_problem(case, types, is_new, earlier) == problem
    with pytest.raises(ValueError):
        tools.attribution.case_problem("gift", types, is_new, earlier)


def test_ri2_each_scheme_keeps_its_own_exclusion_list():
    """RI-2: shareholders, excluded departments and employees excluded by name are refused
    only where the scheme's list says so; external parties never qualify."""
    common = {"is_employee": True, "department_id": 7, "employee_id": 3}
    assert (
        attribution.eligibility(is_shareholder=True, excluded_departments=(), **common)
        == attribution.NOT_ELIGIBLE_SHAREHOLDER
    )
    assert (
        attribution.eligibility(
            is_shareholder=True, excluded_departments=(), exclude_shareholders=False, **common
        )
        is None
    )
    assert (
        attribution.eligibility(
            is_shareholder=False, excluded_departments=(), excluded_employees=(3,), **common
        )
        == attribution.NOT_ELIGIBLE_NAMED
    )
    assert (
        attribution.eligibility(is_shareholder=False, excluded_departments=(7,), **common)
        == attribution.NOT_ELIGIBLE_BUSINESS_DEPARTMENT
    )
    assert (
        attribution.eligibility(False, False, None, (), exclude_shareholders=False)
        == attribution.NOT_ELIGIBLE_EXTERNAL
    )


def test_ri2_ri13_schemes_and_cases():
    """RI-2, RI-13: own development is a fourth case, paid only by the development scheme;
    renewals only by the referral scheme; it needs no party but a new customer."""
    assert attribution.default_scheme("own_development") == "development"
    assert attribution.default_scheme("staff_referral") == "referral"
    assert attribution.scheme_allows("development", "own_development")
    assert not attribution.scheme_allows("referral", "own_development")
    assert not attribution.scheme_allows("development", "renewal")
    with pytest.raises(ValueError):
        attribution.scheme_allows("other", "renewal")
    assert attribution.case_problem("own_development", set(), True, False) is None
    assert (
        attribution.case_problem("own_development", set(), False, True)
        == attribution.CASE_NEEDS_NEW_CUSTOMER
    )
