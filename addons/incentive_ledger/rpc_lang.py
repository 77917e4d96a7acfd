# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The external API answers in the caller's language.

Odoo 19's JSON-RPC and XML-RPC ``execute_kw`` (``odoo.service.model.execute_cr``) run the
call with the context the caller sends and nothing else: a Chinese user who sends no
``lang`` gets the suite's error messages in English. The web client is not concerned (its
session context carries the user's language). Here a call to a database where the suite is
installed runs in the calling user's language (``res.users.lang``) when the call names none;
a ``lang`` the caller sends still wins. Installed once per process by the ``post_load``
hook; databases without the suite are left as they are. JSON-2 (``/json/2/...``): see
``controllers/json2.py``.
"""

from odoo.service import model as rpc_model

_SUITE_MODEL = "employee.incentive.line"


def _call_kw_in_user_lang(model, name, args, kwargs):
    context = kwargs.get("context")
    env = model.env
    if (
        isinstance(context or {}, dict)
        and "lang" not in (context or {})
        and "lang" not in env.context
        and env.uid
        and _SUITE_MODEL in env.registry
    ):
        lang = env.user.lang
        if lang:
            kwargs = dict(kwargs, context=dict(context or {}, lang=lang))
    return _call_kw_in_user_lang.original(model, name, args, kwargs)


def post_load():
    if getattr(rpc_model.call_kw, "original", None) is None:
        _call_kw_in_user_lang.original = rpc_model.call_kw
        rpc_model.call_kw = _call_kw_in_user_lang
