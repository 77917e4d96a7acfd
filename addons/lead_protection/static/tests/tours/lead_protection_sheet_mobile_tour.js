/** @odoo-module **/
// Copyright 2026 The Odoo CRM rulebook suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// A salesperson updates his own follow-up sheet (跟进单) on a phone (LP-19).
registry.category("web_tour.tours").add("lead_protection_sheet_mobile_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_field_widget[name='expected_unit_price'] input",
            run: "edit 3800",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='contact_feedback'] textarea",
            run: "edit 11-03: second visit, asks for the family card",
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            // Only the saved record's chatter shows the tracked change.
            trigger: ".o-mail-Message:contains('second visit, asks for the family card')",
        },
    ],
});
