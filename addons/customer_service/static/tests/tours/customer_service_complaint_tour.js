/** @odoo-module **/
// Copyright 2026 The Odoo CRM rulebook suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// The receiver records a phone complaint, records the first handling, resolves it, calls
// the customer back and closes it (CS-1, CS-2, CS-10).
registry.category("web_tour.tours").add("customer_service_complaint_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_field_widget[name='customer_name'] input",
            run: "edit Tour Customer",
        },
        {
            trigger: ".o_notebook a[name='handling']",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='handling'] .o_select_menu_toggler",
            run: "click",
        },
        {
            trigger: ".o_select_menu_item:contains('Dispatched at Once')",
            run: "click",
        },
        {
            // In the record once its onchange has answered: only then go on.
            trigger:
                "body:not(:has(.o_select_menu_item)) .o_form_view .o_field_widget[name='handling'] input:value(Dispatched at Once)",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='handling_note'] textarea",
            run: "edit Technician sent at once",
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name='action_respond']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('In Progress')",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='resolution_note'] .odoo-editor-editable",
            run: "editor Pump replaced",
        },
        {
            trigger: ".o_form_view button[name='action_resolve']",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='callback_note'] textarea",
            run: "edit Customer satisfied",
        },
        {
            trigger: ".o_form_view button[name='action_close_satisfied']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Closed')",
        },
    ],
});
