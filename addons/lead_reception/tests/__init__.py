# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_visit_book
from . import test_reception_rotation
from . import test_reception_claims
from . import test_reception_offences
from . import test_reception_household
