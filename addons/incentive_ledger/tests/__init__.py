# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_incentive_line
from . import test_incentive_line_concurrency
from . import test_incentive_line_guard
from . import test_offence
from . import test_offence_concurrency
from . import test_menus_open
from . import test_docs_screenshots
from . import test_company_clock
from . import test_rpc_lang
from . import test_recipient_language
