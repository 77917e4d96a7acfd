# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_install
from . import test_admission
from . import test_grading_visits_files
from . import test_attacks
from . import test_concurrency
from . import test_cron_progress
from . import test_menus_open
from . import test_ui
from . import test_recipient_language
