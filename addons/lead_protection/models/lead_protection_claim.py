# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import psycopg2.errors

from odoo import api, fields, models
from odoo.exceptions import ConcurrencyError, UserError

from ..tools import claims


class LeadProtectionClaim(models.Model):
    """LP-10: a late claim (对单) of the original salesperson on a deal booked by someone
    else. The outcome follows the rulebook's calendar; the manager confirms it."""

    _name = "lead.protection.claim"
    _description = "Late Claim"
    _inherit = ["mail.thread", "lead.protection.guard.mixin"]
    _order = "id desc"
    _check_company_auto = True

    # Who may change what: the claimant files the claim (the dates and shares follow the
    # calendar of LP-10), the manager of the deal's team approves it; nothing else.
    _guarded_fields = (
        "lead_id",
        "company_id",
        "team_id",
        "claimant_id",
        "booker_id",
        "sale_date",
        "claim_date",
        "outcome",
        "claimant_share",
        "booker_share",
        "state",
    )
    _guard_unlink = "_guard_deletable"
    _protection_ranges = {"claimant_share": (0, 100), "booker_share": (0, 100)}

    lead_id = fields.Many2one(
        "crm.lead", string="Won Deal", required=True, readonly=True, check_company=True
    )
    company_id = fields.Many2one(related="lead_id.company_id", store=True)
    team_id = fields.Many2one(related="lead_id.team_id", store=True)
    claimant_id = fields.Many2one(
        "res.users", required=True, readonly=True, default=lambda self: self.env.user
    )
    booker_id = fields.Many2one("res.users", string="Booked By", required=True, readonly=True)
    sale_date = fields.Date(required=True, readonly=True)
    claim_date = fields.Date(required=True, readonly=True)
    outcome = fields.Selection(
        [
            (claims.FULL, "Full Credit to the Claimant"),
            (claims.HALF, "Half Each"),
        ],
        readonly=True,
        tracking=True,
    )
    claimant_share = fields.Float(readonly=True)
    booker_share = fields.Float(readonly=True)
    state = fields.Selection(
        [("submitted", "Submitted"), ("approved", "Approved")],
        default="submitted",
        required=True,
        readonly=True,
        tracking=True,
    )

    _one_claim_per_deal = models.UniqueIndex(
        "(lead_id, claimant_id)", "You have already claimed this deal."
    )
    _shares_range = models.Constraint(
        "CHECK (claimant_share >= 0 AND claimant_share <= 100 "
        "AND booker_share >= 0 AND booker_share <= 100 "
        "AND round((COALESCE(claimant_share, 0) + COALESCE(booker_share, 0))::numeric, 6) "
        "IN (0, 100))",
        "The credit shares of a late claim are between 0 and 100 % and total 100 %.",
    )

    def _guard_deletable(self):
        """A claim is kept once filed: the manager approves it or it stays unapproved."""
        return self.browse()

    def _guard_hint(self):
        return self.env._(
            "A late claim is filed from the won deal and approved by the manager of its team."
        )

    @api.model
    def _submit(self, lead):
        """File the current user's late claim on ``lead``; refused claims raise."""
        if not isinstance(lead, models.BaseModel) or lead._name != "crm.lead" or len(lead) != 1:
            raise UserError(self.env._("A late claim is made on one won deal."))
        lead = lead.sudo()
        if lead.won_status != "won" or not lead.user_id or lead.user_id == self.env.user:
            raise UserError(
                self.env._("A late claim is made on a won deal booked by someone else.")
            )
        company = lead.company_id or self.env.company
        keys = self.env["lead.protection.registration"]._lead_keys(lead)
        if (
            not self.env["lead.protection.key"]
            .sudo()
            ._registered_by(self.env.uid, company.id, keys)
        ):
            raise UserError(self.env._("You never registered this customer: nothing to claim."))
        # Sale and claim days in the company's time zone (LP-3 counting of LP-10's days).
        sale_date = company._protection_date(lead.date_closed)
        claim_date = company._protection_date()
        outcome = self._protection_claim_outcome(lead, company, sale_date, claim_date)
        shares = claims.claim_shares(outcome, self.env.uid, lead.user_id.id)
        if self.sudo().search_count(
            [("lead_id", "=", lead.id), ("claimant_id", "=", self.env.uid)], limit=1
        ):
            raise UserError(self.env._("You have already claimed this deal."))
        try:
            with self.env.cr.savepoint():
                return self._create_claim(lead, sale_date, claim_date, outcome, shares)
        except psycopg2.errors.UniqueViolation as error:
            # The same claim filed twice at once: the retry sees the first and refuses.
            raise ConcurrencyError("Late claim filed concurrently, retrying") from error

    @api.model
    def _protection_claim_outcome(self, lead, company, sale_date, claim_date):
        """The outcome of the current user's claim on ``lead`` (LP-10's calendar), or a
        translated refusal."""
        outcome = claims.late_claim_outcome(
            sale_date,
            claim_date,
            company.protection_claim_full_days,
            company.protection_claim_half_days,
            company.protection_claim_freeze_days,
        )
        return self._protection_claim_check(
            outcome,
            company,
            self.env._(
                "Too late: claims are accepted up to %(days)s days after the sale.",
                days=company.protection_claim_half_days,
            ),
        )

    @api.model
    def _protection_claim_check(self, outcome, company, too_late):
        """``outcome`` when the claim goes on, else its translated refusal (``too_late``:
        the message of the calendar that decided it)."""
        refusals = {
            claims.REFUSED_LATE: too_late,
            claims.REFUSED_OTHER_MONTH: self.env._(
                "Claims close at month end: this sale belongs to a closed month."
            ),
            claims.REFUSED_MONTH_END: self.env._(
                "In the last %(days)s days of the month only same-day sales may be changed.",
                days=company.protection_claim_freeze_days,
            ),
        }
        if outcome in refusals:
            raise UserError(refusals[outcome])
        return outcome

    def _create_claim(self, lead, sale_date, claim_date, outcome, shares):
        claim = self.sudo().create(
            {
                "lead_id": lead.id,
                "claimant_id": self.env.uid,
                "booker_id": lead.user_id.id,
                "sale_date": sale_date,
                "claim_date": claim_date,
                "outcome": outcome,
                "claimant_share": shares.get(self.env.uid, 0.0),
                "booker_share": shares.get(lead.user_id.id, 0.0),
            }
        )
        claim.flush_recordset()
        return claim.with_env(self.env)

    def action_approve(self):
        """The manager of the deal's team confirms: the credit shares are booked to the
        ledger (LP-10). An approved claim is not approved again."""
        self._protection_check_managed()
        self._protection_lock()
        approved = self.filtered(lambda c: c.state != "submitted")
        if approved:
            raise UserError(
                self.env._(
                    "These claims are already approved: %s",
                    ", ".join(approved.sudo().mapped("display_name")),
                )
            )
        with self._guard_workflow():
            self.sudo().write({"state": "approved"})
        # LP-10: an approved claim takes effect through LP-18's change form.
        self.env["lead.protection.change"]._from_claims(self)
        return True
