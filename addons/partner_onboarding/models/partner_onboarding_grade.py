# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

GRADES = [("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")]
GRADE_GROUPS = "partner_onboarding.group_partner_onboarding_user"


class PartnerOnboardingGrade(models.Model):
    """What a grade means: visit frequency (PO-5), half-yearly archive (PO-7) and whether its
    partners are key partners whose materials must be complete (PO-10)."""

    _name = "partner.onboarding.grade"
    _description = "Partner Grade Policy"
    _order = "code"

    code = fields.Selection(GRADES, string="Grade", required=True)
    name = fields.Char(compute="_compute_name")
    visit_months = fields.Integer(
        string="Visit Every (months)",
        required=True,
        default=3,
        help="PO-5: months between two visits of a partner of this grade in the company's own "
        "region.",
    )
    other_region_visit_months = fields.Integer(
        string="Other Regions: Visit Every (months)",
        required=True,
        default=6,
        help="PO-5: relaxed interval for partners in other regions; never longer than the "
        "company's other-region cap (6 months by default).",
    )
    senior_visit = fields.Selection(
        [("all", "Every Partner"), ("chosen", "Chosen Partners"), ("none", "None")],
        string="Senior Management Visits",
        required=True,
        default="none",
        help="PO-5: senior management visits every partner of this grade, or only the partners "
        "marked for it, at least once per senior visit interval (a year by default).",
    )
    archived = fields.Boolean(
        string="Half-yearly Archive",
        help="PO-7: the files of partners of this grade are snapshotted every period (half "
        "year); the others are only kept current.",
    )
    key_partner = fields.Boolean(
        help="PO-10: partners of this grade are key partners: their materials must be "
        "complete, true and valid, including those required for key partners.",
    )

    _code_unique = models.UniqueIndex("(code)", "Each grade has one policy.")
    _visit_months_positive = models.Constraint(
        "CHECK(visit_months > 0 AND other_region_visit_months > 0)",
        "Visit intervals are at least one month.",
    )

    @api.depends("code")
    def _compute_name(self):
        labels = dict(GRADES)
        for grade in self:
            grade.name = labels.get(grade.code, "")

    @api.model
    def _policies(self):
        """All grade policies by code (sudo: users without the configuration read them)."""
        return {grade.code: grade for grade in self.sudo().search([])}

    @api.model
    def _codes_in_order(self):
        return [code for code, _label in GRADES]
