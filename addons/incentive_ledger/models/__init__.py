# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import incentive_guard_mixin
from . import employee_incentive_line
from . import hr_employee
from . import mail_activity_mixin
