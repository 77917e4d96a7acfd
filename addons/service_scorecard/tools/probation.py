# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Probation and dismissal after E quarters (SC-7)."""

import itertools

NONE = "none"
PROBATION = "probation"
DISMISSAL = "dismissal"
END_PROBATION = "end_probation"


def probation_decision(quarters, lowest_grade, on_probation, consecutive=2):
    """What to propose to HR once a quarter is graded (SC-7).

    :param quarters: (quarter index, grade) of the manager's graded quarters, oldest first, the
        quarter just closed last; quarter indexes of consecutive quarters differ by one
    :param lowest_grade: the grade that counts ('E')
    :param on_probation: whether the manager is on probation (HR applied an earlier proposal)
    :param consecutive: E quarters in a row that lead to probation (2)
    :return: DISMISSAL when a quarter on probation is E again, END_PROBATION when a quarter on
        probation is not E, PROBATION after ``consecutive`` E quarters in a row, NONE otherwise
    """
    if not quarters:
        return NONE
    last_grade = quarters[-1][1]
    if on_probation:
        return DISMISSAL if last_grade == lowest_grade else END_PROBATION
    run = quarters[-consecutive:]
    if len(run) < consecutive:
        return NONE
    in_a_row = all(later[0] - earlier[0] == 1 for earlier, later in itertools.pairwise(run))
    if in_a_row and all(grade == lowest_grade for _index, grade in run):
        return PROBATION
    return NONE
