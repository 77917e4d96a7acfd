# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Incentive Ledger - Payroll",
    "summary": "Approved incentive ledger lines become payslip inputs, paid exactly once",
    "version": "19.0.1.0.0",
    "category": "Human Resources/Payroll",
    "website": "https://github.com/crm-rulebook-suite/crm-rulebook-suite",
    "author": "CRM Rulebook Suite Authors",
    "maintainers": ["crm-rulebook-suite"],
    "license": "LGPL-3",
    "depends": ["incentive_ledger", "payroll"],
    "data": [
        "data/hr_salary_rule_data.xml",
        "views/employee_incentive_line_views.xml",
        "views/hr_payslip_views.xml",
    ],
    "auto_install": True,
    "demo": ["demo/payroll_demo.xml"],
    "assets": {
        "web.assets_tests": ["incentive_ledger_payroll/static/tests/tours/*.js"],
    },
    "installable": True,
}
