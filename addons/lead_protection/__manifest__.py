# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Lead Protection",
    "summary": "Customer registration (报备), protection windows and collisions (撞单)",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-rulebook-suite/crm-rulebook-suite",
    "author": "CRM Rulebook Suite Authors",
    "maintainers": ["crm-rulebook-suite"],
    "license": "LGPL-3",
    "depends": ["crm", "hr", "phone_validation", "incentive_ledger"],
    "data": [
        "security/lead_protection_security.xml",
        "security/ir.model.access.csv",
        "data/lead_protection_data.xml",
        "data/ir_cron_data.xml",
        "views/wizard_views.xml",
        "views/lead_protection_claim_rotation_views.xml",
        "views/lead_protection_registration_views.xml",
        "views/lead_protection_collision_views.xml",
        "views/lead_protection_kind_views.xml",
        "views/crm_lead_views.xml",
        "views/crm_lead_commission_views.xml",
        "views/res_config_settings_views.xml",
        "views/lead_protection_screens.xml",
        "views/lead_protection_menus.xml",
    ],
    "demo": ["demo/lead_protection_demo.xml"],
    "assets": {
        "web.assets_tests": ["lead_protection/static/tests/tours/*.js"],
    },
    "installable": True,
}
