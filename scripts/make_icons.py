#!/usr/bin/env python3
# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Draws each addon's static/description/icon.png (128 x 128, Odoo's app icon size): a
coloured tile with the addon's Chinese key character. Needs Pillow (in the venv) and Noto
Sans CJK (fonts-noto-cjk); re-run after adding an addon to ICONS.

    $VENV/bin/python scripts/make_icons.py
"""

import pathlib

from PIL import Image, ImageDraw, ImageFont

ROOT = pathlib.Path(__file__).resolve().parent.parent
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
# addon: (character, tile colour); Odoo's app colours, one per concern.
ICONS = {
    "incentive_ledger": ("账", "#017e84"),
    "incentive_ledger_payroll": ("薪", "#2d6a4f"),
    "lead_protection": ("报", "#714b67"),
    "referral_incentive": ("荐", "#e46f78"),
    "service_scorecard": ("评", "#f1a200"),
    "partner_onboarding": ("联", "#3a7bd5"),
    "lead_reception": ("访", "#5b8c5a"),
    "lead_membership": ("卡", "#8e5572"),
    "customer_service": ("诉", "#c0392b"),
    "event_invitation": ("邀", "#1f6f8b"),
    "event_invitation_referral": ("积", "#b5651d"),
    "base_tier_validation_zh": ("审", "#6c757d"),
}
SIZE = 128


def draw(character, colour):
    scale = 4  # drawn large, scaled down: smooth edges
    image = Image.new("RGBA", (SIZE * scale, SIZE * scale), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle(
        (0, 0, SIZE * scale - 1, SIZE * scale - 1), radius=24 * scale, fill=colour
    )
    font = ImageFont.truetype(FONT, 76 * scale, index=2)  # index 2: Simplified Chinese
    pen.text((SIZE * scale / 2, SIZE * scale / 2), character, font=font, fill="white", anchor="mm")
    return image.resize((SIZE, SIZE), Image.LANCZOS)


def main():
    for addon, (character, colour) in ICONS.items():
        target = ROOT / "addons" / addon / "static" / "description" / "icon.png"
        if not target.parent.parent.parent.is_dir():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        draw(character, colour).save(target, optimize=True)
        print(target.relative_to(ROOT))


if __name__ == "__main__":
    main()
