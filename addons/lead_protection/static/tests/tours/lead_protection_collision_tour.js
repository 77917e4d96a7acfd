/** @odoo-module **/
// Copyright 2026 The Odoo CRM rulebook suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// A second salesperson registers (报备) a customer already protected by a colleague and
// sees the collision (撞单) message, in Chinese (LP-5).
registry.category("web_tour.tours").add("lead_protection_collision_tour", {
    steps: () => [
        {
            trigger: ".o_form_view button[name='action_protection_register']",
            run: "click",
        },
        {
            trigger: ".modal button[name='action_register']",
            run: "click",
        },
        {
            trigger: ".o_notification:contains('撞单')",
        },
    ],
});
