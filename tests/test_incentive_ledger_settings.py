# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Ranges of the company's rule settings (incentive_ledger/tools/settings.py)."""

import pytest
from conftest import load_tools

settings = load_tools("incentive_ledger").settings


class Base:
    _suite_ranges = {"percent": (0.0, 100.0)}


class AddonA(Base):
    _suite_ranges = {"days": (0, None)}


class AddonB(AddonA):
    _suite_ranges = {"month": (1, 12)}


def test_ranges_of_every_addon_add_up():
    """Each addon extending res.company adds its ranges; none hides another's."""
    ranges = settings.collect_ranges(AddonB.__mro__)
    assert ranges == {"percent": (0.0, 100.0), "days": (0, None), "month": (1, 12)}


def test_bounds_are_inclusive_and_none_is_open():
    assert not settings.out_of_range(0, 0, 100)
    assert not settings.out_of_range(100, 0, 100)
    assert settings.out_of_range(-1, 0, None)
    assert not settings.out_of_range(10**9, 0, None)
    assert settings.out_of_range(13, None, 12)
    assert settings.out_of_range(0.5, 1, 12)


def test_violations_in_declaration_order():
    ranges = settings.collect_ranges(AddonB.__mro__)
    values = {"month": 0, "percent": 101.0, "days": 3}
    assert settings.violations(values, ranges) == ["percent", "month"]
    assert settings.violations({"days": False}, ranges) == []


def test_wrong_declarations_are_refused():
    class Wrong:
        _suite_ranges = {"days": 0}

    class Reversed:
        _suite_ranges = {"days": (5, 1)}

    with pytest.raises(TypeError):
        settings.collect_ranges(Wrong.__mro__)
    with pytest.raises(ValueError):
        settings.collect_ranges(Reversed.__mro__)
