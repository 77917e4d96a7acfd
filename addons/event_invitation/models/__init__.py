# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import res_company
from . import res_config_settings
from . import res_partner
from . import event_event
from . import event_invitation_division
from . import event_invitation_list
from . import event_invitation
from . import event_invitation_key
from . import event_invitation_consent
from . import event_invitation_presentation
from . import event_invitation_conflict
