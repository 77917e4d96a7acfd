# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import shutil
import subprocess
import tempfile
import unicodedata

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from .common import ReferralCommon


def pdf_text_and_fonts(content):
    """The text of a PDF (pdftotext) and the names of its fonts (pdffonts)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(content)
        pdf.flush()
        text = subprocess.run(
            ["pdftotext", "-layout", pdf.name, "-"], capture_output=True, check=True, text=True
        ).stdout
        fonts = subprocess.run(
            ["pdffonts", pdf.name], capture_output=True, check=True, text=True
        ).stdout
    # CJK fonts map some ideographs to Kangxi radicals (⼯ for 工): NFKC folds them back.
    return unicodedata.normalize("NFKC", text), fonts


@tagged("post_install", "-at_install")
class TestReferralReportPdf(ReferralCommon, HttpCase):
    """The RI-6 monthly reports print: wkhtmltopdf renders them, in Chinese, with a CJK font
    embedded (no boxes), with the claims and amounts of the month."""

    def test_ri6_monthly_reports_render_as_chinese_pdf(self):
        """RI-6: both monthly reports render to a PDF whose text is Chinese and lists the
        month's claims, bonuses and total; "Send Reports" attaches those PDFs."""
        for tool in ("wkhtmltopdf", "pdftotext", "pdffonts"):
            self.assertTrue(shutil.which(tool), f"{tool} is missing: scripts/lib.sh installs it")
        self.new_customer.name = "苏州精工机械有限公司"
        self.old_customer.name = "宁波港通物流有限公司"
        staff = self._approve(
            self._claim(self.user_li, self._won_deal(self.new_customer, won_on="2026-10-02"))
        )
        self._won_deal(self.old_customer, won_on="2026-01-20")
        renewal = self._claim(
            self.user_chen,
            self._won_deal(self.old_customer, amount=620000.0, won_on="2026-10-03"),
            case="renewal",
            parties=[{"party_type": "consultant", "employee_id": self.emp_chen.id}],
        )
        with freeze_time("2026-10-05 10:00"):
            renewal.with_user(self.user_chen).action_submit()
        month = self.env["referral.month"].create(
            {"date_start": "2026-10-01", "date_end": "2026-10-31"}
        )
        self.assertEqual(month.staff_claim_ids, staff)
        self.assertEqual(month.list_claim_ids, renewal)
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["referral_incentive"], ["zh_CN"])
        Report = self.env["ir.actions.report"].with_context(
            lang="zh_CN", force_report_rendering=True
        )
        expected = {
            "referral_incentive.action_report_referral_staff": (
                "内部员工推荐报告",
                staff,
            ),
            "referral_incentive.action_report_referral_list": ("续约与转介绍名单", renewal),
        }
        for report_ref, (title, claim) in expected.items():
            content, report_format = Report._render_qweb_pdf(report_ref, month.ids)
            self.assertEqual(report_format, "pdf")
            self.assertTrue(content.startswith(b"%PDF"))
            text, fonts = pdf_text_and_fonts(content)
            self.assertIn("CJK", fonts, "a CJK font is embedded: Chinese does not print as boxes")
            flat = "".join(text.split())
            self.assertIn(title, flat)
            self.assertIn(claim.name, flat)
            self.assertIn(claim.partner_id.name, flat)
            self.assertIn(f"{claim.amount:,.2f}", flat)
            self.assertIn(f"{claim.deal_amount:,.2f}", flat)
        self.assertEqual(staff.amount, 1000.0)
