# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.http import request


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _auth_method_bearer(cls):
        """JSON-2 API (``/json/2/...``) called with an API key: run in the language of the
        key's user, not in the one the HTTP client's Accept-Language header happens to ask
        for; a ``lang`` in the call's ``context`` still wins (see ``rpc_lang.py`` for
        JSON-RPC and XML-RPC)."""
        result = super()._auth_method_bearer()
        if request.httprequest.headers.get("Authorization"):
            lang = request.env.user.lang
            if lang and request.env.context.get("lang") != lang:
                request.update_context(lang=lang)
        return result
