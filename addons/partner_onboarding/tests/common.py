# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date

from odoo import Command
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

USER = "partner_onboarding.group_partner_onboarding_user"
MANAGER = "partner_onboarding.group_partner_onboarding_manager"
MARKET = "partner_onboarding.group_partner_onboarding_market"
SALESMAN = "sales_team.group_sale_salesman"


class PartnerOnboardingCommon(TransactionCase):
    """An introducing unit (East Branch) with its account manager, the central office (two
    reviewers), the market development department, a salesman outside the onboarding groups
    and the portal user of a joint-venture partner."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.user_intro = new_test_user(
            cls.env, login="po_intro", name="Account Manager Li", groups=f"{USER},{SALESMAN}"
        )
        cls.user_central = new_test_user(
            cls.env, login="po_central", name="Central Office Wang", groups=f"{MANAGER},{SALESMAN}"
        )
        cls.user_central_2 = new_test_user(
            cls.env, login="po_central_2", name="Central Office Zhou", groups=MANAGER
        )
        cls.user_market = new_test_user(
            cls.env, login="po_market", name="Market Development Chen", groups=MARKET
        )
        cls.user_salesman = new_test_user(
            cls.env, login="po_salesman", name="Salesman Liu", groups=SALESMAN
        )
        cls.department = cls.env["hr.department"].create({"name": "East Branch"})
        cls.env["hr.employee"].create(
            {"name": "Li", "user_id": cls.user_intro.id, "department_id": cls.department.id}
        )
        cls.company.onboarding_reviewer_id = cls.user_central
        cls.partner = cls.env["res.partner"].create(
            {"name": "Hangzhou Construction Group", "is_company": True, "city": "Hangzhou"}
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "Boss Zhao", "parent_id": cls.partner.id, "email": "zhao@hzcg.example.com"}
        )
        cls.user_portal = new_test_user(
            cls.env,
            login="po_portal",
            name="Boss Zhao",
            groups="base.group_portal",
            partner_id=cls.contact.id,
        )
        cls.Application = cls.env["partner.onboarding.application"]
        cls.Visit = cls.env["partner.onboarding.visit"]
        cls.File = cls.env["partner.onboarding.file"]
        cls.Change = cls.env["partner.onboarding.grade.change"]
        cls.jv_tag = cls.env.ref("partner_onboarding.crm_tag_joint_venture")

    @classmethod
    def _document(cls, user, name="scan.pdf"):
        return (
            cls.env["ir.attachment"]
            .with_user(user)
            .create({"name": name, "datas": base64.b64encode(b"%PDF-1.4 scan")})
        )

    @classmethod
    def _line(cls, user, material_xmlid=None, section=None, **extra):
        material = cls.env.ref(f"partner_onboarding.{material_xmlid}") if material_xmlid else None
        vals = {
            "section": section or material.section,
            "material_id": material.id if material else False,
            "name": material.name if material else "Item",
            "verified": True,
            "attachment_ids": [Command.link(cls._document(user).id)],
        }
        if material and material.expires:
            vals["valid_until"] = date(2030, 12, 31)
        vals.update(extra)
        return Command.create(vals)

    @classmethod
    def _application(cls, partner=None, user=None, key_materials=True, **extra):
        """A complete application filed by the introducing unit after the inspection."""
        user = user or cls.user_intro
        materials = [
            "material_business_licence",
            "material_qualification_certificate",
            "material_office",
            "material_project_manager",
            "material_equipment_list",
        ]
        if key_materials:
            materials += [
                "material_safety_licence",
                "material_financial_statements",
                "material_safety_officer",
            ]
        vals = {
            "partner_id": (partner or cls.partner).id,
            "legal_representative": "Zhao Gang",
            "registration_number": "91330100MA2H0000X1",
            "registered_capital": 50000000.0,
            "qualification": "Building construction general contracting, grade 2",
            "business_scope": "Building and municipal works",
            "contact_name": "Zhao Gang",
            "contact_phone": "13800138000",
            "contracting_region": "Zhejiang",
            "inspection_date": date(2026, 11, 2),
            "inspector_ids": [Command.set(user.ids)],
            "inspection_findings": "Office, staff and equipment as declared.",
            "line_ids": [cls._line(user, xmlid) for xmlid in materials],
        }
        vals.update(extra)
        return cls.Application.with_user(user).create(vals)

    @classmethod
    def _admit(cls, partner=None, grade="a", **extra):
        """File, submit and admit a partner with ``grade``."""
        application = cls._application(partner, **extra)
        application.action_submit()
        application = application.with_user(cls.user_central)
        application.grade = grade
        application.action_approve()
        return application

    @classmethod
    def _quick_admitted(cls, count, grade="c", **partner_vals):
        """Admitted partners written directly (setup shortcut for batch tests)."""
        partners = cls.env["res.partner"].create(
            [{"name": f"Partner {index}", "is_company": True} for index in range(count)]
        )
        partners.write(
            {
                "onboarding_state": "admitted",
                "onboarding_admitted_date": date(2026, 1, 5),
                "onboarding_company_id": cls.company.id,
                "onboarding_user_id": cls.user_intro.id,
                "onboarding_grade": grade,
                **partner_vals,
            }
        )
        return partners
