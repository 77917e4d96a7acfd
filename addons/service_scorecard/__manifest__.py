# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Service Scorecard",
    "summary": "Customer managers' monthly service-quality score, grades and bonuses",
    "version": "19.0.0.1.0",
    "category": "Human Resources",
    "website": "https://github.com/crm-rulebook-suite/crm-rulebook-suite",
    "author": "CRM Rulebook Suite Authors",
    "maintainers": ["crm-rulebook-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["hr", "incentive_ledger"],
    "data": ["security/service_scorecard_security.xml", "views/service_scorecard_menus.xml"],
    "installable": True,
}
