# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Event Invitation - Referral Points",
    "summary": "Customer referral points for purchases at joint events (RI-11, EV-7)",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-rulebook-suite/crm-rulebook-suite",
    "author": "CRM Rulebook Suite Authors",
    "maintainers": ["crm-rulebook-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["event_invitation", "referral_incentive"],
    "auto_install": True,
    "installable": True,
}
