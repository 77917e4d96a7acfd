# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The workflow guard's decisions (which direct changes are refused), without a database."""

from conftest import load_tools

guard = load_tools("incentive_ledger").guard


class Base:
    _guarded_fields = ("state", "amount")
    _guard_frozen_fields = ("name",)


class Extension(Base):
    _guarded_fields = ("owner_id",)
    _guard_frozen_fields = {"date": "_open_for_date"}


class Final(Extension):
    pass


def test_declarations_add_up_along_the_inheritance_chain():
    """Each addon extending a model adds its own guarded and frozen fields."""
    guarded = guard.collect_declarations(Final.__mro__, "_guarded_fields")
    frozen = guard.collect_declarations(Final.__mro__, "_guard_frozen_fields")
    assert set(guarded) == {"state", "amount", "owner_id"}
    assert frozen == {"name": None, "date": "_open_for_date"}


def test_guarded_fields_are_refused_on_write():
    assert guard.refused_guarded({"state": "done", "note": "x"}, {"state": None}) == ["state"]
    assert guard.refused_guarded({"note": "x"}, {"state": None}) == []


def test_create_may_only_leave_guarded_fields_at_their_default():
    guarded = {"state": None, "amount": None, "flag": None}
    defaults = {"state": "draft"}
    assert (
        guard.refused_on_create({"state": "draft", "amount": 0, "flag": False}, guarded, defaults)
        == []
    )
    assert guard.refused_on_create({"state": "approved"}, guarded, defaults) == ["state"]
    assert guard.refused_on_create({"amount": 88888.0}, guarded, defaults) == ["amount"]


def test_frozen_fields_are_grouped_by_the_predicate_that_opens_them():
    frozen = {"name": None, "date": "_open_for_date"}
    grouped = guard.frozen_by_predicate(["name", "date", "note"], frozen, "_open")
    assert grouped == {"_open": ["name"], "_open_for_date": ["date"]}


def test_all_fields_freezes_every_field_of_a_document_line():
    frozen = {guard.ALL_FIELDS: None, "note": "_open_note"}
    grouped = guard.frozen_by_predicate(["employee_id", "note"], frozen, "_open")
    assert grouped == {"_open": ["employee_id"], "_open_note": ["note"]}
