# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Completeness of an admission application (PO-1) and of key partners' materials (PO-10).

An application is a main form plus structured lines in sections (address, staff, equipment,
documents). The rulebook says that whatever the on-site inspection left unclear counts as not
qualified, so every line must be verified on site and backed by a document, and every dated
document must still be valid.
"""

SECTIONS = ("address", "staff", "equipment")

# Kinds of missing items, in the order they are reported.
MISSING_FIELD = "field"
EMPTY_SECTION = "section"
MISSING_MATERIAL = "material"
UNCLEAR = "unclear"
NO_DOCUMENT = "document"
NO_VALIDITY = "no_validity"
EXPIRED = "expired"


def check_items(fields_values, lines, required_materials, today, sections=SECTIONS):
    """Every check of an application, as ``((kind, key), passed)`` pairs.

    :param fields_values: mapping field name -> value of the required main-form and
        inspection fields; a falsy value is missing
    :param lines: iterable of mappings with ``ref`` (any id), ``section``, ``material``
        (material id or None), ``verified`` (checked on site and clear), ``documents``
        (number of attached documents), ``expires`` (the material needs a validity date) and
        ``valid_until`` (date or None)
    :param required_materials: mapping material id -> section, the materials that must be
        present (one line at least each)
    :param today: date against which validity is checked
    :param sections: the sections that need one line at least
    """
    lines = list(lines)
    checks = [((MISSING_FIELD, name), bool(value)) for name, value in fields_values.items()]
    present_sections = {line["section"] for line in lines}
    checks += [((EMPTY_SECTION, section), section in present_sections) for section in sections]
    present_materials = {line["material"] for line in lines if line.get("material")}
    checks += [
        ((MISSING_MATERIAL, material), material in present_materials)
        for material in sorted(required_materials, key=str)
    ]
    for line in lines:
        ref = line["ref"]
        checks.append(((UNCLEAR, ref), bool(line["verified"])))
        checks.append(((NO_DOCUMENT, ref), line["documents"] > 0))
        valid_until = line.get("valid_until")
        if line.get("expires"):
            checks.append(((NO_VALIDITY, ref), valid_until is not None))
        if valid_until is not None:
            checks.append(((EXPIRED, ref), valid_until >= today))
    return checks


def missing_items(fields_values, lines, required_materials, today, sections=SECTIONS):
    """PO-1, PO-10: the failed checks, as ``(kind, key)``; empty when the application passes."""
    return [
        item
        for item, passed in check_items(fields_values, lines, required_materials, today, sections)
        if not passed
    ]


def completeness(fields_values, lines, required_materials, today, sections=SECTIONS):
    """PO-9: share of the checks the application passes, from 0.0 to 1.0."""
    checks = check_items(fields_values, lines, required_materials, today, sections)
    if not checks:
        return 0.0
    return sum(1 for _item, passed in checks if passed) / len(checks)


def required_materials(materials, key_partner):
    """Materials an application must hold: those required for admission, plus those required
    for key partners (A and B by default) when ``key_partner`` (PO-10).

    :param materials: iterable of ``(id, section, requirement)`` with requirement one of
        ``admission``, ``key`` or ``optional``
    """
    wanted = {"admission", "key"} if key_partner else {"admission"}
    return {
        material: section for material, section, requirement in materials if requirement in wanted
    }
