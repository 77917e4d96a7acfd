# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_registration
from . import test_collision
from . import test_registration_concurrency
from . import test_expiry_concurrency
from . import test_cron_progress
from . import test_neglect_concurrency
from . import test_claim_rotation
from . import test_ui
from . import test_attacks
from . import test_menus_open
from . import test_commission
from . import test_change
from . import test_unreachable
from . import test_project
from . import test_sheet_appointment
