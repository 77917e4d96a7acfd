# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import (
    partner_onboarding_grade,
    partner_onboarding_material,
    partner_onboarding_step,
    res_company,
    res_config_settings,
    tier_definition,
    tier_review,
    partner_onboarding_tier_mixin,
    partner_onboarding_application,
    partner_onboarding_application_line,
    partner_onboarding_file,
    partner_onboarding_file_snapshot,
    partner_onboarding_visit,
    partner_onboarding_grade_change,
    res_partner,
    crm_lead,
)
