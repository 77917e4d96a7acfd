# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import employee_incentive_line
from . import hr_payslip
from . import hr_payslip_line
from . import hr_payslip_run
