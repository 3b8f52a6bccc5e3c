"""Het regelpakket als data: wordt gecontroleerd bij het laden, en het standaardpakket is compleet."""

from __future__ import annotations

import shutil

import pytest
import yaml

from conftest import ROOT
from engine.casus import CATALOGUS
from engine.fouten import RegelpakketFout
from engine.laden import STANDAARDPAKKET, lees_regelpakket
from engine.regels import Effect

EERSTE_VIER_GROEPEN = {"VIS-TW1", "VIS-TW2", "VIS-TW3", "VIS-OL1", "VIS-OL2", "VIS-OL3", "BE-1", "BE-3",
                       "JV-1", "JV-2", "JV-3", "VIS-ST1", "VIS-ST2", "VIS-UV1", "VIS-UV2", "BE-2"}


def test_elke_regel_heeft_id_criterium_effect_uitleg_en_een_bestaande_bron(pakket):
    for r in pakket.regels:
        assert r.id and r.regel.uitleg.strip()
        assert r.regel.criterium in pakket.kop.criteria
        document, _, sectie = r.regel.bron.partition("#")
        assert sectie in pakket.kop.bronnen[document].secties
        if r.regel.effect == Effect.voorwaarde:
            assert r.regel.voorwaarde, f"{r.id} stelt een voorwaarde zonder die te noemen"


def test_de_eerste_vier_criteriumgroepen_hebben_elk_minstens_een_regel(pakket):
    gedekt = {r.regel.criterium for r in pakket.regels}
    assert EERSTE_VIER_GROEPEN <= gedekt, EERSTE_VIER_GROEPEN - gedekt


def test_elk_criterium_uit_de_ontwerpcatalogus_staat_in_het_pakket(pakket):
    import re
    criteria = ROOT.parent / "shared" / "design" / "criteria.md"
    if not criteria.exists():
        pytest.skip("shared/design/criteria.md ligt niet naast de repository")
    codes = set(re.findall(r"^\| ((?:VIS|SF|RA|BE|TE|JV|EV)-[A-Z]*\d+) \|", criteria.read_text(), re.M))
    assert codes and codes <= set(pakket.kop.criteria), codes - set(pakket.kop.criteria)


def test_elk_gelezen_veld_bestaat_in_de_casuscatalogus(pakket):
    for r in pakket.regels:
        for veld in r.velden:
            assert CATALOGUS[veld].leesbaar


def test_geen_twee_regels_met_dezelfde_voorwaarde_en_tegengesteld_effect(pakket):
    gezien = {}
    for r in pakket.regels:
        if r.voorwaarde in gezien:
            ander = gezien[r.voorwaarde]
            assert {ander.regel.effect, r.regel.effect} != {Effect.blokkerend, Effect.sterkte}, (ander.id, r.id)
        gezien[r.voorwaarde] = r


# --- een kapot pakket: elke fout noemt bestand en regel --------------------------------

@pytest.fixture
def kopie(tmp_path):
    doel = tmp_path / "pakket"
    shutil.copytree(STANDAARDPAKKET, doel)
    return doel


def _wijzig_regel(map_, bestand, regel_id, **velden):
    pad = map_ / bestand
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    regel = next(r for r in data["regels"] if r["id"] == regel_id)
    for sleutel, waarde in velden.items():
        if waarde is None:
            del regel[sleutel]
        else:
            regel[sleutel] = waarde
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize("wijziging, verwacht", [
    ({"als": {"opgave.benoemdd": "nee"}}, ["veld 'opgave.benoemdd' bestaat niet", "Bedoelde u 'opgave.benoemd'?"]),
    ({"als": {"opgave.omschrijving": "nee"}}, ["veld 'opgave.omschrijving' is tekst en kan niet door regels"]),
    ({"als": {"opgave.benoemd": "misschien"}}, ["'misschien' is geen waarde van veld 'opgave.benoemd'"]),
    ({"bron": "visie#bestaat-niet"}, ["sectie 'bestaat-niet' bestaat niet in bron 'visie'"]),
    ({"bron": "visei#opgaven-zijn-leidend"}, ["bron 'visei' staat niet in de bronnenlijst", "Bedoelde u 'visie'?"]),
    ({"criterium": "VIS-OL9"}, ["criterium 'VIS-OL9' staat niet in de criteriacatalogus"]),
    ({"uitleg": None}, ["veld 'regels[1].uitleg'", "ontbreekt"]),
    ({"effect": "blokerend"}, ["regels[1].effect"]),
    ({"id": "ol-partners-uit-gewoonte"}, ["regel-id 'ol-partners-uit-gewoonte' komt twee keer voor"]),
    ({"als": {"onderbouwing.kosten_per_jaar": {"minstens": {"parameter": "grote_kost"}}}},
     ["parameter 'grote_kost' bestaat niet", "Bedoelde u 'grote_kosten'?"]),
    ({"als": {"doelen.uitvoerend": "kostenefficientie"}}, ["is een lijst"]),
])
def test_een_fout_in_een_regel_noemt_bestand_regelnummer_en_regel(kopie, wijziging, verwacht):
    _wijzig_regel(kopie, "opgaven.yaml", "ol-geen-opgave", **wijziging)
    with pytest.raises(RegelpakketFout) as fout:
        lees_regelpakket(kopie)
    tekst = str(fout.value)
    assert "opgaven.yaml, regel " in tekst
    for stukje in verwacht:
        assert stukje in tekst, tekst


def test_een_regelbestand_dat_niet_in_pack_yaml_staat_wordt_niet_stil_genegeerd(kopie):
    (kopie / "extra.yaml").write_text("groep: extra\nregels: []\n", encoding="utf-8")
    with pytest.raises(RegelpakketFout, match="staat niet onder 'bestanden'"):
        lees_regelpakket(kopie)


def test_adviestabel_moet_eindigen_met_anders(kopie):
    data = yaml.safe_load((kopie / "pack.yaml").read_text(encoding="utf-8"))
    data["adviestabel"].pop()
    (kopie / "pack.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(RegelpakketFout, match="laatste rij moet 'bij: anders' zijn"):
        lees_regelpakket(kopie)


def test_een_aangepast_pakket_krijgt_een_andere_inhoudshash(kopie, pakket):
    _wijzig_regel(kopie, "opgaven.yaml", "ol-partners-uit-gewoonte", effect="voorwaarde",
                  voorwaarde="Het college kiest de partners opnieuw op grond van de opgave.")
    ander = lees_regelpakket(kopie)
    assert ander.inhoudshash != pakket.inhoudshash
    assert lees_regelpakket(STANDAARDPAKKET).inhoudshash == pakket.inhoudshash
