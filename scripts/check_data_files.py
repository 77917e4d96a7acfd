# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Check that every addon's XML, CSV and manifest files are well formed.

Usage: python scripts/check_data_files.py ADDONS_DIR
"""

import ast
import csv
import pathlib
import sys

from lxml import etree

REQUIRED_MANIFEST_KEYS = ("name", "version", "license", "author", "website", "depends")


def check(addons_dir):
    errors = []
    root = pathlib.Path(addons_dir)
    for path in sorted(root.rglob("*.xml")):
        try:
            etree.parse(str(path))
        except etree.XMLSyntaxError as error:
            errors.append(f"{path}: {error}")
    for path in sorted(root.rglob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        widths = {len(row) for row in rows if row}
        if len(widths) > 1:
            errors.append(f"{path}: rows have different numbers of columns {sorted(widths)}")
    for path in sorted(root.glob("*/__manifest__.py")):
        manifest = ast.literal_eval(path.read_text(encoding="utf-8"))
        missing = [key for key in REQUIRED_MANIFEST_KEYS if key not in manifest]
        if missing:
            errors.append(f"{path}: missing keys {missing}")
        if not str(manifest.get("version", "")).startswith("19.0."):
            errors.append(f"{path}: version must be 19.0.x.y.z")
        if "description" in manifest:
            errors.append(f"{path}: use readme/ fragments, not a description key")
        for data_file in manifest.get("data", []) + manifest.get("demo", []):
            if not (path.parent / data_file).is_file():
                errors.append(f"{path}: data file {data_file} does not exist")
    for error in errors:
        print(error)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(check(sys.argv[1] if len(sys.argv) > 1 else "addons"))
