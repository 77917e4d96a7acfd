# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..tools import visits


class ResCompany(models.Model):
    _inherit = "res.company"

    onboarding_reviewer_id = fields.Many2one(
        "res.users",
        string="Central Office Reviewer",
        help="PO-3: receives an activity for every submitted admission application.",
    )
    onboarding_senior_user_id = fields.Many2one(
        "res.users",
        string="Senior Management Visitor",
        help="PO-5: senior visits are planned for this person; without one, for the partner's "
        "responsible.",
    )
    onboarding_incomplete_policy = fields.Selection(
        [("downgrade", "Downgrade to the best ordinary grade"), ("block", "Block the grade")],
        string="Key Partner Without Complete Materials",
        default="downgrade",
        required=True,
        help="PO-10: an A or B grade needs complete, true and valid materials; otherwise it is "
        "lowered (to C by default) or refused.",
    )
    onboarding_other_region_months = fields.Integer(
        string="Other Regions: Visit at Least Every (months)",
        default=6,
        help="PO-5: cap on the visit interval of partners in other regions.",
    )
    onboarding_senior_visit_months = fields.Integer(
        string="Senior Management Visits Every (months)",
        default=12,
        help="PO-5: senior management visits A and chosen B partners at least this often.",
    )
    onboarding_project_window_days = fields.Integer(
        string="Project Near Within (days)",
        default=60,
        help="PO-5: an open joint-venture opportunity expected to close within this many days "
        "makes visits more frequent.",
    )
    onboarding_project_visit_days = fields.Integer(
        string="Visit Every (days) Near a Project",
        default=14,
        help="PO-5: interval of visits while a project with the partner is near.",
    )
    onboarding_snapshot_months = fields.Integer(
        string="Archive Files Every (months)",
        default=6,
        help="PO-7: period of file snapshots of archived grades (A and B); a divisor of 12.",
    )
    onboarding_preferred_top = fields.Integer(
        string="Preferred: Top of the Ranking",
        default=10,
        help="PO-9: only partners ranked this high may be marked preferred.",
    )
    onboarding_outstanding_rating = fields.Integer(
        string="Preferred: Minimum Rating",
        default=4,
        help="PO-9: past year's contract, safety and quality, and cooperation ratings (0 to 5) "
        "must all reach this value.",
    )
    onboarding_weight_form = fields.Integer(
        string="Ranking Weight: Application", default=30, help="PO-9"
    )
    onboarding_weight_file = fields.Integer(string="Ranking Weight: File", default=30, help="PO-9")
    onboarding_weight_record = fields.Integer(
        string="Ranking Weight: Past Year", default=40, help="PO-9"
    )

    # Checked by incentive_ledger's res.company._check_suite_ranges.
    _suite_ranges = {
        "onboarding_other_region_months": (1, None),
        "onboarding_senior_visit_months": (1, None),
        "onboarding_project_window_days": (0, None),
        "onboarding_project_visit_days": (1, None),
        "onboarding_preferred_top": (1, None),
        "onboarding_outstanding_rating": (0, 5),
        "onboarding_weight_form": (0, None),
        "onboarding_weight_file": (0, None),
        "onboarding_weight_record": (0, None),
    }
    _onboarding_snapshot_period = models.Constraint(
        "CHECK(onboarding_snapshot_months IN (1, 2, 3, 4, 6, 12))",
        "The archive period must be a divisor of 12 months.",
    )

    def _onboarding_visit_policy(self):
        """The visit configuration of the company as the pure rules take it (PO-5)."""
        self.ensure_one()
        grades = self.env["partner.onboarding.grade"]._policies()
        return visits.VisitPolicy(
            frequencies={
                code: (grade.visit_months, grade.other_region_visit_months)
                for code, grade in grades.items()
            },
            other_region_cap=self.onboarding_other_region_months,
            senior_months=self.onboarding_senior_visit_months,
            senior_grades=frozenset(c for c, g in grades.items() if g.senior_visit == "all"),
            senior_chosen_grades=frozenset(
                c for c, g in grades.items() if g.senior_visit == "chosen"
            ),
            project_window_days=self.onboarding_project_window_days,
            project_interval_days=self.onboarding_project_visit_days,
        )
