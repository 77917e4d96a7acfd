# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Tier Validation - Chinese",
    "summary": "Complete zh_CN and zh_TW (Taiwan wording) of OCA base_tier_validation",
    "version": "19.0.1.0.0",
    "category": "Hidden/Tools",
    "website": "https://github.com/crm-rulebook-suite/crm-rulebook-suite",
    "author": "CRM Rulebook Suite Authors",
    "maintainers": ["crm-rulebook-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["base_tier_validation"],
    "post_load": "post_load",
    "post_init_hook": "post_init_hook",
    "auto_install": True,
    "installable": True,
}
