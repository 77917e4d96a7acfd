# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Service Scorecard",
    "summary": "Customer managers' monthly service-quality score, grades and bonuses",
    "version": "19.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/crm-rulebook-suite/crm-rulebook-suite",
    "author": "CRM Rulebook Suite Authors",
    "maintainers": ["crm-rulebook-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["hr", "mail", "incentive_ledger"],
    "data": [
        "security/service_scorecard_security.xml",
        "security/ir.model.access.csv",
        "data/service_scorecard_data.xml",
        "data/ir_cron_data.xml",
        "views/service_scorecard_event_views.xml",
        "views/service_scorecard_views.xml",
        "views/service_scorecard_quarter_views.xml",
        "views/service_scorecard_period_views.xml",
        "views/service_scorecard_config_views.xml",
        "views/hr_employee_views.xml",
        "views/service_scorecard_ranking_views.xml",
        "views/service_scorecard_menus.xml",
    ],
    "demo": ["demo/service_scorecard_demo.xml"],
    "assets": {
        "web.assets_tests": ["service_scorecard/static/tests/tours/*.js"],
    },
    "installable": True,
}
