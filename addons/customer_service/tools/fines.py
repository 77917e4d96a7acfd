# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Which offences of the fine catalogue a complaint raises (CS-5, CS-6): once per fine type,
complaint and person."""

# Offence types of incentive_ledger's fine catalogue (FN-1), by the reason they fine.
GRIEVANCE = "cs5_grievance"  # grievance found, or complaint caused by a bad attitude
GENERAL_MANAGER = "cs5_gm_complaint"  # the employee and his department manager
UNRESOLVED = "cs6_unresolved"  # the employee and his department manager


def complaint_offences(found_before_complaint, to_general_manager, bad_attitude, employees):
    """CS-5: ``[(fine type, employee)]`` a confirmed complaint raises. A grievance found by
    staff and a complaint caused by bad attitude are one type of the catalogue: one offence
    per employee even when both apply. The catalogue adds the department manager."""
    offences = []
    if found_before_complaint or bad_attitude:
        offences += [(GRIEVANCE, person) for person in employees]
    if to_general_manager:
        offences += [(GENERAL_MANAGER, person) for person in employees]
    return list(dict.fromkeys(offences))


def unresolved_offences(employees):
    """CS-6: a grievance not resolved in 3 days: one offence per employee concerned (the
    catalogue also fines his department manager)."""
    return [(UNRESOLVED, person) for person in dict.fromkeys(employees)]


def missing(wanted, existing):
    """The offences of ``wanted`` not raised yet: at most once per type, complaint and
    person, even when the workflow runs twice."""
    existing = set(existing)
    return [offence for offence in wanted if offence not in existing]


def manager_key(rule_ref, complaint_id, employee_id):
    """Ledger key of a department manager's fine for one complaint: he pays once per rule
    and complaint even when several of his employees are concerned."""
    return f"customer_service:{rule_ref.lower()}:customer.complaint:{complaint_id}:{employee_id}"
