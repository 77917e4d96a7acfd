# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who pays which complaint fine (CS-5, CS-6): one entry per rule, complaint and person."""

GRIEVANCE = "CS-5 grievance"
GENERAL_MANAGER = "CS-5 general manager"
ATTITUDE = "CS-5 attitude"
UNRESOLVED = "CS-6 unresolved"


def complaint_fines(
    found_before_complaint,
    to_general_manager,
    bad_attitude,
    employees,
    department_manager,
    amounts,
):
    """CS-5: the fines a confirmed complaint books, as ``[(reason, person, amount)]``.

    ``employees`` are the employees concerned, ``department_manager`` the manager of the
    customer's department (or None); ``amounts`` maps each reason to its configured amount.
    A person is fined at most once per reason and complaint (a manager who is also an
    employee concerned pays each reason once).
    """
    fines = []
    if found_before_complaint:
        fines += [(GRIEVANCE, person) for person in employees]
    if to_general_manager:
        people = list(employees) + ([department_manager] if department_manager else [])
        fines += [(GENERAL_MANAGER, person) for person in people]
    if bad_attitude:
        fines += [(ATTITUDE, person) for person in employees]
    seen, result = set(), []
    for reason, person in fines:
        if (reason, person) not in seen and amounts.get(reason):
            seen.add((reason, person))
            result.append((reason, person, amounts[reason]))
    return result


def unresolved_fines(employees, department_manager, amount):
    """CS-6: a grievance not resolved in 3 days costs the department manager and each
    employee concerned ``amount``, once each."""
    people = list(
        dict.fromkeys([*employees, *([department_manager] if department_manager else [])])
    )
    return [(UNRESOLVED, person, amount) for person in people] if amount else []
