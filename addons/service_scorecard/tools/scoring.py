# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Scores and grades (SC-1, SC-2)."""


def event_points(unit_points, quantity=1, survey_rate=None, survey_threshold=None):
    """Points of one event (SC-1).

    :param unit_points: points of one occurrence (+3 per user won, -2 per failed standard...)
    :param quantity: occurrences recorded by the event (users won, failed standards...)
    :param survey_rate: satisfaction rate of a survey event, in percent
    :param survey_threshold: rate from which a survey event counts (95); None for other events
    :return: the signed points the event adds to its scorecard
    """
    if survey_threshold is not None and (survey_rate or 0.0) < survey_threshold:
        return 0
    return unit_points * quantity


def check_adjustment(points, min_abs, max_abs, period_total, period_limit):
    """A supervisor adjustment adds or removes ``min_abs`` to ``max_abs`` points, and all the
    adjustments of a quarter together stay within ``period_limit`` either way (SC-1).

    :param period_total: sum of the quarter's other confirmed adjustments
    :param period_limit: 0 for no limit
    :return: None when allowed, else 'range' or 'limit'
    """
    if not min_abs <= abs(points) <= max_abs:
        return "range"
    if period_limit and abs(period_total + points) > period_limit:
        return "limit"
    return None


def monthly_score(base, points):
    """SC-1: the month starts at ``base`` (100) and adds every confirmed event's points."""
    return base + sum(points)


def sort_grades(grades):
    """Grades as (code, min_score) pairs, best first."""
    return sorted(grades, key=lambda grade: grade[1], reverse=True)


def grade_for(score, grades, fraud=False):
    """SC-2: the best grade whose minimum the score reaches; the lowest grade otherwise and
    whenever fraud is proven.

    :param grades: (code, min_score) pairs, e.g. [('A', 110), ('B', 100), ... ('E', 0)]
    """
    ordered = sort_grades(grades)
    if not ordered:
        return None
    if not fraud:
        for code, minimum in ordered:
            if score >= minimum:
                return code
    return ordered[-1][0]


def effective_score(score, grades, fraud=False):
    """Score a month brings into its quarter (SC-2).

    A month with proven fraud is graded E; so that the quarter's mean cannot hide it, the
    month counts at most with the best whole score of the lowest grade (89 with the default
    thresholds).
    """
    ordered = sort_grades(grades)
    if not fraud or len(ordered) < 2:
        return score
    return min(score, ordered[-2][1] - 1)


def quarterly_score(month_scores, quarter_points=0):
    """SC-2: the mean of the quarter's monthly scores, plus the quarter's own events
    (supervisor adjustment, satisfaction survey), rounded to two decimals.

    :return: None when there is no month to average
    """
    scores = list(month_scores)
    if not scores:
        return None
    return round(sum(scores) / len(scores) + quarter_points, 2)
