# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Generate each addon's README.rst from its readme/*.md fragments (OCA layout), and from it
static/description/index.html, the page Odoo's Apps menu shows for the addon.

Usage: python scripts/gen_readme.py [--check] ADDONS_DIR
With --check, exit 1 when a README.rst or index.html is missing or out of date instead of
writing it.
"""

import ast
import pathlib
import re
import sys

from docutils.core import publish_parts

SECTIONS = (
    ("DESCRIPTION.md", None),
    ("CONFIGURE.md", "Configuration"),
    ("USAGE.md", "Usage"),
    ("ROADMAP.md", "Known issues / Roadmap"),
)


def md_to_rst(text):
    """Enough Markdown for our fragments: paragraphs, '-' lists, `code`, **bold**."""
    lines = []
    in_code = False
    for line in text.splitlines():
        fence = re.match(r"^```(\w*)\s*$", line)
        if fence:
            in_code = not in_code
            if in_code:
                lines += [f".. code-block:: {fence.group(1) or 'text'}", ""]
            continue
        if in_code:
            lines.append(f"    {line}" if line else "")
            continue
        line = re.sub(r"(?<!`)`([^`]+)`(?!`)", r"``\1``", line)
        heading = re.match(r"^(#+)\s+(.*)$", line)
        if heading:
            lines += [heading.group(2), "~" * len(heading.group(2))]
        else:
            lines.append(line)
    return "\n".join(lines).strip() + "\n"


def render(addon_dir):
    manifest = ast.literal_eval((addon_dir / "__manifest__.py").read_text(encoding="utf-8"))
    title = manifest["name"]
    bar = "=" * max(len(title), 10)
    parts = [f"{bar}\n{title}\n{bar}\n", f"{manifest.get('summary', '')}\n"]
    parts.append(f"License: {manifest['license']}. Version: {manifest['version']}.\n")
    for filename, heading in SECTIONS:
        fragment = addon_dir / "readme" / filename
        if fragment.is_file():
            if heading:
                parts.append(f"{heading}\n{'=' * len(heading)}\n")
            parts.append(md_to_rst(fragment.read_text(encoding="utf-8")))
    credits = f"Credits\n=======\n\nAuthors: {manifest['author']}\n"
    contributors = addon_dir / "readme" / "CONTRIBUTORS.md"
    if contributors.is_file():
        credits += "\nContributors:\n\n" + md_to_rst(contributors.read_text(encoding="utf-8"))
    parts.append(
        credits + "\nThis file is generated from the readme fragments by scripts/gen_readme.py.\n"
    )
    return "\n".join(parts)


def render_html(rst):
    """The description page of the Apps menu: README.rst as an HTML body, no stylesheet."""
    body = publish_parts(
        rst,
        writer_name="html5",
        settings_overrides={
            "embed_stylesheet": False,
            "report_level": 5,
            "halt_level": 5,
            "doctitle_xform": False,
            "_disable_config": True,
        },
    )["html_body"]
    return (
        "<!-- Generated from README.rst by scripts/gen_readme.py: do not edit. -->\n"
        '<section class="oe_container">\n' + body.strip() + "\n</section>\n"
    )


def main(argv):
    check = "--check" in argv
    args = [arg for arg in argv if arg != "--check"]
    root = pathlib.Path(args[0] if args else "addons")
    stale = []
    for manifest in sorted(root.glob("*/__manifest__.py")):
        addon_dir = manifest.parent
        content = render(addon_dir)
        html = addon_dir / "static" / "description" / "index.html"
        for target, text in ((addon_dir / "README.rst", content), (html, render_html(content))):
            current = target.read_text(encoding="utf-8") if target.is_file() else None
            if current != text:
                if check:
                    stale.append(str(target))
                else:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"{path} is out of date: run python scripts/gen_readme.py addons")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
