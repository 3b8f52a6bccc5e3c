# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Elke voorbeeldcasus in cases/ is geldig en krijgt het advies dat haar omschrijving belooft."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from samenwerkingstoets.cli import cli
import yaml

from conftest import CASES, ROOT, beoordeel
from samenwerkingstoets.engine.casus import catalogus
from samenwerkingstoets.engine.laden import lees_casus, lees_yaml

CATALOGUS = catalogus()  # met de woorden van het standaardpakket

BESTANDEN = sorted(CASES.glob("*.yaml"))
BELOFTE = re.compile(r"Verwacht advies: ([a-zë ]+?)[.(,]")
WOORD = {"aangaan": "aangaan", "aangaan onder voorwaarden": "aangaan_onder_voorwaarden",
         "niet aangaan": "niet_aangaan", "voortzetten": "voortzetten",
         "voortzetten onder voorwaarden": "voortzetten_onder_voorwaarden", "beëindigen": "beeindigen"}


def _belofte(pad) -> str:
    """Het verwachte advies staat als commentaar bovenaan het bestand, niet in de omschrijving: die
    komt in het collegevoorstel, en een college leest geen testverwachting."""
    commentaar = " ".join(r.lstrip("# ").strip() for r in pad.read_text(encoding="utf-8").splitlines()
                          if r.startswith("#"))
    gevonden = BELOFTE.search(commentaar)
    assert gevonden, f"{pad.name}: het commentaar bovenaan noemt geen 'Verwacht advies: ...'"
    assert "Verwacht advies" not in (lees_casus(pad).omschrijving or ""), pad.name
    return WOORD[gevonden.group(1).strip()]


@pytest.mark.parametrize("pad", BESTANDEN, ids=lambda p: p.name)
def test_voorbeeldcasus_krijgt_het_beloofde_advies_en_elke_bevinding_heeft_een_bron(pad):
    resultaat = CliRunner().invoke(cli, ["beoordeel", str(pad), "--formaat", "json"])
    assert resultaat.exit_code == 0, resultaat.output
    data = json.loads(resultaat.output)
    assert data["advies"] == _belofte(pad)
    assert data["bevindingen"], "elk advies heeft minstens één bevinding"
    for bevinding in data["bevindingen"]:
        assert bevinding["bron"]["document"] and bevinding["bron"]["sectie"]


@pytest.mark.parametrize("pad", BESTANDEN, ids=lambda p: p.name)
def test_voorbeeldcasus_is_compleet(pad):
    """Compleet: elk veld staat in het bestand (evaluatie alleen bij lopend; de registergegevens onder
    `verbonden_partij` alleen waar de samenwerking een verbonden partij is, en de kop en het uittreden voor het
    collegevoorstel alleen waar ze bekend zijn: ze tellen niet mee in het advies).

    Een expliciet `onbekend` telt als ingevuld: de adviseur heeft het veld bekeken en weet het niet.
    """
    casus = lees_casus(pad)
    data = lees_yaml(pad).data
    ontbrekend = []
    for veld in CATALOGUS.values():
        if veld.afgeleid or "[]" in veld.pad or veld.soort in ("tekst", "datum"):
            continue
        if veld.pad.startswith("evaluatie.") and casus.fase.value == "voorstel":
            continue
        if veld.pad.startswith(("verbonden_partij.", "uittreding.", "collegevoorstel.")) or veld.pad == "afwegingen":
            continue  # registergegevens, gegevens voor het voorstel, de afweging van een adviseur: geen feiten
        waarde = data
        for deel in veld.pad.split("."):
            waarde = waarde.get(deel) if isinstance(waarde, dict) else None
        if waarde is None:
            ontbrekend.append(veld.pad)
    assert not ontbrekend, f"{pad.name} mist: {ontbrekend}"


def test_voorbeeldcasussen_bereiken_samen_alle_zes_adviezen():
    assert {_belofte(p) for p in BESTANDEN} == set(WOORD.values())
    assert len(BESTANDEN) >= 6


@pytest.mark.parametrize("pad", sorted(CASES.glob("*.yaml")), ids=lambda p: p.name)
def test_het_advies_van_elke_voorbeeldcasus_is_gelijk_aan_het_vastgelegde_advies(pad):
    """Herschrijven van code of regelpakket (sjablonen, bestandsbrede voorwaarden) verandert geen advies.
    Een bewuste wijziging van beleid werkt tests/golden/json/ bij (beoordeel ... --formaat json)."""
    from samenwerkingstoets.engine.weergave.json import advies_data

    verwacht = json.loads((ROOT / "tests" / "golden" / "json" / f"{pad.stem}.json").read_text(encoding="utf-8"))
    nu = json.loads(json.dumps(advies_data(beoordeel(yaml.safe_load(pad.read_text(encoding="utf-8")))),
                               default=str, ensure_ascii=False))
    for advies in (verwacht, nu):
        advies["regelpakket"].pop("inhoudshash")
    assert nu == verwacht
