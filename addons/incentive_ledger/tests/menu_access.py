# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every screen of the suite opens for every role that sees its menu.

Each addon of the suite has a small test (``tests/test_menus_open.py``) subclassing
``SuiteMenuAccessCase`` with its own name in ``_menu_modules``: as each role below, it loads the
menus the web client would show, and for every window action of the addon's menus it does what
the web client does when the menu is clicked and a record opened: ``get_views`` of each view
type of the action (its form included), ``web_search_read`` of the action's domain with
every field the views show (related records' display names included), ``web_read`` of the
first record with the same
fields, or, on an empty list, the ``onchange`` of a new record when the role may create. Any
``AccessError`` fails the test with the role, menu and model.
"""

from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase
from odoo.tools.safe_eval import safe_eval

# The roles of the demo database (README.md), as the groups each one is given there.
ROLES = {
    "salesperson": (
        "sales_team.group_sale_salesman",
        "referral_incentive.group_referral_incentive_user",
        "service_scorecard.group_service_scorecard_user",
        "partner_onboarding.group_partner_onboarding_user",
    ),
    "sales_manager": (
        "sales_team.group_sale_salesman_all_leads",
        "lead_protection.group_lead_protection_manager",
        "referral_incentive.group_referral_incentive_manager",
        "service_scorecard.group_service_scorecard_manager",
        "partner_onboarding.group_partner_onboarding_manager",
    ),
    "hr_officer": (
        "hr.group_hr_user",
        "payroll.group_payroll_manager",
        "referral_incentive.group_referral_incentive_user",
    ),
    "central_office": ("partner_onboarding.group_partner_onboarding_manager",),
    "market_development": (
        "sales_team.group_sale_salesman",
        "partner_onboarding.group_partner_onboarding_market",
    ),
}
VIEW_TYPES = ("list", "form", "kanban", "search", "pivot", "graph", "calendar", "activity")


class SuiteMenuAccessCase(TransactionCase):
    _menu_modules = ()
    # Odoo's loader runs only the test methods a class defines itself, unless told.
    allow_inherited_tests_method = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role_users = {}
        for role, group_xmlids in ROLES.items():
            groups = [xmlid for xmlid in group_xmlids if cls.env.ref(xmlid, False)]
            cls.role_users[role] = new_test_user(
                cls.env,
                login=f"menu_{role}_{'_'.join(cls._menu_modules)}",
                name=role,
                groups=",".join(["base.group_user", *groups]),
            )

    def _module_menus(self):
        data = self.env["ir.model.data"].search(
            [("model", "=", "ir.ui.menu"), ("module", "in", list(self._menu_modules))]
        )
        return self.env["ir.ui.menu"].browse(data.mapped("res_id")).exists()

    @staticmethod
    def _spec(fields):
        """A web client specification reading every field with related display names."""
        spec = {}
        for name, field in fields.items():
            if field["type"] == "many2one":
                spec[name] = {"fields": {"display_name": {}}}
            elif field["type"] in ("one2many", "many2many"):
                spec[name] = {"fields": {"display_name": {}}, "limit": 40}
            else:
                spec[name] = {}
        return spec

    @staticmethod
    def _shown_fields(result, model_name, Model):
        """The fields the web client reads: those the views (not the search view) show at
        their top level, once the fields of groups the user lacks are removed."""
        described = result["models"][model_name]["fields"]
        names = set()
        for view_type, view in result["views"].items():
            if view_type == "search":
                continue
            for node in etree.fromstring(view["arch"]).iter("field"):
                if not any(parent.tag == "field" for parent in node.iterancestors()):
                    names.add(node.get("name"))
        return {
            name: described[name] for name in names if name in described and name in Model._fields
        }

    def _open_action(self, user, action):
        env = self.env(user=user)
        eval_context = env["ir.actions.actions"]._get_eval_context()
        eval_context.update(uid=user.id, allowed_company_ids=user.company_ids.ids)
        context = safe_eval(action.context or "{}", eval_context)
        domain = safe_eval(action.domain or "[]", dict(eval_context, context=context))
        Model = env[action.res_model].with_context(**context)
        modes = [mode for mode in action.view_mode.split(",") if mode in VIEW_TYPES]
        view_ids = dict.fromkeys(modes, False)
        if action.view_id:
            view_ids[action.view_id.type] = action.view_id.id
        for view in action.view_ids:
            view_ids[view.view_mode] = view.view_id.id
        views = [(view_id, mode) for mode, view_id in view_ids.items()]
        views.append((action.search_view_id.id, "search"))
        result = Model.get_views(views, {"toolbar": True})
        spec = self._spec(self._shown_fields(result, action.res_model, Model))
        records = Model.web_search_read(domain, spec, limit=20)
        if records["records"]:
            Model.browse(records["records"][0]["id"]).web_read(spec)
        elif Model.has_access("create"):
            Model.onchange({}, [], spec)

    def test_every_menu_opens_for_every_role(self):
        """Every window action of the addon's menus opens (views, list, first record or new
        record) for each role that sees the menu: no AccessError."""
        menus = self._module_menus()
        self.assertTrue(menus, f"{self._menu_modules} has menus")
        opened = 0
        for role, user in self.role_users.items():
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            for menu in menus.filtered(lambda menu, visible=visible: menu.id in visible):
                action = menu.action
                if not action or action._name != "ir.actions.act_window":
                    continue
                with self.subTest(role=role, menu=menu.complete_name, model=action.res_model):
                    try:
                        self._open_action(user, action)
                    except AccessError as error:
                        self.fail(f"{role} opens {menu.complete_name}: {error}")
                opened += 1
        self.assertTrue(opened, "at least one role opens at least one screen")
