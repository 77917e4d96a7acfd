# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import (
    res_company,
    res_config_settings,
    customer_class_history,
    res_partner,
    customer_complaint,
    customer_complaint_escalation,
    customer_service_record,
    customer_return_visit_question,
    customer_return_visit_answer,
    customer_return_visit,
    incentive_offence,
    service_scorecard_event,
    service_scorecard_quarter,
    service_scorecard_period,
)
