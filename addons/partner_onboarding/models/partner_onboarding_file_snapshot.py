# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .partner_onboarding_grade import GRADE_GROUPS, GRADES


class PartnerOnboardingFileSnapshot(models.Model):
    """An immutable archived copy of a partner file, with its date (PO-7)."""

    _name = "partner.onboarding.file.snapshot"
    _description = "Partner File Snapshot"
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Period", required=True, readonly=True)
    file_id = fields.Many2one(
        "partner.onboarding.file", required=True, index=True, ondelete="restrict", readonly=True
    )
    partner_id = fields.Many2one(related="file_id.partner_id", store=True, index=True)
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    kind = fields.Selection(
        [("half_year", "Periodic"), ("extra", "Extra")], required=True, readonly=True
    )
    date = fields.Date(required=True, readonly=True)
    period_start = fields.Date(readonly=True)
    period_end = fields.Date(readonly=True)
    grade = fields.Selection(GRADES, readonly=True, groups=GRADE_GROUPS)
    contracting_region = fields.Char(readonly=True)
    background = fields.Text(string="Background and Connections", readonly=True)
    past_performance = fields.Text(readonly=True)
    cooperation_behaviour = fields.Text(string="Cooperation with Us", readonly=True)
    post_completion_evaluation = fields.Text(readonly=True)
    credit_standing = fields.Selection(
        [("excellent", "Excellent"), ("good", "Good"), ("fair", "Fair"), ("poor", "Poor")],
        readonly=True,
    )
    next_moves = fields.Text(string="Partner's Next Moves", readonly=True)
    contract_rating = fields.Integer(string="Contract Performance", readonly=True)
    safety_quality_rating = fields.Integer(string="Safety and Quality", readonly=True)
    cooperation_rating = fields.Integer(string="Cooperation", readonly=True)
    ranking_score = fields.Float(readonly=True)

    _one_per_period = models.UniqueIndex(
        "(file_id, period_start) WHERE kind = 'half_year'",
        "The file is already archived for this period.",
    )

    def write(self, vals):  # pylint: disable=method-required-super
        # An archived copy never changes (PO-7), whoever asks: no super() on purpose.
        raise UserError(self.env._("An archived file is immutable (PO-7)."))

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("An archived file is immutable (PO-7)."))
