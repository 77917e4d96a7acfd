# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reception desk and visit book rules (LP-27..LP-33, LP-37..LP-45), without a database.

Datetimes handed to these functions are naive and already in the company's time zone.
"""

import datetime
import re
import unicodedata

MORNING = "morning"
AFTERNOON = "afternoon"

# Whose deal a claim makes it (LP-29, LP-31, LP-32, LP-33)
FIRST = "first"
HALF = "half"
LATER = "later"

# Why a visitor belongs to a salesperson (LP-15, LP-37..LP-39, LP-42)
NAMED = "named"
MEMBER = "member"
VOUCHER = "voucher"
APPOINTMENT = "appointment"
REGISTERED = "registered"
HOUSEHOLD = "household"
RECEIVER = "receiver"

YES = "yes"
NO = "no"


def half_day(local_dt, noon_hour=12):
    """The day and half-day (morning/afternoon) of a moment in the company's time zone (LP-29).

    :return: (date, MORNING or AFTERNOON)
    """
    if not isinstance(local_dt, datetime.datetime):
        raise TypeError("half_day needs a datetime")
    if not 0 < noon_hour < 24:
        raise ValueError("noon_hour must be between 1 and 23")
    return local_dt.date(), MORNING if local_dt.hour < noon_hour else AFTERNOON


def half_day_priority(first_entry, later_entry, found, full_days=0, half_days=1):
    """LP-29: A entered the customer first, B brought him in later and closed.

    Found on the day of A's entry (``full_days`` later at most) the deal is A's; up to
    ``half_days`` days after it, half each; later, B's. Days are calendar days of the
    company's time zone: a finding at 00:05 is the next day.

    :param first_entry: A's visit-book entry (local datetime)
    :param later_entry: B's entry of the same customer (local datetime)
    :param found: when the case was reported (local datetime)
    :return: FIRST, HALF or LATER
    """
    if full_days < 0 or half_days < full_days:
        raise ValueError("need 0 <= full_days <= half_days")
    if later_entry < first_entry or found < first_entry:
        # B was first in the book, or nothing to find yet: no priority for A.
        return LATER
    days = (found.date() - first_entry.date()).days
    if days <= full_days:
        return FIRST
    if days <= half_days:
        return HALF
    return LATER


def outcome_shares(outcome, claimant, booker, half_percent=50.0):
    """Credit shares in percent of a claim's outcome: {user: percent}."""
    if outcome == FIRST:
        return {claimant: 100.0}
    if outcome == HALF:
        return {claimant: half_percent, booker: 100.0 - half_percent}
    if outcome == LATER:
        return {booker: 100.0}
    raise ValueError(f"unknown outcome {outcome!r}")


def missing_answers(asks_for, been_before, appointment):
    """LP-28: which of the three reception questions are unanswered."""
    answers = {
        "asks_for": asks_for,
        "been_before": been_before,
        "appointment": appointment,
    }
    return [name for name, value in answers.items() if value not in (YES, NO)]


def reception_owner(
    receiver,
    named=None,
    member_consultant=None,
    voucher=None,
    appointment=None,
    registered_owner=None,
    household_owner=None,
):
    """Whose customer a visitor is, and why (LP-15, LP-37, LP-38, LP-39, LP-42).

    A salesperson the visitor names before touring comes first (also when an old customer
    brings him, LP-38); then the consultant of the member he comes for (LP-37); then the
    salesperson printed on his trial voucher (LP-39); then the holder of his appointment;
    then the salesperson whose registration protects him (LP-42); then the salesperson who
    received the first of his family or company (LP-15: one customer); otherwise the
    receiver.

    :return: (owner, reason)
    """
    for owner, reason in (
        (named, NAMED),
        (member_consultant, MEMBER),
        (voucher, VOUCHER),
        (appointment, APPOINTMENT),
        (registered_owner, REGISTERED),
        (household_owner, HOUSEHOLD),
    ):
        if owner is not None:
            return owner, reason
    return receiver, RECEIVER


# --- LP-15: the same family or company is one customer

_HOUSEHOLD_NOISE = re.compile(r"[\W_]+")
HOUSEHOLD_TEXT = "text:"
HOUSEHOLD_VISIT = "visit:"


def household_key(text):
    """The key of a family or company as reception types it (family name and address, or
    the company's name): the same text whatever the spacing, punctuation, width or case.

    :return: "text:<normalised>" or None when nothing identifying was typed
    """
    if not text or not isinstance(text, str):
        return None
    normalised = _HOUSEHOLD_NOISE.sub("", unicodedata.normalize("NFKC", text).casefold())
    return f"{HOUSEHOLD_TEXT}{normalised}" if normalised else None


def household_of_visit(visit_id, visit_key):
    """The household key of a visitor of the same family as an earlier visit: that visit's
    own key, or the visit itself when it recorded none."""
    return visit_key or f"{HOUSEHOLD_VISIT}{visit_id}"


def household_anchor(key):
    """The id of the earlier visit a ``visit:`` key names (that visit has no key), or None."""
    if key and key.startswith(HOUSEHOLD_VISIT):
        number = key[len(HOUSEHOLD_VISIT) :]
        return int(number) if number.isdigit() else None
    return None


def first_household_owner(visits):
    """LP-15: the salesperson of the first visit of a household.

    :param visits: (visited at, id, owner) of the household's earlier walk-in visits
    :return: the owner of the earliest (ties: the lowest id), or None
    """
    ranked = sorted((at, visit_id, owner) for at, visit_id, owner in visits if owner)
    return ranked[0][2] if ranked else None


def rotation_receive(
    order,
    position,
    next_receiver,
    busy_buyer=(),
    busy_prospect=(),
    absent=(),
    suspended=(),
    owed=(),
    named=None,
    owner=None,
    owner_busy=False,
):
    """Who receives a walk-in or takes an enquiry call (LP-15, LP-40..LP-43).

    :param next_receiver: lead_protection's LP-15 rotation (``tools.rotation.next_receiver``)
    :param busy_buyer: busy with a customer who has bought: skipped, keeps his turn (LP-41)
    :param busy_prospect: busy with an old customer who has not bought: skipped, his turn
        counts as used (LP-41)
    :param suspended: suspended from the rotation today (LP-43): skipped, turn lost
    :param owner: salesperson of a registered old customer; when ``owner_busy``, the
        salesperson last in the order receives, uses no turn, and the customer stays the
        owner's (LP-42)
    :return: (receiver or None, new position, new owed list)
    """
    unavailable = set(absent) | set(suspended) | set(busy_prospect) | set(busy_buyer)
    if owner is not None and owner_busy:
        size = len(order)
        for step in range(1, size + 1):
            who = order[(position - step) % size]
            if who not in unavailable and who != owner:
                return who, position, list(owed)
        return None, position, list(owed)
    if named in suspended:
        named = None
    return next_receiver(
        order,
        position,
        busy=set(busy_buyer),
        absent=set(absent) | set(suspended) | set(busy_prospect),
        owed=owed,
        named=named,
        known_owner=owner,
    )


def group_kind(size, visit_min=3, order_min=8):
    """LP-32, LP-33: "order" for 8+ signing together, "visit" for 3+ arriving together."""
    if visit_min < 2 or order_min < visit_min:
        raise ValueError("need 2 <= visit_min <= order_min")
    if size >= order_min:
        return "order"
    if size >= visit_min:
        return "visit"
    return "single"


def group_visit_credit(members, claimant, sheets, appointment_same_day, found_same_day, named):
    """LP-32: which members of a group visit go to the claimant A.

    :param members: the visitors of the group
    :param sheets: {member: holder of a valid follow-up sheet on him}
    :param named: {member: consultant he named at the desk}
    :return: the members credited to A. Named visitors stay with whom they named; when
        someone else (the booked salesperson) holds a sheet on one of them, A gets only his
        own sheets' members, and a member both hold a sheet on is left to LP-20.
    """
    if not found_same_day or not any(sheets.get(m) == claimant for m in members):
        return []
    others_hold = any(sheets.get(m) not in (None, claimant) for m in members)
    whole_group = appointment_same_day and not others_hold
    credited = []
    for member in members:
        if named.get(member) not in (None, claimant):
            continue
        holder = sheets.get(member)
        if holder == claimant or (whole_group and holder is None):
            credited.append(member)
    return credited


def group_order_credit(members, group_salesperson, proofs, same_day):
    """LP-33: each member of a group order goes to the salesperson who proves (sheet or
    appointment) he followed that member's number, if claimed the day of the order; the
    rest stay with the group's salesperson.

    :param proofs: {member: salesperson with a sheet or appointment on his number}
    :return: {member: salesperson}
    """
    return {
        member: (proofs.get(member) if same_day and proofs.get(member) else group_salesperson)
        for member in members
    }


def handover_allowed(holder, appointment_holder, appointment_day, today):
    """LP-45: a salesperson takes his customer over from a colleague's reception only with
    his own appointment of that day; otherwise he claims afterwards with a sheet (LP-10)."""
    return appointment_holder == holder and appointment_day == today


def reconciliation_due(order_phone, entry_phones):
    """LP-30: whether the order's number must still be added to the visit entry."""
    return bool(order_phone) and order_phone not in set(entry_phones)
