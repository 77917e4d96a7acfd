# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Walk-in reception rotation (LP-15)."""

# A member's status, set by the team's manager or a receptionist (never by himself).
AVAILABLE = "available"
BUSY = "busy"
ABSENT = "absent"
STATUSES = (AVAILABLE, BUSY, ABSENT)


def next_receiver(order, position, busy=(), absent=(), owed=(), named=None, known_owner=None):
    """Who receives the next walk-in customer, and how the rotation moves.

    :param order: salespeople in turn order
    :param position: index in ``order`` of the next turn
    :param busy: salespeople with a customer now: skipped, their turn is owed (made up later)
    :param absent: salespeople away: skipped and their turn is lost
    :param owed: salespeople owed a turn, oldest first; served before the order goes on
    :param named: the salesperson the customer asks for: gets the customer, no turn used
    :param known_owner: first receiver of the customer's company or family (the same
        customer): gets the customer, no turn used
    :return: (receiver or None, new position, new owed list)
    """
    owed = [who for who in owed if who in order]
    for direct in (known_owner, named):
        if direct is not None and direct not in absent:
            return direct, position, owed
    for who in owed:
        if who not in busy and who not in absent:
            return who, position, [other for other in owed if other != who]
    if not order:
        return None, position, owed
    size = len(order)
    for step in range(size):
        index = (position + step) % size
        who = order[index]
        if who in absent:
            continue
        if who in busy:
            if who not in owed:
                owed.append(who)
            continue
        return who, (index + 1) % size, owed
    return None, position, owed
