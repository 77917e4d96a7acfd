# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Penalties for abusing registrations (LP-9, LP-11)."""

DISMISSAL = "dismissal"


def parse_scale(text):
    """'50,100' -> [50.0, 100.0]: the configured escalation of fines."""
    return [float(part) for part in str(text or "").replace("，", ",").split(",") if part.strip()]


def fake_registration_penalty(previous_offences, scale):
    """Fine for the next fake registration of one employee (LP-11).

    :param previous_offences: fake registrations already fined for this employee
    :param scale: fines of the first, second... offence, e.g. [50, 100]; the offence after the
        last fine means dismissal
    :return: the fine (float) or DISMISSAL
    """
    if previous_offences < len(scale):
        return scale[previous_offences]
    return DISMISSAL


def dispute_fines(parties, deal_lost, amount):
    """LP-9: a dispute in front of the customer fines each party when the deal is lost."""
    if not deal_lost:
        return {}
    return dict.fromkeys(sorted(set(parties)), amount)


def leak_fine(customer_count, amount_per_customer):
    """LP-11: leaking registered customers to another company, per customer."""
    return customer_count * amount_per_customer
