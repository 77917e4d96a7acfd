# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import incentive_offence_record_wizard
from . import incentive_offence_quash_wizard
from . import incentive_hr_proposal_decide_wizard
