/** @odoo-module **/
// Copyright 2026 The Odoo CRM rulebook suite authors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { registry } from "@web/core/registry";

// PO-1: the introducing unit submits its complete admission application (入围申请).
registry.category("web_tour.tours").add("partner_onboarding_submit_tour", {
    steps: () => [
        {
            trigger: ".o_form_view button[name='action_submit']",
            run: "click",
        },
        {
            // Submitted: the review banner names the central office, Submit is gone.
            trigger: ".o_form_view:not(:has(button[name='action_submit'])) div[name='next_review']",
        },
    ],
});

// PO-3, PO-4: the central office grades the partner (B) and validates its tier review in
// base_tier_validation's banner, with a comment: the partner is admitted.
registry.category("web_tour.tours").add("partner_onboarding_admit_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_field_widget[name='grade'] .o_select_menu_toggler",
            run: "click",
        },
        {
            trigger: ".o_select_menu_item:contains(B)",
            run: "click",
        },
        {
            // The grade is in the record only when the onchange it triggers (what is still
            // missing, PO-1) has answered; the form is dirty before that. Save after it.
            trigger:
                "body:not(:has(.o_select_menu_item)) .o_form_view .o_form_dirty .o_field_widget[name='grade'] input:value(B)",
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            // Saved (the grade is on the server): only now validate the review.
            trigger: ".o_form_view .o_form_saved .o_field_widget[name='grade'] input:value(B)",
        },
        {
            trigger: ".o_form_view .o_form_saved button[name='validate_tier']",
            run: "click",
        },
        {
            trigger: ".modal div[name='comment'] input",
            run: "edit 材料齐全，同意入围",
        },
        {
            trigger: ".modal button[name='add_comment']",
            run: "click",
        },
        {
            // Only the application's own form, reloaded once admitted, shows this status.
            trigger:
                "body:not(:has(.modal)) .o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='approved']",
        },
    ],
});

// PO-11: a decider (the central office, then market development) validates his review of
// a grade change, with a comment.
registry.category("web_tour.tours").add("partner_onboarding_grade_review_tour", {
    steps: () => [
        {
            trigger: ".o_form_view button[name='validate_tier']",
            run: "click",
        },
        {
            trigger: ".modal div[name='comment'] input",
            run: "edit 同意调整等级",
        },
        {
            trigger: ".modal button[name='add_comment']",
            run: "click",
        },
        {
            // The grade change's own form (it has a status bar, the comment dialog's form
            // has not), reloaded: no dialog left, no Validate button for this reviewer.
            trigger:
                "body:not(:has(.modal)) .o_form_view:not(:has(button[name='validate_tier'])) .o_statusbar_status",
        },
    ],
});
