# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Monthly ranking and the best managers to announce (SC-6)."""


def rank(values):
    """Competition ranking, highest first: {key: value} -> {key: rank} ("1, 1, 3")."""
    ordered = sorted(values.items(), key=lambda item: item[1], reverse=True)
    ranks = {}
    previous = None
    for position, (key, value) in enumerate(ordered, start=1):
        if previous is None or value != previous[1]:
            previous = (position, value)
        ranks[key] = previous[0]
    return ranks


def best(values):
    """Keys sharing the best value (ties are all announced); none when nothing was achieved."""
    if not values:
        return []
    top = max(values.values())
    if not top:
        return []
    return sorted(key for key, value in values.items() if value == top)
