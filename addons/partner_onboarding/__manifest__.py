# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Partner Onboarding",
    "summary": "Joint-venture partner admission, internal grading, visits and files",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-rulebook-suite/crm-rulebook-suite",
    "author": "CRM Rulebook Suite Authors",
    "maintainers": ["crm-rulebook-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["crm", "hr", "mail", "base_tier_validation", "incentive_ledger"],
    "data": [
        "security/partner_onboarding_security.xml",
        "security/ir.model.access.csv",
        "data/partner_onboarding_data.xml",
        "data/ir_cron_data.xml",
        "data/tier_definition_data.xml",
        "views/partner_onboarding_config_views.xml",
        "views/partner_onboarding_application_views.xml",
        "views/partner_onboarding_file_views.xml",
        "views/partner_onboarding_visit_views.xml",
        "views/partner_onboarding_grade_change_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/partner_onboarding_menus.xml",
    ],
    "demo": ["demo/partner_onboarding_demo.xml"],
    "assets": {
        "web.assets_tests": ["partner_onboarding/static/tests/tours/*.js"],
    },
    "installable": True,
}
