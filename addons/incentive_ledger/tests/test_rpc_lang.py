# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xmlrpc.client
from datetime import datetime, timedelta

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

DEPRECATED_RPC = (
    "odoo.addons.rpc.controllers.jsonrpc",
    "odoo.addons.rpc.controllers.xmlrpc",
    "odoo.http",
)


@tagged("post_install", "-at_install")
class TestRpcLanguage(HttpCase):
    """Error messages over the external API are in the caller's language (rpc_lang.py)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["incentive_ledger"], ["zh_CN"])
        cls.user = new_test_user(
            cls.env, login="rpc_hr_zh", groups="hr.group_hr_user", lang="zh_CN"
        )
        cls.employees = cls.env["hr.employee"].create([{"name": "Li"}, {"name": "Liu"}])

    def _jsonrpc_error(self, kwargs):
        payload = self.build_rpc_payload(
            {
                "service": "object",
                "method": "execute_kw",
                "args": [
                    self.env.cr.dbname,
                    self.user.id,
                    "rpc_hr_zh",
                    "hr.employee",
                    "action_open_incentive_lines",
                    [self.employees.ids],
                    kwargs,
                ],
            }
        )
        response = self.url_open("/jsonrpc", json=payload).json()
        return response["error"]["data"]["message"]

    @mute_logger(*DEPRECATED_RPC)
    def test_api_error_in_the_callers_language_without_context(self):
        """A zh_CN user calling JSON-RPC or XML-RPC with no context reads the suite's
        UserError in Chinese; a language he passes wins."""
        self.assertEqual(self._jsonrpc_error({}), "一次只能打开一名员工的激励明细。")
        self.assertEqual(
            self._jsonrpc_error({"context": {"tz": "Asia/Shanghai"}}),
            "一次只能打开一名员工的激励明细。",
        )
        self.assertEqual(
            self._jsonrpc_error({"context": {"lang": "en_US"}}),
            "Open the incentive lines of one employee at a time.",
        )
        with self.assertRaises(xmlrpc.client.Fault) as fault:
            self.xmlrpc_object.execute_kw(
                self.env.cr.dbname,
                self.user.id,
                "rpc_hr_zh",
                "hr.employee",
                "action_open_incentive_lines",
                [self.employees.ids],
            )
        self.assertIn("一次只能打开一名员工的激励明细", fault.exception.faultString)

    @mute_logger("odoo.http")
    def test_json2_error_in_the_key_users_language(self):
        """JSON-2 with an API key: the key's zh_CN user reads Chinese (his HTTP client's
        Accept-Language plays no part); a language in the call's context wins."""
        key = (
            self.env["res.users.apikeys"]
            .with_user(self.user)
            ._generate(scope="rpc", name="test", expiration_date=datetime.now() + timedelta(1))
        )
        headers = {"Authorization": f"Bearer {key}", "Accept-Language": "en-US,en;q=0.9"}
        url = "/json/2/hr.employee/action_open_incentive_lines"
        response = self.url_open(url, json={"ids": self.employees.ids}, headers=headers)
        self.assertEqual(response.json()["message"], "一次只能打开一名员工的激励明细。")
        response = self.url_open(
            url,
            json={"ids": self.employees.ids, "context": {"lang": "en_US"}},
            headers=headers,
        )
        self.assertEqual(
            response.json()["message"], "Open the incentive lines of one employee at a time."
        )
