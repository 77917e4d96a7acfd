# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Which field changes a workflow guard refuses: plain values in, plain values out.

A model of the suite declares two kinds of protected fields:

* *guarded* fields (workflow state, money, owners, rule dates, rule flags) are written only
  by the workflow methods that check the rule, never directly;
* *frozen* fields are edited by their users while the record is open (a draft claim, an
  unapproved ledger line) and frozen afterwards.

The model layer (``incentive.guard.mixin``) turns records into the values below and raises
the translated error; these functions only decide.
"""

ALL_FIELDS = "__all__"


def collect_declarations(classes, attribute):
    """Union of a class attribute declared along an inheritance chain.

    Odoo assembles a model from the classes of every addon that extends it; each may
    declare its own protected fields. Tuples/sets/lists name fields protected by the
    default predicate; a dict maps a field name to the predicate method that tells which
    records are still open for it.

    :param classes: the model's MRO
    :param attribute: the class attribute to collect
    :return: dict field name -> predicate method name (or None for "always guarded")
    """
    result = {}
    for cls in reversed(classes):
        declared = cls.__dict__.get(attribute)
        if not declared:
            continue
        if isinstance(declared, dict):
            result.update(declared)
        else:
            result.update(dict.fromkeys(declared))
    return result


def refused_guarded(field_names, guarded):
    """The guarded fields among ``field_names``, sorted (they are never written directly)."""
    return sorted(set(field_names) & set(guarded))


def refused_on_create(vals, guarded, defaults):
    """Guarded fields that a direct ``create`` sets to something other than their default.

    A value equal to the default (or empty when the default is empty) is what the web
    client sends for a new record and is accepted.
    """
    refused = []
    for name in sorted(set(vals) & set(guarded)):
        value, default = vals[name], defaults.get(name)
        if value == default or (not value and not default):
            continue
        refused.append(name)
    return refused


def frozen_by_predicate(field_names, frozen, default_predicate):
    """Group the frozen fields among ``field_names`` by the predicate that opens them.

    ``frozen`` may hold ``ALL_FIELDS`` to freeze every field but ``exempt`` ones (the caller
    removes chatter and technical fields first).

    :return: dict predicate method name -> sorted field names
    """
    names = set(field_names)
    if ALL_FIELDS in frozen:
        selected = dict.fromkeys(names, frozen[ALL_FIELDS])
        selected.update({name: frozen[name] for name in names if name in frozen})
    else:
        selected = {name: frozen[name] for name in names if name in frozen}
    grouped = {}
    for name, predicate in selected.items():
        grouped.setdefault(predicate or default_predicate, []).append(name)
    return {predicate: sorted(fields) for predicate, fields in grouped.items()}
