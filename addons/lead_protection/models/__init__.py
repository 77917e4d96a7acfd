# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import lead_protection_mixin
from . import res_company
from . import res_config_settings
from . import res_partner
from . import crm_team
from . import lead_protection_kind
from . import lead_protection_key
from . import lead_protection_registration
from . import lead_protection_collision
from . import lead_protection_precheck_log
from . import crm_lead
from . import crm_lead_commission
from . import hr_employee
from . import lead_protection_claim
from . import lead_protection_sheet
from . import lead_protection_collision_sheet
from . import lead_protection_claim_evidence
from . import lead_protection_rotation
from . import mail_activity_type
from . import mail_activity
from . import lead_protection_change
from . import crm_lead_change
from . import lead_protection_project
from . import lead_protection_registration_procedure
