# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Generate each addon's README.rst from its readme/*.md fragments (OCA layout).

Usage: python scripts/gen_readme.py [--check] ADDONS_DIR
With --check, exit 1 when a README.rst is missing or out of date instead of writing it.
"""

import ast
import pathlib
import re
import sys

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
    parts.append(
        "Credits\n=======\n\nAuthors: "
        + manifest["author"]
        + "\n\nThis file is generated from the readme fragments by scripts/gen_readme.py.\n"
    )
    return "\n".join(parts)


def main(argv):
    check = "--check" in argv
    args = [arg for arg in argv if arg != "--check"]
    root = pathlib.Path(args[0] if args else "addons")
    stale = []
    for manifest in sorted(root.glob("*/__manifest__.py")):
        addon_dir = manifest.parent
        target = addon_dir / "README.rst"
        content = render(addon_dir)
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current != content:
            if check:
                stale.append(str(target))
            else:
                target.write_text(content, encoding="utf-8")
    for path in stale:
        print(f"{path} is out of date: run python scripts/gen_readme.py addons")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
