# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The screenshots of the user guides (docs/images), taken in the browser on the demo database
as each demo user, so that they show the screens as they are: `scripts/screenshots`.

Not part of the standard test run (tag ``suite_screenshots``): it needs the demo users and
writes into the repository."""

import base64
import pathlib

from odoo.tests import HttpCase, tagged
from odoo.tests.common import ChromeBrowser

DOCS_IMAGES = pathlib.Path(__file__).resolve().parents[3] / "docs" / "images"
# file name: (login, client URL, selector shown once the screen is loaded)
SCREENS = {
    "salesperson-registrations": (
        "sales1",
        "/odoo/action-lead_protection.lead_protection_registration_action",
        ".o_list_renderer, .o_kanban_renderer",
    ),
    "manager-collisions": (
        "manager",
        "/odoo/action-lead_protection.lead_protection_collision_action",
        ".o_list_renderer, .o_kanban_renderer",
    ),
    "hr-referral-months": (
        "hr",
        "/odoo/action-referral_incentive.action_referral_month",
        ".o_list_renderer, .o_kanban_renderer",
    ),
    "central-office-applications": (
        "manager",
        "/odoo/action-partner_onboarding.partner_onboarding_application_action",
        ".o_list_renderer, .o_kanban_renderer",
    ),
}
WAIT_FOR = """
(async () => {
    for (let i = 0; i < 150; i++) {
        if (document.querySelector(%r) && !document.querySelector(".o_loading_indicator")) {
            break;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    console.log("test successful");
})();
"""


@tagged("-standard", "suite_screenshots", "post_install", "-at_install")
class TestDocsScreenshots(HttpCase):
    def test_user_guide_screenshots(self):
        """Each guide's screen opens for its role; its screenshot lands in docs/images."""
        users = self.env["res.users"].search([("login", "in", ["sales1", "manager", "hr"])])
        if len(users) < 3:
            self.skipTest("the demo users exist only in the demo database (scripts/start)")
        DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
        shots = {}
        original = ChromeBrowser._wait_code_ok

        def wait_then_capture(browser, code, timeout, error_checker=None):
            original(browser, code, timeout, error_checker=error_checker)
            result = browser._websocket_request("Page.captureScreenshot", timeout=30)
            shots[current] = base64.b64decode(result["data"])

        self.patch(ChromeBrowser, "_wait_code_ok", wait_then_capture)
        for current, (login, url, selector) in SCREENS.items():
            self.browser_js(url, WAIT_FOR % selector, login=login, timeout=120)
            self.assertIn(current, shots)
            (DOCS_IMAGES / f"{current}.png").write_bytes(shots[current])
