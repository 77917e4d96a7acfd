# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Service scorecard rules SC-1 .. SC-7, without a database."""

import datetime

import pytest
from conftest import load_tools

tools = load_tools("service_scorecard")
scoring, payout, periods = tools.scoring, tools.payout, tools.periods
probation, ranking = tools.probation, tools.ranking
D = datetime.date
GRADES = [("E", 0), ("C", 95), ("A", 110), ("D", 90), ("B", 100)]
BONUS = {"A": 2500, "B": 2000, "C": 1500, "D": 1000, "E": 0}
REWARD = {"A": 200, "B": 100, "C": 0, "D": -100, "E": -200}


# --- SC-1 events


def test_sc1_month_starts_at_base_and_adds_events():
    """SC-1: 100, +3 per user won, -2 per user lost, -3 per complaint, +3 per praise."""
    points = [
        scoring.event_points(3, quantity=2),
        scoring.event_points(-2),
        scoring.event_points(-3),
        scoring.event_points(3),
        scoring.event_points(-5),
    ]
    assert points == [6, -2, -3, 3, -5]
    assert scoring.monthly_score(100, points) == 99
    assert scoring.monthly_score(100, []) == 100


@pytest.mark.parametrize("rate, points", [(95.0, 5), (99.5, 5), (94.9, 0), (None, 0)])
def test_sc1_survey_counts_from_95_percent(rate, points):
    """SC-1: +5 only when the quarterly satisfaction survey reaches 95 %."""
    assert scoring.event_points(5, survey_rate=rate, survey_threshold=95.0) == points


@pytest.mark.parametrize(
    "points, total, verdict",
    [(1, 0, None), (3, 0, None), (-3, 0, None), (0, 0, "range"), (4, 0, "range"),
     (-4, 0, "range"), (2, 2, "limit"), (-2, 2, None), (-3, -1, "limit")],
)  # fmt: skip
def test_sc1_supervisor_adjustment_1_to_3_points_per_quarter(points, total, verdict):
    """SC-1: supervisors add or remove 1 to 3 points, 3 at most per quarter either way."""
    assert scoring.check_adjustment(points, 1, 3, total, 3) == verdict


# --- SC-2 grades


@pytest.mark.parametrize(
    "score, grade",
    [(130, "A"), (110, "A"), (109, "B"), (100, "B"), (99, "C"), (95, "C"), (94, "D"),
     (90, "D"), (89, "E"), (0, "E"), (-12, "E")],
)  # fmt: skip
def test_sc2_grade_thresholds(score, grade):
    """SC-2: A from 110, B 100-109, C 95-99, D 90-94, E below 90."""
    assert scoring.grade_for(score, GRADES) == grade


def test_sc2_fraud_makes_the_month_e():
    """SC-2: proven fraud makes the month E, and the month counts as E in its quarter."""
    assert scoring.grade_for(120, GRADES, fraud=True) == "E"
    assert scoring.effective_score(120, GRADES, fraud=True) == 89
    assert scoring.effective_score(80, GRADES, fraud=True) == 80
    assert scoring.effective_score(120, GRADES) == 120
    assert scoring.grade_for(100, []) is None


def test_sc2_quarter_is_the_mean_of_its_months():
    """SC-2: the quarterly score is the mean of its three months (plus quarter events)."""
    assert scoring.quarterly_score([110, 100, 95]) == 101.67
    assert scoring.grade_for(scoring.quarterly_score([110, 110, 109]), GRADES) == "B"
    assert scoring.quarterly_score([100, 100, 100], quarter_points=5) == 105
    assert scoring.quarterly_score([]) is None


# --- SC-3, SC-4 money by grade


@pytest.mark.parametrize("grade, amount", sorted(BONUS.items()))
def test_sc3_quarterly_bonus_by_grade(grade, amount):
    """SC-3: A 2,500; B 2,000; C 1,500; D 1,000; E 0."""
    assert payout.amount_by_grade(grade, BONUS) == amount


def test_sc4_monthly_reward_by_grade_and_year_sum():
    """SC-4: A +200 .. E -200 per month; the year's sum is paid with the year-end bonus."""
    year = ["A", "B", "C", "D", "E", "B", "B", "A", "C", "C", "D", "B"]
    assert sum(payout.amount_by_grade(grade, REWARD) for grade in year) == 400
    assert payout.amount_by_grade(None, REWARD) == 0
    assert payout.year_end_date(2026, 12) == D(2026, 12, 31)
    assert payout.year_end_date(2026, 2) == D(2027, 2, 28)
    with pytest.raises(ValueError):
        payout.year_end_date(2026, 13)


# --- SC-5 quarterly payout


@pytest.mark.parametrize(
    "quality, revenue, applied, total",
    [
        (2000, 0, 0, 2000),
        (2000, 800, 800, 2800),
        (2000, 9000, 9000, 11000),  # rewards are uncapped
        (2000, -500, -500, 1500),
        (2000, -2500, -2000, 0),  # a penalty never exceeds the bonus total
        (0, -300, 0, 0),
        (0, 300, 300, 300),
    ],
)
def test_sc5_penalty_capped_reward_uncapped(quality, revenue, applied, total):
    """SC-5: quality bonus + revenue bonus or penalty; the penalty is capped at the bonus."""
    assert payout.quarterly_payout(quality, revenue) == (applied, total)


# --- SC-6 ranking


def test_sc6_ranking_and_best_manager():
    """SC-6: managers ranked by score and by revenue; ties share the rank and the praise."""
    assert ranking.rank({"li": 105, "liu": 110, "chen": 105, "wang": 90}) == {
        "liu": 1,
        "li": 2,
        "chen": 2,
        "wang": 4,
    }
    assert ranking.best({"li": 105, "liu": 110}) == ["liu"]
    assert ranking.best({"li": 5000, "liu": 5000, "chen": 100}) == ["li", "liu"]
    assert ranking.best({"li": 0, "liu": 0}) == []
    assert ranking.best({}) == []


# --- SC-7 probation


def test_sc7_two_consecutive_e_quarters_mean_probation():
    """SC-7: two E quarters in a row propose probation; with a gap they do not."""
    q = periods.quarter_index
    decide = probation.probation_decision
    assert decide([(q(D(2026, 1, 1)), "E")], "E", False) == probation.NONE
    assert decide([(q(D(2025, 12, 1)), "E"), (q(D(2026, 1, 1)), "E")], "E", False) == "probation"
    assert decide([(q(D(2025, 7, 1)), "E"), (q(D(2026, 1, 1)), "E")], "E", False) == "none"
    assert decide([(q(D(2025, 12, 1)), "D"), (q(D(2026, 1, 1)), "E")], "E", False) == "none"
    assert decide([], "E", False) == "none"


def test_sc7_e_quarter_on_probation_means_dismissal():
    """SC-7: another E quarter on probation proposes dismissal; a better one ends probation."""
    decide = probation.probation_decision
    assert decide([(1, "E"), (2, "E"), (3, "E")], "E", True) == probation.DISMISSAL
    assert decide([(1, "E"), (2, "E"), (3, "C")], "E", True) == probation.END_PROBATION
    assert decide([(1, "E"), (2, "E"), (3, "E")], "E", False, consecutive=3) == "probation"


# --- periods


def test_periods():
    """Months and quarters, and when the scheduled job closes them."""
    assert periods.period_bounds("month", D(2026, 2, 14)) == (D(2026, 2, 1), D(2026, 2, 28))
    assert periods.period_bounds("quarter", D(2026, 11, 3)) == (D(2026, 10, 1), D(2026, 12, 31))
    assert periods.period_name("month", D(2026, 2, 14)) == "2026-02"
    assert periods.period_name("quarter", D(2026, 11, 3)) == "2026-Q4"
    assert periods.quarter_index(D(2027, 1, 1)) - periods.quarter_index(D(2026, 12, 31)) == 1
    assert periods.due_for_closing(D(2026, 1, 31), D(2026, 2, 6), 5)
    assert not periods.due_for_closing(D(2026, 1, 31), D(2026, 2, 5), 5)
    with pytest.raises(ValueError):
        periods.period_bounds("year", D(2026, 1, 1))
