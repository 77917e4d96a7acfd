/** @odoo-module **/
// Copyright 2026 The Odoo CRM rulebook suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// SC-4: the supervisor closes a month of the scorecard.
registry.category("web_tour.tours").add("service_scorecard_close_month_tour", {
    steps: () => [
        {
            trigger: ".o_form_view button[name='action_close']",
            run: "click",
        },
        {
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            // Closed: the Close button is gone, Reopen is offered.
            trigger:
                "body:not(:has(.modal)) .o_form_view:not(:has(button[name='action_close'])) .o_statusbar_buttons",
        },
    ],
});
