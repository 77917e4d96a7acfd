# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Event Invitation",
    "summary": "Joint-event invitation lists across divisions: cut-offs, duplicates, "
    "consent, conflicts and attendance",
    "version": "19.0.1.0.0",
    "category": "Marketing/Events",
    "website": "https://github.com/crm-rulebook-suite/crm-rulebook-suite",
    "author": "CRM Rulebook Suite Authors",
    "maintainers": ["crm-rulebook-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["event", "crm", "hr", "incentive_ledger", "lead_protection"],
    "data": [
        "security/event_invitation_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "views/event_invitation_attendance_views.xml",
        "views/event_invitation_views.xml",
        "views/event_invitation_list_views.xml",
        "views/event_invitation_conflict_views.xml",
        "views/event_event_views.xml",
        "views/res_config_settings_views.xml",
        "views/event_invitation_menus.xml",
    ],
    "demo": ["demo/event_invitation_demo.xml"],
    "installable": True,
}
