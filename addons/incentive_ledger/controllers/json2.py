# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections.abc import Mapping

from odoo import http
from odoo.http import request
from odoo.tools import frozendict

from odoo.addons.rpc.controllers.json2 import WebJson2Controller

NO_CONTEXT = frozendict()


class SuiteJson2Controller(WebJson2Controller):
    @http.route()
    def web_json_2_rpc(self, __model__, __method__, ids=(), context=NO_CONTEXT, **kwargs):
        """JSON-2 (``/json/2/<model>/<method>``) runs the method with the ``context`` of
        the call alone: without a ``lang`` the suite's errors came in English. Here the
        API key's user's language is used when the call names none (see ``rpc_lang.py``
        for JSON-RPC and XML-RPC)."""
        lang = request.env.user.lang
        if isinstance(context, Mapping) and "lang" not in context and lang:
            context = dict(context, lang=lang)
        return super().web_json_2_rpc(__model__, __method__, ids=ids, context=context, **kwargs)
