# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Referral Incentive",
    "summary": "Referral and new-customer bonuses by precedence and tiers",
    "version": "19.0.0.1.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-rulebook-suite/crm-rulebook-suite",
    "author": "CRM Rulebook Suite Authors",
    "maintainers": ["crm-rulebook-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["crm", "hr", "base_tier_validation", "base_tier_validation_zh", "incentive_ledger"],
    "data": [
        "security/referral_incentive_security.xml",
        "security/ir.model.access.csv",
        "data/referral_incentive_data.xml",
        "data/tier_definition_data.xml",
        "report/referral_reports.xml",
        "views/referral_claim_views.xml",
        "views/referral_config_views.xml",
        "views/inherited_views.xml",
        "views/referral_incentive_menus.xml",
        "views/referral_incentive_hr_menus.xml",
    ],
    "demo": ["demo/referral_incentive_demo.xml"],
    "assets": {
        "web.assets_tests": ["referral_incentive/static/tests/tours/*.js"],
    },
    "installable": True,
}
