# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Twee kaders naast elkaar: elke voorbeeldcasus beoordeeld met het pakket alkmaar en het pakket dronten.

Het pakket dronten zet het afwegingskader voor verbonden partijen van de gemeente Dronten (Programmabegroting
2018, paragraaf Verbonden partijen) om in regels. De verwachte adviezen staan in tests/golden/tweede-pakket.json.
"""

from __future__ import annotations

import json

import pytest

from samenwerkingstoets.engine.beoordelen import Beoordelaar
from samenwerkingstoets.engine.laden import lees_casus, lees_regelpakket

from conftest import CASES, ROOT

PAKKETTEN = ("alkmaar", "dronten")
GOLDEN = ROOT / "tests" / "golden" / "tweede-pakket.json"
VERWACHT = json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def beoordelaars() -> dict[str, Beoordelaar]:
    return {naam: Beoordelaar(lees_regelpakket(ROOT / "rules" / naam)) for naam in PAKKETTEN}


def _regels(advies) -> set[str]:
    return {b.regel for b in advies.bevindingen}


def test_de_golden_noemt_elke_voorbeeldcasus():
    assert sorted(VERWACHT) == sorted(p.stem for p in CASES.glob("*.yaml"))


@pytest.mark.parametrize("casus", sorted(p.stem for p in CASES.glob("*.yaml")))
def test_elke_voorbeeldcasus_krijgt_onder_beide_pakketten_het_verwachte_advies(beoordelaars, casus):
    gelezen = lees_casus(CASES / f"{casus}.yaml")
    gekregen = {naam: str(b.beoordeel(gelezen).advies) for naam, b in beoordelaars.items()}
    assert gekregen == VERWACHT[casus]


def test_minstens_een_voorbeeld_krijgt_onder_de_twee_kaders_een_ander_advies():
    assert any(v["alkmaar"] != v["dronten"] for v in VERWACHT.values())


def test_de_woonagenda_vraagt_in_dronten_een_afweging_van_voor_en_nadelen(beoordelaars):
    """Structurele kosten onder de drempel van Alkmaar: Dronten vraagt toch een afweging (DR-4)."""
    casus = lees_casus(CASES / "regionale-woonagenda-nhn.yaml")
    alkmaar = beoordelaars["alkmaar"].beoordeel(casus)
    dronten = beoordelaars["dronten"].beoordeel(casus)
    assert str(alkmaar.advies) == "aangaan"
    assert str(dronten.advies) == "aangaan_onder_voorwaarden"
    assert "dr-afweging-ontbreekt" in _regels(dronten)


def test_de_economische_samenwerking_krijgt_in_dronten_dezelfde_voorwaarde(beoordelaars):
    casus = lees_casus(CASES / "economische-samenwerking-mra.yaml")
    dronten = beoordelaars["dronten"].beoordeel(casus)
    assert str(beoordelaars["alkmaar"].beoordeel(casus).advies) == "aangaan"
    assert str(dronten.advies) == "aangaan_onder_voorwaarden"
    bevinding = next(b for b in dronten.bevindingen if b.regel == "dr-afweging-ontbreekt")
    assert bevinding.criterium == "DR-4"
    assert "Dronten" in bevinding.bron.document or "Dronten" in bevinding.bron.uitgever


def test_alleen_waarde_voor_de_regio_blokkeert_in_dronten_maar_niet_in_alkmaar(beoordelaars):
    """Alkmaar: het regionale belang mag voorgaan, onder voorwaarden. Dronten: geen meerwaarde, geen deelname (DR-2)."""
    casus = lees_casus(CASES / "regionale-inkoop-jeugdzorg.yaml")
    casus = casus.model_copy(update={"toegevoegde_waarde": casus.toegevoegde_waarde.model_copy(
        update={"gemeente": "nee", "regio": "ja"})})
    assert str(beoordelaars["alkmaar"].beoordeel(casus).advies) == "aangaan_onder_voorwaarden"
    dronten = beoordelaars["dronten"].beoordeel(casus)
    assert str(dronten.advies) == "niet_aangaan"
    assert "dr-geen-meerwaarde-gemeente-voorstel" in _regels(dronten)


def test_het_voorbeeld_van_dronten_gebruikt_de_woorden_van_dronten_en_krijgt_het_advies_van_dronten(beoordelaars):
    """De woonagenda in de woorden van Dronten (schaal flevoland): het pakket alkmaar kent dat woord niet."""
    from samenwerkingstoets.engine.fouten import CasusFout

    pad = ROOT / "rules" / "dronten" / "voorbeelden" / "woonagenda-flevoland.yaml"
    casus = lees_casus(pad, beoordelaars["dronten"].pakket.woordenlijsten)
    advies = beoordelaars["dronten"].beoordeel(casus)
    assert str(advies.advies) == "aangaan_onder_voorwaarden" and "dr-afweging-ontbreekt" in _regels(advies)
    with pytest.raises(CasusFout) as fout:
        lees_casus(pad)
    assert "'flevoland' is geen geldige waarde" in fout.value.meldingen[0].tekst
