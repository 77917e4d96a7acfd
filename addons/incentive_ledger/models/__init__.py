# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import base
from . import incentive_guard_mixin
from . import employee_incentive_line
from . import hr_employee
from . import incentive_fine_type
from . import incentive_fine_step
from . import incentive_offence
from . import incentive_hr_proposal
from . import hr_employee_public
from . import mail_activity_mixin
from . import mail_thread
from . import ir_cron
from . import res_company
from . import ir_module_module
