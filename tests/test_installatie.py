# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Een gewone installatie (geen bewerkbare) werkt vanuit elke map en botst met geen ander pakket.

De test bouwt het wiel zoals `pip install .` dat doet, installeert het in een lege map en draait
de geïnstalleerde opdracht vanuit een tijdelijke map buiten de repository.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import CASES, ROOT


@pytest.fixture(scope="module")
def installatie(tmp_path_factory):
    werk = tmp_path_factory.mktemp("installatie")
    wielen = werk / "wielen"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wielen), str(ROOT)],
                   check=True, capture_output=True, text=True)
    wiel = next(wielen.glob("samenwerkingstoets-*.whl"))
    doel = werk / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(doel), str(wiel)],
                   check=True, capture_output=True, text=True)
    return wiel, doel


def _draai(doel: Path, *args: str, map_: Path) -> subprocess.CompletedProcess:
    omgeving = {**os.environ, "PYTHONPATH": str(doel)}
    return subprocess.run([sys.executable, "-m", "samenwerkingstoets", *args], cwd=map_, env=omgeving,
                          capture_output=True, text=True, timeout=120)


def test_het_wiel_bevat_een_importpakket_en_het_regelpakket(installatie):
    wiel, _ = installatie
    namen = zipfile.ZipFile(wiel).namelist()
    bovenste = {n.split("/")[0] for n in namen}
    assert bovenste == {"samenwerkingstoets", next(b for b in bovenste if b.endswith(".dist-info"))}
    assert "samenwerkingstoets/rules/alkmaar/pack.yaml" in namen
    assert "samenwerkingstoets/cli.py" in namen and "samenwerkingstoets/engine/beoordelen.py" in namen
    assert {"samenwerkingstoets/web/sjablonen/basis.html", "samenwerkingstoets/web/statisch/stijl.css",
            "samenwerkingstoets/engine/weergave/sjabloon.docx"} <= set(namen), "de webapplicatie en het sjabloon gaan mee"
    assert not any(n.startswith(("samenwerkingstoets/tests/", "samenwerkingstoets/scripts/")) for n in namen)


def test_na_installatie_staan_er_geen_losse_modules_engine_cli_of_clitekst(installatie):
    _, doel = installatie
    assert not {"engine", "cli.py", "clitekst.py"} & {p.name for p in doel.iterdir()}


def test_de_geinstalleerde_opdracht_werkt_vanuit_een_andere_map(installatie, tmp_path):
    _, doel = installatie
    dekking = _draai(doel, "regels", "--dekking", map_=tmp_path)
    assert dekking.returncode == 0, dekking.stderr
    assert "criteria hebben minstens één regel" in dekking.stdout
    advies = _draai(doel, "beoordeel", str(CASES / "regionale-inkoop-jeugdzorg.yaml"), "--formaat", "json",
                    map_=tmp_path)
    assert advies.returncode == 0, advies.stderr
    data = json.loads(advies.stdout)
    assert data["advies"] == "aangaan"
    assert data["regelpakket"]["naam"] == "alkmaar"
    # het standaardsjabloon voor Word komt mee in het wiel
    voorstel = _draai(doel, "collegeadvies", str(CASES / "regionale-inkoop-jeugdzorg.yaml"), "-o", "voorstel.docx",
                      map_=tmp_path)
    assert voorstel.returncode == 0, voorstel.stderr
    assert zipfile.ZipFile(tmp_path / "voorstel.docx").read("word/header1.xml").count(b"Concept") == 1
    # de specs van het meegeleverde pakket komen mee: pakket toets werkt ook na een installatie
    toets = _draai(doel, "pakket", "toets", map_=tmp_path)
    assert toets.returncode == 0, toets.stdout + toets.stderr
    assert "0 mislukt; dekking: in orde." in toets.stdout


def test_een_eigen_map_engine_naast_de_casus_stoort_niet(installatie, tmp_path):
    _, doel = installatie
    (tmp_path / "engine").mkdir()
    (tmp_path / "engine" / "__init__.py").write_text("raise RuntimeError('verkeerde engine')\n", encoding="utf-8")
    (tmp_path / "cli.py").write_text("raise RuntimeError('verkeerde cli')\n", encoding="utf-8")
    omgeving = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{doel}"}
    r = subprocess.run([sys.executable, "-m", "samenwerkingstoets", "regels", "--dekking"], cwd=tmp_path,
                       env=omgeving, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


def test_de_brondistributie_bevat_het_pakket_en_de_licenties_maar_geen_tests(tmp_path):
    """De tests hebben de repository nodig (git, README, .ci/run); in de sdist zouden ze niet kunnen draaien."""
    import tarfile

    subprocess.run([sys.executable, "-m", "build", "--sdist", "--outdir", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True, text=True, timeout=300)
    namen = tarfile.open(next(tmp_path.glob("samenwerkingstoets-*.tar.gz"))).getnames()
    delen = {n.split("/", 2)[1] for n in namen if n.count("/") >= 1}
    assert {"engine", "rules", "cases", "web", "LICENSE", "LICENSES", "CHANGELOG.md", "pyproject.toml"} <= delen
    assert "tests" not in delen
