# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who earns a referral bonus when several parties claim the same deal (RI-1 .. RI-3)."""

INSPECTION = "inspection"  # inspection or notary firm
BUYER = "buyer"
TRADING = "trading"  # trading company
OLD_CUSTOMER = "old_customer"
CONSULTANT = "consultant"
INTERNAL = "internal"  # internal staff
PARTY_TYPES = (INSPECTION, BUYER, TRADING, OLD_CUSTOMER, CONSULTANT, INTERNAL)

# RI-3: by authority, highest first.
AUTHORITY = (INSPECTION, BUYER, TRADING, OLD_CUSTOMER, CONSULTANT, INTERNAL)
EMPLOYEE_TYPES = frozenset((CONSULTANT, INTERNAL))

NO_BONUS_INSPECTION = "inspection_involved"
NO_BONUS_EXTERNAL = "external_without_consultant"
NO_BONUS_NOBODY = "no_party"


def attribute(parties):
    """The party that earns the bonus, or why nobody does (RI-3).

    :param parties: list of dicts with ``type`` (one of PARTY_TYPES), ``id`` and, for external
        parties (buyer, trading company, old customer), ``consultant`` (id of the consultant
        they are linked to, or None)
    :return: (winning party dict or None, reason or None)

    - any inspection/notary firm involvement: no bonus at all;
    - a buyer or trading company linked to a consultant: that consultant; the same for an old
      customer who refers because of a consultant (RI-1 b);
    - external parties are never paid (RI-2), so an external party with no consultant means
      no bonus, even if staff also claim it: the higher authority owns the deal;
    - only a consultant and internal staff: the consultant; only internal staff: the staff.
    """
    if not parties:
        return None, NO_BONUS_NOBODY
    types = {party["type"] for party in parties}
    unknown = types - set(PARTY_TYPES)
    if unknown:
        raise ValueError(f"Unknown party types {sorted(unknown)}")
    if INSPECTION in types:
        return None, NO_BONUS_INSPECTION
    for party_type in AUTHORITY:
        candidates = [party for party in parties if party["type"] == party_type]
        if not candidates:
            continue
        if party_type in EMPLOYEE_TYPES:
            return min(candidates, key=lambda party: party["id"]), None
        linked = [party for party in candidates if party.get("consultant")]
        if linked:
            consultant_id = min(linked, key=lambda party: party["id"])["consultant"]
            return {"type": CONSULTANT, "id": consultant_id}, None
        return None, NO_BONUS_EXTERNAL
    return None, NO_BONUS_NOBODY


NOT_ELIGIBLE_SHAREHOLDER = "shareholder"
NOT_ELIGIBLE_EXTERNAL = "external"
NOT_ELIGIBLE_BUSINESS_DEPARTMENT = "business_department"
NOT_ELIGIBLE_LEFT = "left"


NOT_ELIGIBLE_NAMED = "excluded_by_name"


def eligibility(
    is_employee,
    is_shareholder,
    department_id,
    excluded_departments,
    active=True,
    employee_id=None,
    excluded_employees=(),
    exclude_shareholders=True,
):
    """Why a beneficiary cannot receive the bonus, or None when he can (RI-2, RI-10).

    Each scheme (RI-2) has its own exclusion list: the departments, the employees excluded
    by name and whether shareholders are excluded.
    """
    if not is_employee:
        return NOT_ELIGIBLE_EXTERNAL
    if is_shareholder and exclude_shareholders:
        return NOT_ELIGIBLE_SHAREHOLDER
    if department_id in set(excluded_departments):
        return NOT_ELIGIBLE_BUSINESS_DEPARTMENT
    if employee_id is not None and employee_id in set(excluded_employees):
        return NOT_ELIGIBLE_NAMED
    if not active:
        return NOT_ELIGIBLE_LEFT
    return None


def is_new_customer(first_transaction_date, period_start, period_end):
    """RI-4: a new customer's first signed contract or real transaction falls in the period."""
    if first_transaction_date is None:
        return False
    return period_start <= first_transaction_date <= period_end


def referral_points(
    brought_to_event, purchase_amount, event_points=100, per_amount=1000, points_per_amount=100
):
    """RI-11: points of an old customer for a new customer brought to an event and for the
    new customer's purchases (100 points per full 1,000)."""
    points = event_points if brought_to_event else 0
    if per_amount <= 0:
        raise ValueError("The purchase step must be positive.")
    return points + int(purchase_amount // per_amount) * points_per_amount


# RI-1: the three cases of a referral claim.
CASE_RENEWAL = "renewal"  # (a) an old customer renews because of a consultant who served it
CASE_CUSTOMER_REFERRAL = "customer_referral"  # (b) an old customer refers a new customer
CASE_STAFF_REFERRAL = "staff_referral"  # (c) internal staff refer a new customer
# RI-13: a fourth case, an employee (a salesperson too) develops a new customer himself.
CASE_OWN_DEVELOPMENT = "own_development"

CASE_NEEDS_OLD_CUSTOMER = "renewal_needs_old_customer"
CASE_NEEDS_NEW_CUSTOMER = "needs_new_customer"
CASE_NEEDS_PARTY = "needs_party"

# The party each case is about: without it the claim is not that case.
CASE_PARTY = {
    CASE_RENEWAL: CONSULTANT,
    CASE_CUSTOMER_REFERRAL: OLD_CUSTOMER,
    CASE_STAFF_REFERRAL: INTERNAL,
    CASE_OWN_DEVELOPMENT: None,  # the applicant himself, proven by his logged contacts
}

# RI-2: the two schemes and the cases each pays.
SCHEME_REFERRAL = "referral"  # (a) the referral scheme (seed 000)
SCHEME_DEVELOPMENT = "development"  # (b) the new-customer development scheme (seed 004)
SCHEME_CASES = {
    SCHEME_REFERRAL: (CASE_RENEWAL, CASE_CUSTOMER_REFERRAL, CASE_STAFF_REFERRAL),
    SCHEME_DEVELOPMENT: (CASE_CUSTOMER_REFERRAL, CASE_STAFF_REFERRAL, CASE_OWN_DEVELOPMENT),
}


def default_scheme(case):
    """The scheme a claim of ``case`` falls under unless the applicant chooses (RI-2)."""
    return SCHEME_DEVELOPMENT if case == CASE_OWN_DEVELOPMENT else SCHEME_REFERRAL


def scheme_allows(scheme, case):
    """RI-2, RI-13: whether ``scheme`` pays claims of ``case`` (own development and new
    customers only under the development scheme; renewals only under the referral scheme)."""
    if scheme not in SCHEME_CASES:
        raise ValueError(f"Unknown scheme {scheme!r}")
    return case in SCHEME_CASES[scheme]


def case_problem(case, party_types, is_new, had_earlier_deal):
    """Why a claim does not fit its case (RI-1, RI-4), or None.

    :param party_types: the types of the parties claiming the deal
    :param is_new: the customer's first deal falls in the claim's period (RI-4)
    :param had_earlier_deal: the customer had a deal before this one
    """
    if case not in CASE_PARTY:
        raise ValueError(f"Unknown case {case!r}")
    if CASE_PARTY[case] and CASE_PARTY[case] not in set(party_types):
        return CASE_NEEDS_PARTY
    if case == CASE_RENEWAL:
        return None if had_earlier_deal else CASE_NEEDS_OLD_CUSTOMER
    return None if is_new else CASE_NEEDS_NEW_CUSTOMER
