# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError

# Documents of this addon whose approvals are tier reviews (PO-3, PO-11).
ONBOARDING_REVIEWED_MODELS = ("partner.onboarding.application", "partner.onboarding.grade.change")
# What a reviewer's own client may still write on his pending review: the comment the
# validation wizard of base_tier_validation records before validating.
_REVIEWER_FIELDS = frozenset({"comment"})


class TierReview(models.Model):
    """Reviews of admissions and grade changes are decisions: they change only through the
    approval methods of the documents (which check who decides), never by a direct write,
    create or delete of a client (base_tier_validation lets every internal user write any
    review)."""

    _name = "tier.review"
    _inherit = ["tier.review", "incentive.guard.mixin"]

    def _onboarding_reviews(self):
        return self.filtered(lambda review: review.model in ONBOARDING_REVIEWED_MODELS)

    def _onboarding_refuse_direct(self):
        raise UserError(
            self.env._(
                "Admissions and grade changes are validated or rejected with the buttons of "
                "the application or the grade change, which check who decides (PO-3, PO-11)."
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self._guard_bypassed() and any(
            vals.get("model") in ONBOARDING_REVIEWED_MODELS for vals in vals_list
        ):
            self._onboarding_refuse_direct()
        return super().create(vals_list)

    def write(self, vals):
        reviews = self._onboarding_reviews()
        if reviews and not self._guard_bypassed():
            own_pending = all(
                review.status in ("waiting", "pending") and self.env.user in review.reviewer_ids
                for review in reviews
            )
            # Promoting waiting reviews to pending is what base_tier_validation's systray
            # does for every user; it decides nothing.
            promotion = (
                vals.keys() == {"status"}
                and vals["status"] == "pending"
                and all(review.status in ("waiting", "pending") for review in reviews)
            )
            if not (promotion or (own_pending and vals.keys() <= _REVIEWER_FIELDS)):
                self._onboarding_refuse_direct()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _onboarding_unlink_through_documents(self):
        if self._onboarding_reviews() and not self._guard_bypassed():
            self._onboarding_refuse_direct()
