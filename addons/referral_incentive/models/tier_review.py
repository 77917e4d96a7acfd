# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError

OPEN_STATUSES = ("waiting", "pending")


class TierReview(models.Model):
    """base_tier_validation lets every internal user create, write and delete reviews (its
    access rights), trusting its buttons. The reviews of a referral claim are its approval
    chain (RI-7): they change only through the claim's workflow, which checks whose turn
    it is. The other models' reviews are left as they are."""

    _inherit = "tier.review"

    @api.model
    def _incentive_guarded_models(self):
        """Models whose reviews only their workflow writes (they inherit
        ``incentive.guard.mixin``, whose workflow guard opens the reviews too)."""
        return {"referral.claim"}

    @api.model
    def _incentive_guard_open(self, model_names):
        return all(self.env[name]._guard_bypassed() for name in model_names)

    def _incentive_guarded(self):
        guarded = self._incentive_guarded_models()
        return self.filtered(lambda review: review.model in guarded)

    def _incentive_allowed_write(self, vals):
        """What base_tier_validation writes as the acting user outside a workflow: the
        promotion of a waiting review to pending (its systray counter does it, and a pending
        review still waits for its turn), and a reviewer's comment on his open review."""
        if not all(review.status in OPEN_STATUSES for review in self):
            return False
        if set(vals) == {"status"} and vals["status"] == "pending":
            return True
        user = self.env.user
        return set(vals) == {"comment"} and all(user in review.reviewer_ids for review in self)

    def _incentive_refuse(self):
        raise UserError(
            self.env._(
                "The reviews of a referral claim change only through the claim: its reviewers "
                "validate or reject it when it is their turn (RI-7)."
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        names = {vals.get("model") for vals in vals_list} & self._incentive_guarded_models()
        if names and not self._incentive_guard_open(names):
            self._incentive_refuse()
        return super().create(vals_list)

    def write(self, vals):
        guarded = self._incentive_guarded()
        if (
            guarded
            and not self._incentive_guard_open(set(guarded.mapped("model")))
            and not guarded._incentive_allowed_write(vals)
        ):
            self._incentive_refuse()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_incentive_guarded(self):
        guarded = self._incentive_guarded()
        if guarded and not self._incentive_guard_open(set(guarded.mapped("model"))):
            self._incentive_refuse()
