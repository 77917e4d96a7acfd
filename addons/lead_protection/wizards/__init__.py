# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import lead_protection_register
from . import lead_protection_precheck
from . import lead_protection_collision_resolve
from . import lead_protection_reassign
from . import lead_protection_walk_in
from . import lead_protection_change_wizard
from . import lead_protection_project_apply
from . import lead_protection_unreachable_number
