# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import (
    test_attacks,
    test_install,
    test_scorecard_close,
    test_scorecard_cron_progress,
    test_scorecard_concurrency,
    test_scorecard_events,
    test_scorecard_ranking_probation,
    test_scorecard_ranking_screen,
    test_scorecard_security,
)
from . import test_menus_open
from . import test_ui
