# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import (
    hr_employee,
    hr_employee_public,
    res_company,
    res_config_settings,
    service_scorecard_grade,
    service_scorecard_event_type,
    service_scorecard_period,
    service_scorecard,
    service_scorecard_ranking,
    service_scorecard_quarter,
    service_scorecard_event,
)
