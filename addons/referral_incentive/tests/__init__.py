# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_install
from . import test_referral_claim
from . import test_referral_calendar_points
from . import test_referral_cron_progress
from . import test_referral_attacks
from . import test_referral_schemes
from . import test_report_pdf
from . import test_menus_open
from . import test_recipient_language
from . import test_ui
