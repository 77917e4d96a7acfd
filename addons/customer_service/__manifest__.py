# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Service",
    "summary": "Complaint register with deadlines, return visits after service and "
    "installation, customer classes, and the scorecard events they feed",
    "version": "19.0.1.0.0",
    "category": "Services",
    "website": "https://github.com/crm-rulebook-suite/crm-rulebook-suite",
    "author": "CRM Rulebook Suite Authors",
    "maintainers": ["crm-rulebook-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["mail", "resource", "hr", "incentive_ledger", "service_scorecard"],
    "data": [
        "security/customer_service_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/mail_alias_data.xml",
        "data/customer_return_visit_question_data.xml",
        "data/ir_cron_data.xml",
        "views/customer_complaint_views.xml",
        "views/customer_service_record_views.xml",
        "views/customer_return_visit_views.xml",
        "views/res_partner_views.xml",
        "views/service_scorecard_views.xml",
        "views/res_config_settings_views.xml",
        "views/customer_service_menus.xml",
    ],
    "demo": ["demo/customer_service_demo.xml"],
    "assets": {
        "web.assets_tests": ["customer_service/static/tests/tours/*.js"],
    },
    "installable": True,
}
