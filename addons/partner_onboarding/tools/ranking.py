# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Ranking of partners (PO-9) on the completeness of their application and file and on the
past year's record (contract performance, safety and quality, cooperation)."""


def filled_share(values):
    """Share of the values that are filled in, from 0.0 to 1.0."""
    values = list(values)
    if not values:
        return 0.0
    return sum(1 for value in values if value) / len(values)


def score(form_share, file_share, ratings, weights, rating_max=5):
    """Ranking score from 0 to 100.

    :param form_share: completeness of the admission application (0..1)
    :param file_share: completeness of the partner file (0..1)
    :param ratings: the past year's ratings, each from 0 to ``rating_max``
    :param weights: ``(form, file, record)`` weights; only their proportions matter
    """
    total = sum(weights)
    if total <= 0:
        raise ValueError("The ranking weights add up to nothing.")
    ratings = list(ratings)
    record = sum(ratings) / (len(ratings) * rating_max) if ratings else 0.0
    form_weight, file_weight, record_weight = weights
    value = form_weight * form_share + file_weight * file_share + record_weight * record
    return round(100.0 * value / total, 2)


def rank(scores):
    """Competition ranking: ``{key: score}`` -> ``{key: rank}``, equal scores share a rank."""
    ordered = sorted(scores.items(), key=lambda item: -item[1])
    ranks, previous = {}, None
    for position, (key, value) in enumerate(ordered, start=1):
        if value != previous:
            current, previous = position, value
        ranks[key] = current
    return ranks


def is_outstanding(ratings, threshold):
    """Outstanding on every count of the past year (contracts, safety and quality,
    cooperation)."""
    ratings = list(ratings)
    return bool(ratings) and all(value >= threshold for value in ratings)


def preferred_error(position, top, ratings, threshold):
    """PO-9: why a partner cannot be marked preferred (fee discount, priority service), or None."""
    if not position or position > top:
        return "not_top"
    if not is_outstanding(ratings, threshold):
        return "not_outstanding"
    return None
