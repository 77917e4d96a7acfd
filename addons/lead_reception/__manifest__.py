# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Lead Reception",
    "summary": "Visit book (來訪登記), reception desk, group visits and orders (LP-27..LP-47)",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-rulebook-suite/crm-rulebook-suite",
    "author": "CRM Rulebook Suite Authors",
    "maintainers": ["crm-rulebook-suite"],
    "license": "LGPL-3",
    "depends": ["lead_protection"],
    "data": [
        "security/lead_reception_security.xml",
        "security/ir.model.access.csv",
        "data/lead_reception_data.xml",
        "data/ir_cron_data.xml",
        "views/lead_reception_visit_views.xml",
        "views/lead_reception_group_views.xml",
        "views/lead_reception_claim_views.xml",
        "views/lead_reception_offence_views.xml",
        "views/lead_reception_suspension_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/lead_reception_menus.xml",
    ],
    "demo": ["demo/lead_reception_demo.xml"],
    "installable": True,
}
