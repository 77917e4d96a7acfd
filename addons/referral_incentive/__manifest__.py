# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Referral Incentive",
    "summary": "Referral and new-customer bonuses by precedence and tiers",
    "version": "19.0.0.1.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-rulebook-suite/crm-rulebook-suite",
    "author": "CRM Rulebook Suite Authors",
    "maintainers": ["crm-rulebook-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["crm", "hr", "incentive_ledger"],
    "data": ["security/referral_incentive_security.xml", "views/referral_incentive_menus.xml"],
    "installable": True,
}
