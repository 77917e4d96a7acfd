# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Follow-up sheets, appointments and the LP-22 calendar, without Odoo."""

from datetime import date

import pytest
from conftest import load_tools

tools = load_tools("lead_protection")
sheets = tools.sheets
claims = tools.claims


def test_lp19_completeness_is_the_share_of_evidence_filled():
    """LP-19: completeness counts a positive amount, a date and a non-blank text."""
    assert sheets.completeness({}) == 0.0
    assert sheets.completeness({"expected_revenue": 1000.0, "contact_feedback": "  "}) == 25.0
    assert (
        sheets.completeness(
            {
                "expected_revenue": 1000.0,
                "expected_unit_price": 50.0,
                "expected_signing_date": date(2026, 12, 1),
                "contact_feedback": "Called, visit on Friday",
            }
        )
        == 100.0
    )
    assert sheets.completeness({"expected_revenue": 0.0, "expected_unit_price": False}) == 0.0
    assert sheets.completeness({"a": 1}, fields=()) == 0.0


@pytest.mark.parametrize(
    ("raw", "parts"),
    [
        ("138****5678", ("138", "5678")),
        ("138 **** 5678", ("138", "5678")),
        ("１３８＊＊＊＊５６７８", ("138", "5678")),
        ("+86138xxxx5678", ("138", "5678")),
        ("13812345678", None),
        ("138***5678", None),
        ("138*****678", None),
        ("", None),
        (None, None),
        (13812345678, None),
    ],
)
def test_lp24_masked_parts(raw, parts):
    """LP-24: only the middle four digits may be left out."""
    assert sheets.masked_parts(raw) == parts


def test_lp24_masked_number_matches_only_its_full_number():
    """LP-24: a masked number is matched against the sheet's complete number."""
    parts = ("138", "5678")
    assert sheets.masked_matches(parts, "+8613812345678")
    assert not sheets.masked_matches(parts, "+8613912345678")
    assert not sheets.masked_matches(parts, "+8613812345679")
    assert not sheets.masked_matches(parts, "+86138123")
    assert not sheets.masked_matches(None, "+8613812345678")
    assert not sheets.masked_matches(parts, False)


def test_lp19_valid_on_day_bounds():
    """LP-3, LP-19: a sheet is valid from its day through its last day, both included."""
    assert sheets.valid_on(date(2026, 1, 31), date(2026, 2, 28), date(2026, 2, 28))
    assert sheets.valid_on(date(2026, 1, 31), date(2026, 2, 28), date(2026, 1, 31))
    assert not sheets.valid_on(date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 1))
    assert not sheets.valid_on(date(2026, 1, 31), date(2026, 2, 28), date(2026, 1, 30))


def test_lp20_sheet_precedence():
    """LP-20: earlier sheet wins; same day half each unless that day's appointments
    show who was first."""
    day, next_day = date(2026, 11, 2), date(2026, 11, 3)
    assert sheets.sheet_precedence(day, next_day) == sheets.OWNER
    assert sheets.sheet_precedence(next_day, day) == sheets.CHALLENGER
    assert sheets.sheet_precedence(day, day) == sheets.SPLIT
    assert (
        sheets.sheet_precedence(day, day, [(sheets.OWNER, 12), (sheets.CHALLENGER, 9)])
        == sheets.CHALLENGER
    )
    assert sheets.sheet_precedence(day, day, [(sheets.OWNER, 8)]) == sheets.OWNER
    assert sheets.sheet_precedence(day, day, [("stranger", 1)]) == sheets.SPLIT
    assert sheets.new_sheet_is_invalid(day, next_day)
    assert not sheets.new_sheet_is_invalid(day, day)


def test_lp24_signable_only_on_its_day():
    """LP-24: an appointment protects only its day; it is signed that day."""
    assert sheets.signable_on(date(2026, 11, 30), date(2026, 11, 30))
    assert not sheets.signable_on(date(2026, 11, 30), date(2026, 12, 1))


def test_lp22_appointment_calendar():
    """LP-22: same day full, within 7 days half each, later refused; month closing."""
    sale = date(2026, 11, 2)
    assert claims.appointment_claim_outcome(sale, sale) == claims.FULL
    assert claims.appointment_claim_outcome(sale, date(2026, 11, 3)) == claims.HALF
    assert claims.appointment_claim_outcome(sale, date(2026, 11, 9)) == claims.HALF
    assert claims.appointment_claim_outcome(sale, date(2026, 11, 10)) == claims.REFUSED_LATE
    assert claims.appointment_claim_outcome(sale, date(2026, 11, 5), 3, 5) == claims.FULL
    assert (
        claims.appointment_claim_outcome(date(2026, 11, 27), date(2026, 12, 1))
        == claims.REFUSED_OTHER_MONTH
    )
    assert (
        claims.appointment_claim_outcome(date(2026, 11, 26), date(2026, 11, 28))
        == claims.REFUSED_MONTH_END
    )
    with pytest.raises(ValueError):
        claims.appointment_claim_outcome(sale, date(2026, 11, 1))
    assert claims.month_closed(sale, date(2026, 11, 20)) is None
