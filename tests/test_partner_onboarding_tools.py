# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Partner onboarding rules PO-1, PO-5, PO-7, PO-9, PO-10, PO-11, without a database."""

import datetime

import pytest
from conftest import load_tools

tools = load_tools("partner_onboarding")
admission, archive, grading = tools.admission, tools.archive, tools.grading
ranking, visits = tools.ranking, tools.visits
D = datetime.date
TODAY = D(2026, 11, 23)


def _line(ref, section, **extra):
    line = {
        "ref": ref,
        "section": section,
        "material": None,
        "verified": True,
        "documents": 1,
        "expires": False,
        "valid_until": None,
    }
    line.update(extra)
    return line


def _complete_lines():
    return [
        _line(1, "address"),
        _line(2, "staff"),
        _line(3, "equipment"),
        _line(4, "document", material=10, expires=True, valid_until=D(2027, 6, 30)),
    ]


FIELDS = {"name": "Hangzhou Build", "vat": "91330100MA2XXXXX", "inspection_date": TODAY}


# --- PO-1 admission application


def test_po1_complete_application_passes():
    """PO-1: main form, the three attachments (address, staff, equipment) and the required
    licence, all verified on site and documented: nothing is missing."""
    assert admission.missing_items(FIELDS, _complete_lines(), {10: "document"}, TODAY) == []
    assert admission.completeness(FIELDS, _complete_lines(), {10: "document"}, TODAY) == 1.0


def test_po1_anything_unclear_counts_as_not_qualified():
    """PO-1: an unverified line, a line without document, an empty section, a missing field or
    material each keep the application from passing."""
    lines = _complete_lines()
    lines[0]["verified"] = False
    lines[1]["documents"] = 0
    del lines[2]
    fields_values = dict(FIELDS, inspection_date=None)
    missing = admission.missing_items(fields_values, lines, {10: "document", 11: "staff"}, TODAY)
    assert missing == [
        ("field", "inspection_date"),
        ("section", "equipment"),
        ("material", 11),
        ("unclear", 1),
        ("document", 2),
    ]
    share = admission.completeness(fields_values, lines, {10: "document", 11: "staff"}, TODAY)
    assert 0 < share < 1


def test_po1_po10_expired_or_undated_materials_are_not_valid():
    """PO-1, PO-10: a dated material must carry its validity and still be valid today."""
    lines = _complete_lines()
    lines[3]["valid_until"] = D(2026, 11, 22)
    assert admission.missing_items(FIELDS, lines, {}, TODAY) == [("expired", 4)]
    lines[3]["valid_until"] = None
    assert admission.missing_items(FIELDS, lines, {}, TODAY) == [("no_validity", 4)]
    lines[3]["valid_until"] = TODAY
    assert admission.missing_items(FIELDS, lines, {}, TODAY) == []


def test_po10_key_partners_need_more_materials():
    """PO-10: key partners (A, B) need the materials required for key partners too."""
    materials = [(1, "document", "admission"), (2, "document", "key"), (3, "staff", "optional")]
    assert admission.required_materials(materials, key_partner=False) == {1: "document"}
    assert admission.required_materials(materials, key_partner=True) == {
        1: "document",
        2: "document",
    }


# --- PO-10 downgrade or block


GRADES = ("a", "b", "c", "d")
KEY = {"a", "b"}


@pytest.mark.parametrize(
    "grade, missing, policy, expected",
    [
        ("a", False, "downgrade", ("a", "ok")),
        ("a", True, "downgrade", ("c", "downgraded")),
        ("b", True, "block", (None, "blocked")),
        ("c", True, "block", ("c", "ok")),
        ("d", True, "downgrade", ("d", "ok")),
    ],
)
def test_po10_missing_material_downgrades_or_blocks(grade, missing, policy, expected):
    """PO-10: missing material of an A or B partner lowers the grade to C or blocks it."""
    assert grading.grade_after_materials_check(grade, GRADES, KEY, missing, policy) == expected


def test_po10_no_ordinary_grade_blocks():
    """PO-10: when every grade is a key grade, downgrading is impossible: block."""
    assert grading.grade_after_materials_check("a", ("a", "b"), KEY, True, "downgrade") == (
        None,
        "blocked",
    )
    with pytest.raises(ValueError):
        grading.grade_after_materials_check("a", GRADES, KEY, True, "ignore")


# --- PO-11 two approvals


def test_po11_two_parties_decide_together():
    """PO-11: the central office and the market development department each approve once,
    by two different people; the change applies when both did."""
    assert grading.approval_error("central", 7, None, None) is None
    assert not grading.is_decided(7, None)
    assert grading.approval_error("market", 7, 7, None) == "same_person"
    assert grading.approval_error("central", 8, 7, None) == "already_approved"
    assert grading.approval_error("market", 8, 7, None) is None
    assert grading.approval_error("market", 8, 7, None, proposer_id=8) == "own_proposal"
    assert grading.approval_error("central", 8, None, None, proposer_id=9) is None
    assert grading.is_decided(7, 8)
    with pytest.raises(ValueError):
        grading.approval_error("sales", 8, None, None)


# --- PO-5 visits


POLICY = visits.VisitPolicy(
    frequencies={"a": (1, 3), "b": (2, 4), "c": (3, 6), "d": (6, 12)},
    other_region_cap=6,
    senior_months=12,
    senior_grades=frozenset({"a"}),
    senior_chosen_grades=frozenset({"b"}),
    project_window_days=60,
    project_interval_days=14,
)


def test_po5_interval_by_grade_and_region():
    """PO-5: each grade has its interval; other regions are relaxed but capped at 6 months."""
    assert visits.regular_interval(POLICY, "a", False) == 1
    assert visits.regular_interval(POLICY, "a", True) == 3
    assert visits.regular_interval(POLICY, "d", False) == 6
    assert visits.regular_interval(POLICY, "d", True) == 6  # 12 configured, capped at 6


def test_po5_due_dates_from_the_last_visit():
    """PO-5: the next visit counts from the last visit, or from admission; month ends clip."""
    due = visits.due_dates(
        POLICY, "c", other_region=False, senior_chosen=False, since=D(2026, 1, 31), today=TODAY
    )
    assert due == {"regular": D(2026, 4, 30)}
    due = visits.due_dates(
        POLICY,
        "b",
        other_region=False,
        senior_chosen=False,
        since=D(2025, 1, 1),
        last_visit=D(2026, 10, 31),
        today=TODAY,
    )
    assert due == {"regular": D(2026, 12, 31)}


def test_po5_senior_management_visits_a_and_chosen_b_yearly():
    """PO-5: senior management visits every A partner and the chosen B partners yearly."""
    kwargs = {"other_region": False, "since": D(2026, 3, 1), "today": TODAY}
    assert visits.due_dates(POLICY, "a", senior_chosen=False, **kwargs)["senior"] == D(2027, 3, 1)
    assert "senior" not in visits.due_dates(POLICY, "b", senior_chosen=False, **kwargs)
    due = visits.due_dates(
        POLICY, "b", senior_chosen=True, last_senior_visit=D(2026, 5, 4), **kwargs
    )
    assert due["senior"] == D(2027, 5, 4)
    assert "senior" not in visits.due_dates(POLICY, "c", senior_chosen=True, **kwargs)


def test_po5_more_visits_when_a_project_is_near():
    """PO-5: a joint-venture project closing within the window brings the visit forward;
    a project far away or already past does not."""
    kwargs = {
        "other_region": False,
        "senior_chosen": False,
        "since": D(2026, 1, 1),
        "last_visit": D(2026, 11, 20),
        "today": TODAY,
    }
    assert visits.due_dates(POLICY, "d", **kwargs)["regular"] == D(2027, 5, 20)
    near = visits.due_dates(POLICY, "d", project_date=D(2027, 1, 10), **kwargs)
    assert near["regular"] == D(2026, 12, 4)
    far = visits.due_dates(POLICY, "d", project_date=D(2027, 3, 1), **kwargs)
    assert far["regular"] == D(2027, 5, 20)
    past = visits.due_dates(POLICY, "d", project_date=D(2026, 11, 1), **kwargs)
    assert past["regular"] == D(2027, 5, 20)


def test_po5_overdue():
    """PO-5: a planned visit is overdue the day after its deadline."""
    assert not visits.is_overdue(TODAY, TODAY)
    assert visits.is_overdue(TODAY - datetime.timedelta(days=1), TODAY)


# --- PO-7 half-yearly snapshots


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (D(2026, 11, 23), 6, (D(2026, 7, 1), D(2026, 12, 31))),
        (D(2026, 6, 30), 6, (D(2026, 1, 1), D(2026, 6, 30))),
        (D(2026, 5, 2), 3, (D(2026, 4, 1), D(2026, 6, 30))),
        (D(2026, 2, 28), 12, (D(2026, 1, 1), D(2026, 12, 31))),
    ],
)
def test_po7_periods(day, months, expected):
    """PO-7: the year is cut in half years (or other configured periods)."""
    assert archive.period_of(day, months) == expected


def test_po7_labels_and_bad_periods():
    """PO-7: snapshots are labelled by period; periods must divide the year."""
    assert archive.period_label(D(2026, 7, 1), 6) == "2026-H2"
    assert archive.period_label(D(2026, 4, 1), 3) == "2026-Q2"
    assert archive.period_label(D(2026, 1, 1), 12) == "2026"
    assert archive.period_label(D(2026, 9, 1), 2) == "2026-P5"
    with pytest.raises(ValueError):
        archive.period_of(TODAY, 5)


def test_po7_a_and_b_files_are_snapshotted_once_per_half_year():
    """PO-7: once a half year is over, A and B files get one snapshot for it; C and D none."""
    archived = {"a", "b"}
    due = archive.snapshot_due("a", archived, D(2026, 7, 1), 6)
    assert due == (D(2026, 1, 1), D(2026, 6, 30))
    assert archive.snapshot_due("b", archived, D(2026, 7, 1), 6, D(2026, 6, 30)) is None
    assert archive.snapshot_due("b", archived, D(2027, 1, 2), 6, D(2026, 6, 30)) == (
        D(2026, 7, 1),
        D(2026, 12, 31),
    )
    assert archive.snapshot_due("c", archived, D(2026, 7, 1), 6) is None
    assert archive.snapshot_due("d", archived, D(2026, 7, 1), 6) is None


# --- PO-9 ranking


def test_po9_score_weighs_form_file_and_record():
    """PO-9: the score mixes the completeness of the application and of the file with the past
    year's ratings, by the configured weights."""
    assert ranking.score(1.0, 1.0, [5, 5, 5], (30, 30, 40)) == 100.0
    assert ranking.score(0.5, 1.0, [5, 5, 5], (30, 30, 40)) == 85.0
    assert ranking.score(1.0, 0.0, [0, 0, 0], (30, 30, 40)) == 30.0
    assert ranking.score(1.0, 1.0, [], (1, 1, 0)) == 100.0
    with pytest.raises(ValueError):
        ranking.score(1.0, 1.0, [], (0, 0, 0))
    assert ranking.filled_share(["x", "", None, "y"]) == 0.5
    assert ranking.filled_share([]) == 0.0


def test_po9_competition_ranking():
    """PO-9: partners are ranked by score; ties share a rank."""
    assert ranking.rank({"p": 80.0, "q": 95.0, "r": 80.0, "s": 10.0}) == {
        "q": 1,
        "p": 2,
        "r": 2,
        "s": 4,
    }
    assert ranking.rank({}) == {}


def test_po9_preferred_needs_top_rank_and_an_outstanding_year():
    """PO-9: only top-ranked partners outstanding in contracts, safety and quality and
    cooperation over the past year can get fee discounts and priority service."""
    assert ranking.preferred_error(3, 10, [5, 4, 4], 4) is None
    assert ranking.preferred_error(11, 10, [5, 5, 5], 4) == "not_top"
    assert ranking.preferred_error(0, 10, [5, 5, 5], 4) == "not_top"
    assert ranking.preferred_error(1, 10, [5, 3, 5], 4) == "not_outstanding"
    assert not ranking.is_outstanding([], 4)
