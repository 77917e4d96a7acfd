# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import res_company
from . import res_config_settings
from . import res_partner
from . import hr_employee
from . import crm_lead
from . import referral_tier
from . import referral_claim_party
from . import referral_claim
from . import referral_month
from . import referral_points_line
from . import employee_incentive_line
from . import tier_definition
from . import tier_review
