# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import res_company
from . import res_config_settings
from . import res_partner
from . import lead_protection_rotation
from . import lead_protection_registration
from . import lead_reception_visit
from . import lead_reception_group
from . import lead_reception_claim
from . import lead_reception_offence
from . import lead_reception_suspension
from . import crm_lead
