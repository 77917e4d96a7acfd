# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Print Odoo's requirements for this interpreter with the suite's wheel overrides applied.

Usage: python odoo_requirements.py ODOO_REQUIREMENTS OVERRIDES
"""

import re
import sys

from packaging.requirements import Requirement


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def load_overrides(path):
    overrides = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.split("#", 1)[0].strip()
            if line:
                name, _sep, replacement = line.partition(":")
                overrides[canonical(name)] = replacement.strip()
    return overrides


def main(requirements_path, overrides_path):
    overrides = load_overrides(overrides_path)
    with open(requirements_path, encoding="utf-8") as handle:
        for line in handle:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            requirement = Requirement(line)
            if requirement.marker is not None and not requirement.marker.evaluate():
                continue
            name = canonical(requirement.name)
            if name in overrides:
                if overrides[name]:
                    print(overrides[name])
            else:
                print(f"{requirement.name}{requirement.specifier}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
