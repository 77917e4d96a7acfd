# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Joint-event invitation lists: cut-offs, duplicates, points (EV-1 to EV-4, EV-7).

Every datetime here is naive and in the company's time zone; every hour is a float
(18.5 is 18:30) taken from the company's settings.
"""

import datetime

AFTERNOON = "afternoon"
EVENING = "evening"


def at_hour(day, hour):
    """The naive datetime of ``hour`` (a float, 18.5 = 18:30) on ``day``."""
    if not 0 <= hour <= 24:
        raise ValueError(f"hour out of range: {hour}")
    minutes = round(hour * 60)
    return datetime.datetime.combine(day, datetime.time.min) + datetime.timedelta(minutes=minutes)


def count_day(confirmed_at, cutoff_hour):
    """EV-1: the day a confirmation counts for; after the cut-off it counts for the next day."""
    day = confirmed_at.date()
    if confirmed_at > at_hour(day, cutoff_hour):
        return day + datetime.timedelta(days=1)
    return day


def event_part(event_start, evening_start_hour):
    """EV-3: whether an event is an afternoon or an evening event by its start."""
    if event_start >= at_hour(event_start.date(), evening_start_hour):
        return EVENING
    return AFTERNOON


def list_deadline(list_day, event_start, cutoffs):
    """EV-1, EV-3: when the daily list of ``list_day`` is due.

    :param cutoffs: mapping with ``daily`` (18.0), ``afternoon`` (10.0), ``evening`` (16.0)
        and ``evening_start`` (17.0) hours
    """
    if list_day == event_start.date():
        part = event_part(event_start, cutoffs["evening_start"])
        return at_hour(list_day, cutoffs[part])
    return at_hour(list_day, cutoffs["daily"])


def list_days(event_start, days_before):
    """EV-1, EV-4: the days that need a daily list: the week before the event and its day."""
    event_day = event_start.date()
    return [event_day - datetime.timedelta(days=offset) for offset in range(days_before, -1, -1)]


def planning_day(list_day, rank, first_lead_days=1):
    """EV-1: the day whose planned invitations a division files with ``list_day``'s list.

    The divisions after the first plan the next day; the first completes its plans
    ``first_lead_days`` earlier, so that the others see them before planning theirs.
    """
    return list_day + datetime.timedelta(days=1 + (first_lead_days if rank == 0 else 0))


def resolve_duplicates(entries):
    """EV-2, EV-4: who keeps a customer invited by several divisions.

    :param entries: list of dicts with ``id``, ``keys`` (iterable of (type, value)),
        ``confirmed`` (bool: confirmed, not only planned), ``on_time`` (listed by the cut-off),
        ``count_day`` (date or None), ``rank`` (order of the division) and ``division``.
    :return: (kept ids, {removed id: kept id that beat it})

    Entries sharing any key are the same customer. The winner is, in this order: a confirmed
    invitation over a planned one, one listed in time over one listed late (EV-4), the
    earliest day it counts for (the first division to confirm keeps him, EV-2), then the
    configured order of divisions. Entries of the winner's own division stay.
    """
    parent = {entry["id"]: entry["id"] for entry in entries}

    def find(node):
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    owner_of_key = {}
    for entry in entries:
        for key in entry["keys"]:
            key = tuple(key)
            if key in owner_of_key:
                parent[find(entry["id"])] = find(owner_of_key[key])
            else:
                owner_of_key[key] = entry["id"]
    groups = {}
    for entry in entries:
        groups.setdefault(find(entry["id"]), []).append(entry)
    kept, removed = [], {}
    for group in groups.values():
        winner = min(group, key=_precedence)
        for entry in group:
            if entry["division"] == winner["division"]:
                kept.append(entry["id"])
            else:
                removed[entry["id"]] = winner["id"]
    return sorted(kept), removed


def _precedence(entry):
    return (
        not entry["confirmed"],
        not entry["on_time"],
        entry["count_day"] or datetime.date.max,
        entry["rank"],
        entry["id"],
    )


def promoter_counts(listed_at, event_deadline):
    """EV-2: a customer put forward to speak or to bring others counts only if listed in
    advance, i.e. by the event day's cut-off."""
    return bool(listed_at) and listed_at <= event_deadline


def referral_points(new_customers, purchases, per_customer, step, per_step):
    """RI-11, EV-7: points of an old customer for the new customers he brought.

    :param new_customers: number of new customers who came with him
    :param purchases: amounts those customers bought at the event
    """
    if step <= 0 or per_customer < 0 or per_step < 0:
        raise ValueError("points configuration must be positive")
    points = new_customers * per_customer
    for amount in purchases:
        if amount > 0:
            points += int(amount // step) * per_step
    return points
