/** @odoo-module **/
// Copyright 2026 The Odoo CRM rulebook suite authors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { registry } from "@web/core/registry";

// RI-7: the salesperson submits his referral claim (申请).
registry.category("web_tour.tours").add("referral_incentive_submit_tour", {
    steps: () => [
        {
            trigger: ".o_form_view button[name='action_submit']",
            run: "click",
        },
        {
            // Submitted: the review banner names the next reviewer, Submit is gone.
            trigger: ".o_form_view:not(:has(button[name='action_submit'])) div[name='next_review']",
        },
    ],
});

// RI-7: a reviewer (the manager, then HR) validates his tier in the review banner of
// base_tier_validation, with a comment.
registry.category("web_tour.tours").add("referral_incentive_review_tour", {
    steps: () => [
        {
            trigger: ".o_form_view button[name='validate_tier']",
            run: "click",
        },
        {
            trigger: ".modal div[name='comment'] input",
            run: "edit 同意",
        },
        {
            trigger: ".modal button[name='add_comment']",
            run: "click",
        },
        {
            // The claim's own form (it has a status bar, the comment dialog's form has not),
            // reloaded after the review: no dialog left, no Validate button for this reviewer.
            trigger:
                "body:not(:has(.modal)) .o_form_view:not(:has(button[name='validate_tier'])) .o_statusbar_status",
        },
    ],
});
