/** @odoo-module **/
// Copyright 2026 The Odoo CRM rulebook suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// LP-18: the receiving salesperson, working in zh_CN, accepts a performance change form
// that his colleague drafted; the form then waits for the manager (等待经理).
registry.category("web_tour.tours").add("lead_protection_change_tour", {
    steps: () => [
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('等待销售员')",
        },
        {
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_accept']:contains('接受')",
            run: "click",
        },
        {
            // Only the reloaded record shows it, without the accept button.
            trigger:
                ".o_form_view:not(:has(button[name='action_accept'])) .o_statusbar_status button.o_arrow_button_current:contains('等待经理')",
        },
    ],
});
