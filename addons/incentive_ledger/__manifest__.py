# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Incentive Ledger",
    "summary": "One ledger of approved bonuses, rewards, penalties and credit shares "
    "per employee, booked exactly once",
    "version": "19.0.1.1.0",
    "category": "Human Resources/Payroll",
    "website": "https://github.com/crm-rulebook-suite/crm-rulebook-suite",
    "author": "CRM Rulebook Suite Authors",
    "maintainers": ["crm-rulebook-suite"],
    "license": "LGPL-3",
    "depends": ["hr", "mail", "rpc"],
    "data": [
        "security/incentive_ledger_security.xml",
        "security/ir.model.access.csv",
        "security/incentive_offence_security.xml",
        "data/incentive_fine_type_data.xml",
        "views/employee_incentive_line_views.xml",
        "views/employee_incentive_line_views_hr.xml",
        "views/hr_employee_views.xml",
        "views/incentive_fine_type_views.xml",
        "views/incentive_offence_views.xml",
        "views/incentive_hr_proposal_views.xml",
        "views/hr_employee_offence_views.xml",
        "views/incentive_ledger_menus.xml",
        "views/incentive_offence_menus.xml",
    ],
    "demo": [
        "demo/incentive_ledger_demo.xml",
        "demo/hr_department_demo.xml",
        "demo/incentive_offence_demo.xml",
    ],
    "assets": {
        "web.report_assets_common": [
            "incentive_ledger/static/src/scss/report_fonts.scss",
        ],
    },
    "post_load": "post_load",
    "installable": True,
}
