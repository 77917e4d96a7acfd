# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""LP-16 commission of a won deal, LP-25 its number (plain Python, no Odoo)."""

from . import identity

BOOK = "book"
COLLISION = "collision"

LEDGER_PREFIX = "lp16:"


def holding_registration(registrations, signing_date):
    """The registration that holds the customer on ``signing_date``: the earliest one valid
    that day (the name and time in the register decide).

    :param registrations: dicts with id, registered_at (datetime), registered_on (date in
        the company's time zone), last_day (date) and valid (bool)
    :return: its id, or None
    """
    holding = [
        reg
        for reg in registrations
        if reg["valid"] and reg["registered_on"] <= signing_date <= reg["last_day"]
    ]
    if not holding:
        return None
    return min(holding, key=lambda reg: (reg["registered_at"], reg["id"]))["id"]


def commission_decision(registrant_id, deal_user_id):
    """(BOOK, user id) to book 100 % to; (COLLISION, None) when the registrant is not the
    deal's salesperson. Without a registrant, the deal's salesperson gets it."""
    if registrant_id is None or registrant_id == deal_user_id:
        return BOOK, deal_user_id
    return COLLISION, None


def commission_amount(deal_amount, rate_percent):
    """Commission of a deal at the team's rate, rounded to cents (never negative)."""
    if deal_amount <= 0 or rate_percent <= 0:
        return 0.0
    return round(deal_amount * rate_percent / 100.0, 2)


def source_key(lead_id, previous_count):
    """Ledger key of the n-th win of a deal: ``lp16:<lead id>`` the first time; a deal
    won again after being lost or reopened books a new event."""
    base = f"{LEDGER_PREFIX}{lead_id}"
    return base if not previous_count else f"{base}:{previous_count + 1}"


def order_number_problem(phone_error, e164, mobile_prefixes):
    """LP-25: what is wrong with the mobile number of a deal being won, checked as LP-1
    checks it at registration.

    :param phone_error: the error key of ``identity.clean_phone_input`` (or None)
    :param e164: the number in E.164 when it was readable
    :return: None, or "missing", "masked", "unreadable", "incomplete"
    """
    if phone_error:
        return phone_error
    if not identity.is_complete_mobile(e164, mobile_prefixes):
        return "incomplete"
    return None
