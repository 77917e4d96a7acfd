# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import (
    test_complaint_register,
    test_complaint_handling,
    test_complaint_deadlines,
    test_complaint_fines,
    test_return_visit,
    test_cron_progress,
    test_scorecard_feed,
    test_menus,
    test_ui,
)
