# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Partner Onboarding",
    "summary": "Joint-venture partner admission, internal grading, visits and files",
    "version": "19.0.0.1.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-rulebook-suite/crm-rulebook-suite",
    "author": "CRM Rulebook Suite Authors",
    "maintainers": ["crm-rulebook-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["crm", "hr"],
    "data": ["security/partner_onboarding_security.xml", "views/partner_onboarding_menus.xml"],
    "installable": True,
}
