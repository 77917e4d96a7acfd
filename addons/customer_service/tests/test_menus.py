# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import CustomerServiceCommon


@tagged("post_install", "-at_install")
class TestMenus(CustomerServiceCommon):
    def test_every_menu_opens_for_its_roles(self):
        """Each role (receiver, customer manager, return-visit officer, supervisor,
        department manager) opens every Customer Service screen of its menu, with the
        views and the records of the list."""
        root = self.env.ref("customer_service.menu_customer_service_root")
        menus = self.env["ir.ui.menu"].search(
            [("id", "child_of", root.id), ("action", "!=", False)]
        )
        expected = {
            self.user_receiver: 2,
            self.user_cm: 3,
            self.user_officer: 3,
            self.user_supervisor: 7,
            self.user_dm: 7,
        }
        self._complaint()
        for user, count in expected.items():
            visible = menus.with_user(user)._filter_visible_menus()
            self.assertEqual(len(visible), count, f"{user.login}: {visible.mapped('name')}")
            for menu in visible:
                action = menu.action.sudo()
                model = self.env[action.res_model].with_user(user)
                modes = [mode for mode in action.view_mode.split(",") if mode != "activity"]
                views = model.get_views([(False, mode) for mode in [*modes, "search"]])
                self.assertIn(modes[0], views["views"], menu.name)
                arch = views["views"][modes[0]]["arch"]
                names = {node.get("name") for node in etree.fromstring(arch).iter("field")}
                domain = safe_eval(action.domain or "[]", {"uid": user.id})
                model.web_search_read(domain, {name: {} for name in names if name in model._fields})
                record = model.search(domain, limit=1)
                if record and "form" in views["views"]:
                    arch = views["views"]["form"]["arch"]
                    names = {node.get("name") for node in etree.fromstring(arch).iter("field")}
                    record.web_read(
                        {
                            name: {"fields": {"display_name": {}}}
                            if model._fields[name].type == "many2one"
                            else {}
                            for name in names
                            if name in model._fields
                        }
                    )
