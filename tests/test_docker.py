# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""docker-compose.yml, docker/Dockerfile and docker/suite-start.sh, checked without a Docker
engine (none runs on the development machines): YAML, shell syntax, and that they agree with
scripts/lib.sh and requirements/suite.txt."""

import pathlib
import re
import shutil
import subprocess

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
DOCKERFILE = (ROOT / "docker" / "Dockerfile").read_text()
START = ROOT / "docker" / "suite-start.sh"


def bash_syntax(script):
    bash = shutil.which("bash")
    result = subprocess.run([bash, "-n"], input=script, capture_output=True, text=True)
    return result.returncode, result.stderr


def test_compose_services_and_image():
    assert set(COMPOSE["services"]) == {"db", "odoo"}
    odoo = COMPOSE["services"]["odoo"]
    assert odoo["build"] == {"context": ".", "dockerfile": "docker/Dockerfile"}
    assert odoo["depends_on"]["db"]["condition"] == "service_healthy"
    assert "./addons:/mnt/extra-addons:ro" in odoo["volumes"]
    assert odoo["command"] == ["suite-start"]


@pytest.mark.parametrize("service", ["db", "odoo"])
def test_compose_shell_commands_parse(service):
    """A command written as a string goes through a shell: bash must parse it (a folded
    ``>`` block once handed bash a line starting with ``&&``)."""
    spec = COMPOSE["services"][service]
    for key in ("command", "entrypoint"):
        value = spec.get(key)
        if isinstance(value, str):
            rc, err = bash_syntax(value)
            assert rc == 0, f"{service}.{key}: {err}"
        elif isinstance(value, list) and value[:2] in (["bash", "-c"], ["sh", "-c"]):
            rc, err = bash_syntax(value[2])
            assert rc == 0, f"{service}.{key}: {err}"


def test_start_script_parses_and_installs_the_suite():
    rc, err = bash_syntax(START.read_text())
    assert rc == 0, err
    lib = (ROOT / "scripts" / "lib.sh").read_text()
    suite = re.search(r'^SUITE_ADDONS="([^"]+)"', lib, re.M).group(1)
    assert f'SUITE_ADDONS:-{suite}}}"' in START.read_text(), "same addons as scripts/lib.sh"


def test_dockerfile_bakes_in_the_requirements():
    assert re.search(r"^FROM odoo:19$", DOCKERFILE, re.M)
    requirements = (ROOT / "requirements" / "suite.txt").read_text()
    for pin in re.findall(r"^(odoo-addon-\S+)$", requirements, re.M):
        assert f'"{pin}"' in DOCKERFILE, f"{pin} is not installed at build time"
    assert "phonenumbers" in DOCKERFILE
    assert "fonts-noto-cjk" in DOCKERFILE
    for source in re.findall(r"^COPY (\S+) ", DOCKERFILE, re.M):
        assert (ROOT / source).exists(), f"COPY {source}: no such file"
    assert "pip install" not in START.read_text(), "nothing is installed from the internet at start"
