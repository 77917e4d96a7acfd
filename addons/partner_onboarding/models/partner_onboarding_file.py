# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

import psycopg2.errors

from odoo import api, fields, models
from odoo.exceptions import ConcurrencyError, UserError, ValidationError
from odoo.tools import split_every

from ..tools import archive, ranking
from .partner_onboarding_grade import GRADE_GROUPS

# PO-8: the sections of a partner file; a snapshot copies them.
FILE_SECTIONS = (
    "contracting_region",
    "background",
    "past_performance",
    "cooperation_behaviour",
    "post_completion_evaluation",
    "credit_standing",
)
RATINGS = ("contract_rating", "safety_quality_rating", "cooperation_rating")


class PartnerOnboardingFile(models.Model):
    """The file of a joint-venture partner (PO-7, PO-8), kept by the central office and updated
    at once; files of archived grades (A, B) are snapshotted every half year."""

    _name = "partner.onboarding.file"
    _description = "Partner File"
    _inherit = ["mail.thread", "mail.activity.mixin", "incentive.guard.mixin"]
    _order = "ranking, id"
    _rec_name = "partner_id"
    _check_company_auto = True

    # Set by the visits (PO-6), the ranking (PO-9) and the preferred-partner decision only.
    _guarded_fields = (
        "partner_id",
        "company_id",
        "last_visit_date",
        "form_completeness",
        "ranking_score",
        "ranking",
        "preferred",
    )

    partner_id = fields.Many2one("res.partner", required=True, index=True, ondelete="restrict")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    grade = fields.Selection(
        related="partner_id.onboarding_grade", string="Internal Grade", groups=GRADE_GROUPS
    )
    user_id = fields.Many2one(related="partner_id.onboarding_user_id", string="Responsible")

    # --- PO-8 sections, tracked so that every update is dated
    contracting_region = fields.Char(tracking=True, help="Where the partner takes on works.")
    background = fields.Text(string="Background and Connections", tracking=True)
    past_performance = fields.Text(tracking=True)
    cooperation_behaviour = fields.Text(
        string="Cooperation with Us", tracking=True, help="How the partner behaves in our projects."
    )
    post_completion_evaluation = fields.Text(tracking=True)
    credit_standing = fields.Selection(
        [("excellent", "Excellent"), ("good", "Good"), ("fair", "Fair"), ("poor", "Poor")],
        tracking=True,
    )
    credit_note = fields.Text(string="Credit Notes")

    # --- Visits (PO-6)
    last_visit_date = fields.Date(readonly=True)
    next_moves = fields.Text(
        string="Partner's Next Moves", tracking=True, help="PO-6: recorded by the last visit."
    )

    # --- Past year's record and ranking (PO-9)
    contract_rating = fields.Integer(
        string="Contract Performance", default=0, tracking=True, help="Past year, 0 to 5."
    )
    safety_quality_rating = fields.Integer(
        string="Safety and Quality", default=0, tracking=True, help="Past year, 0 to 5."
    )
    cooperation_rating = fields.Integer(
        string="Cooperation", default=0, tracking=True, help="Past year, 0 to 5."
    )
    file_completeness = fields.Float(
        compute="_compute_file_completeness", store=True, help="Share of the PO-8 sections filled."
    )
    form_completeness = fields.Float(
        string="Application Completeness", readonly=True, help="Computed when ranking."
    )
    ranking_score = fields.Float(readonly=True)
    ranking = fields.Integer(readonly=True, help="PO-9: 1 is the best partner.")
    preferred = fields.Boolean(
        readonly=True,
        tracking=True,
        help="PO-9: fee discounts and priority service for top partners with an outstanding "
        "past year.",
    )
    snapshot_ids = fields.One2many("partner.onboarding.file.snapshot", "file_id", readonly=True)
    snapshot_count = fields.Integer(compute="_compute_snapshot_count")

    _partner_unique = models.UniqueIndex("(partner_id)", "A partner has one file.")
    _ratings_range = models.Constraint(
        "CHECK(contract_rating BETWEEN 0 AND 5 AND safety_quality_rating BETWEEN 0 AND 5 "
        "AND cooperation_rating BETWEEN 0 AND 5)",
        "Ratings go from 0 to 5.",
    )

    @api.model
    def _onboarding_create_unique(self, vals_list, model=None):
        """Create on a search-then-create path (a partner's file, a period's snapshot): when
        another worker created the same record after our snapshot, the request is retried and
        then finds it, instead of failing on the unique index."""
        model = (model if model is not None else self).sudo()
        try:
            with self.env.cr.savepoint():
                return model.create(vals_list)
        except psycopg2.errors.UniqueViolation as error:
            raise ConcurrencyError(f"{model._name} created concurrently, retrying") from error

    @api.constrains(*RATINGS)
    def _check_ratings(self):
        """PO-9: ratings go from 0 to 5 (checked here for a readable message; the database
        constraint holds too)."""
        for file in self:
            if any(not 0 <= file[name] <= 5 for name in RATINGS):
                raise ValidationError(
                    self.env._(
                        "%(partner)s: contract performance, safety and quality and "
                        "cooperation are rated from 0 to 5 (PO-9).",
                        partner=file.partner_id.display_name,
                    )
                )

    @api.depends(*FILE_SECTIONS)
    def _compute_file_completeness(self):
        for file in self:
            file.file_completeness = ranking.filled_share(file[name] for name in FILE_SECTIONS)

    @api.depends("snapshot_ids")
    def _compute_snapshot_count(self):
        for file in self:
            file.snapshot_count = len(file.snapshot_ids)

    # --- Snapshots (PO-7)

    def _snapshot_vals(self, kind, period=None):
        """Values of an immutable copy of the file as it stands."""
        self.ensure_one()
        vals = {name: self[name] for name in FILE_SECTIONS + RATINGS}
        vals.update(
            {
                "file_id": self.id,
                "company_id": self.company_id.id,
                "kind": kind,
                "date": self._suite_today(),
                "grade": self.sudo().partner_id.onboarding_grade,
                "next_moves": self.next_moves,
                "ranking_score": self.ranking_score,
            }
        )
        if period:
            months = self.company_id.onboarding_snapshot_months
            vals.update(
                {
                    "period_start": period[0],
                    "period_end": period[1],
                    "name": archive.period_label(period[0], months),
                }
            )
        return vals

    def _onboarding_check_central(self):
        """Actions of the central office, on files it may change (its companies)."""
        if not self.env.user.has_group("partner_onboarding.group_partner_onboarding_manager"):
            raise UserError(self.env._("Only the central office keeps the partner files (PO-7)."))
        self.check_access("write")

    def _guard_hint(self):
        return self.env._(
            "Visits (PO-6), the ranking (PO-9) and the central office's preferred-partner "
            "decision set these fields."
        )

    def action_snapshot(self):
        """An extra archived copy, for special occasions (PO-7)."""
        self._onboarding_check_central()
        snapshots = (
            self.env["partner.onboarding.file.snapshot"]
            .sudo()
            .create([file._snapshot_vals("extra") | {"name": self.env._("Extra")} for file in self])
        )
        return snapshots

    @api.model
    def _cron_snapshot(self, batch_size=500):
        """PO-7: archive the files of archived grades once per closed period."""
        today = self._suite_today()
        archived = {
            code
            for code, policy in self.env["partner.onboarding.grade"]._policies().items()
            if policy.archived
        }
        files = self.sudo().search([("partner_id.onboarding_grade", "in", list(archived))])
        if not files:
            return
        Snapshot = self.env["partner.onboarding.file.snapshot"].sudo()
        last_ends = dict(
            Snapshot._read_group(
                [("file_id", "in", files.ids), ("kind", "=", "half_year")],
                ["file_id"],
                ["period_end:max"],
            )
        )
        vals_list = []
        for file in files:
            period = archive.snapshot_due(
                file.partner_id.onboarding_grade,
                archived,
                today,
                file.company_id.onboarding_snapshot_months,
                last_ends.get(file),
            )
            if period:
                vals_list.append(file._snapshot_vals("half_year", period))
        # Committed batches: a crash keeps the snapshots taken; the next run takes the rest
        # (a file's last snapshot says whether its period is done; unique per period).
        Cron = self.env["ir.cron"]
        Cron._suite_progress(remaining=len(vals_list))
        for batch in split_every(batch_size, vals_list, list):
            self._onboarding_create_unique(batch, Snapshot)
            if not Cron._suite_progress(len(batch)):
                return

    # --- Ranking (PO-9)

    @api.model
    def _cron_rank(self, companies=None):
        """PO-9: rank every file of each company (of ``companies``, default all) on
        completeness and the past year."""
        domain = [("company_id", "in", companies.ids)] if companies is not None else []
        files = self.sudo().search(domain)
        applications = (
            self.env["partner.onboarding.application"]
            .sudo()
            .search(
                [("partner_id", "in", files.partner_id.ids), ("state", "=", "approved")],
                order="id desc",
            )
        )
        latest = {}
        for application in applications:
            latest.setdefault(application.partner_id, application)
        by_company = defaultdict(lambda: self.browse())
        for file in files:
            by_company[file.company_id] |= file
        for company, company_files in by_company.items():
            weights = (
                company.onboarding_weight_form,
                company.onboarding_weight_file,
                company.onboarding_weight_record,
            )
            shares, scores = {}, {}
            for file in company_files:
                application = latest.get(file.partner_id)
                shares[file] = application.completeness if application else 0.0
                scores[file] = ranking.score(
                    shares[file],
                    file.file_completeness,
                    [file[name] for name in RATINGS],
                    weights,
                )
            ranks = ranking.rank(scores)
            for file in company_files:
                with file._guard_workflow():
                    file.write(
                        {
                            "form_completeness": shares[file],
                            "ranking_score": scores[file],
                            "ranking": ranks[file],
                        }
                    )

    def action_rank(self):
        """PO-9: rank the files again now (the central office, after updating files)."""
        self._onboarding_check_central()
        # Only the companies the central office member works for (checked before sudo).
        self._cron_rank(companies=self.env.companies & self.company_id)
        return True

    def action_mark_preferred(self):
        """PO-9: top partners with an outstanding past year get fee discounts and priority
        service."""
        self._onboarding_check_central()
        for file in self:
            error = ranking.preferred_error(
                file.ranking,
                file.company_id.onboarding_preferred_top,
                [file[name] for name in RATINGS],
                file.company_id.onboarding_outstanding_rating,
            )
            if error == "not_top":
                raise UserError(
                    self.env._(
                        "%(partner)s is not in the top %(top)s of the ranking; rank the "
                        "partners again if the file changed (PO-9).",
                        partner=file.partner_id.display_name,
                        top=file.company_id.onboarding_preferred_top,
                    )
                )
            if error == "not_outstanding":
                raise UserError(
                    self.env._(
                        "%(partner)s was not outstanding over the past year: contract "
                        "performance, safety and quality and cooperation must all be rated "
                        "%(rating)s or more (PO-9).",
                        partner=file.partner_id.display_name,
                        rating=file.company_id.onboarding_outstanding_rating,
                    )
                )
        with self._guard_workflow():
            self.write({"preferred": True})
        return True

    def action_unmark_preferred(self):
        """PO-9: the central office withdraws the preferred status."""
        self._onboarding_check_central()
        with self._guard_workflow():
            self.write({"preferred": False})
        return True

    def action_open_snapshots(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "partner_onboarding.partner_onboarding_file_snapshot_action"
        )
        action["domain"] = [("file_id", "=", self.id)]
        return action
