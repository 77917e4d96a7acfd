# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import (
    partner_onboarding_grade,
    partner_onboarding_material,
    partner_onboarding_step,
    res_company,
    res_config_settings,
    partner_onboarding_application,
    partner_onboarding_application_line,
    partner_onboarding_file,
    partner_onboarding_file_snapshot,
    partner_onboarding_visit,
    partner_onboarding_grade_change,
    res_partner,
    crm_lead,
)
