# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError


class PartnerOnboardingTierMixin(models.AbstractModel):
    """base_tier_validation for the decisions of this addon (PO-3, PO-11), hardened.

    base_tier_validation lets the client ask for, restart or skip a validation (its
    ``request_validation`` and ``restart_validation`` buttons, the ``skip_validation_check``
    and ``skip_check_state_condition`` context keys). Here reviews are requested by the
    workflow only (at submission, at the proposal) and no context key changes a check.
    Validations and rejections go through the documents' ``_validate_tier`` and
    ``_rejected_tier``, which check the rule before touching the reviews (as superuser,
    since reviews of these documents are closed to direct writes, see ``tier.review``).
    """

    _name = "partner.onboarding.tier.mixin"
    _description = "Partner Onboarding Tier Validation"
    _inherit = ["tier.validation"]

    # Fields the reviewers may still edit while the document is under review.
    _onboarding_fields_under_review = ()

    def _onboarding_my_reviews(self, tiers=False):
        """The acting user's open reviews among ``tiers`` (default: the document's)."""
        return (tiers or self.review_ids).filtered(
            lambda review: (
                review.status in ("waiting", "pending") and self.env.user in review.reviewer_ids
            )
        )

    def _onboarding_request_reviews(self, requester_field):
        """Ask for the reviews of the documents that need them, as the person who asked for
        the decision (``requester_field``): tier definitions excluding the requester never
        let him review his own request."""
        # need_validation has no dependencies: the ORM would keep a stale value in cache.
        self.invalidate_recordset(["need_validation", "review_ids"])
        with self._guard_workflow("tier.review"):
            for record in self.filtered("need_validation"):
                record.with_user(record[requester_field]).sudo().request_validation()
        self.invalidate_recordset(["need_validation", "review_ids"])

    def _onboarding_refuse_manual_validation(self):
        if not self._guard_bypassed():
            raise UserError(
                self.env._(
                    "The validation is requested when the document is submitted: it cannot "
                    "be requested or restarted by hand."
                )
            )

    def request_validation(self):
        self._onboarding_refuse_manual_validation()
        return super().request_validation()

    def restart_validation(self):
        self._onboarding_refuse_manual_validation()
        return super().restart_validation()

    def _check_state_from_condition(self):
        # Without base_tier_validation's "skip_check_state_condition" context key.
        return (
            self._state_field in self._fields
            and self._tier_validation_get_current_state_value() in self._state_from
        )

    def _tier_validation_check_write_allowed(self, vals):
        # Without base_tier_validation's "skip_validation_check" context key.
        return super(
            PartnerOnboardingTierMixin, self.with_context(skip_validation_check=False)
        )._tier_validation_check_write_allowed(vals)

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + list(
            self._onboarding_fields_under_review
        )

    @api.model
    def _get_all_validation_exceptions(self):
        return super()._get_all_validation_exceptions() + list(self._onboarding_fields_under_review)

    def unlink(self):
        # The guard decides what may be deleted; the reviews go with the document.
        with self._guard_workflow("tier.review"):
            self.sudo().review_ids.unlink()
        return super().unlink()
