# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Lead Membership",
    "summary": "Club memberships: renewals and upgrades (續卡), buyer and user (LP-34..LP-37)",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-rulebook-suite/crm-rulebook-suite",
    "author": "CRM Rulebook Suite Authors",
    "maintainers": ["crm-rulebook-suite"],
    "license": "LGPL-3",
    "depends": ["lead_reception"],
    "data": [
        "security/lead_membership_security.xml",
        "security/ir.model.access.csv",
        "views/lead_membership_views.xml",
        "views/lead_membership_renewal_views.xml",
        "views/lead_membership_menus.xml",
    ],
    "demo": ["demo/lead_membership_demo.xml"],
    "installable": True,
}
