/** @odoo-module **/
// Copyright 2026 The Odoo CRM rulebook suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// PAY-1: the payroll clerk confirms every payslip of a batch in one go.
registry.category("web_tour.tours").add("incentive_ledger_payroll_confirm_tour", {
    steps: () => [
        {
            trigger: ".o_form_view button[name='action_confirm_payslips']",
            run: "click",
        },
        {
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            // Every payslip of the batch is done (its state is shown in green).
            trigger:
                "body:not(:has(.modal)) div[name='slip_ids']:not(:has(td[name='state'] .badge:not(.text-bg-success))) td[name='state'] .badge.text-bg-success",
        },
    ],
});
