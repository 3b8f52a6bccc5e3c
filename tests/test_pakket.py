"""Het regelpakket als data: wordt gecontroleerd bij het laden, en het standaardpakket is compleet."""

from __future__ import annotations

import shutil

import pytest
import yaml

from conftest import ROOT
from samenwerkingstoets.engine.casus import CATALOGUS
from samenwerkingstoets.engine.fouten import RegelpakketFout
from samenwerkingstoets.engine.laden import STANDAARDPAKKET, lees_regelpakket
from samenwerkingstoets.engine.regels import Effect

def test_elke_regel_heeft_id_criterium_effect_uitleg_en_een_bestaande_bron(pakket):
    for r in pakket.regels:
        assert r.id and r.regel.uitleg.strip()
        assert r.regel.criterium in pakket.kop.criteria
        document, _, sectie = r.regel.bron.partition("#")
        assert sectie in pakket.kop.bronnen[document].secties
        if r.regel.effect == Effect.voorwaarde:
            assert r.regel.voorwaarde, f"{r.id} stelt een voorwaarde zonder die te noemen"


def _criteria_uit_ontwerp() -> set[str]:
    import re
    criteria = ROOT.parent / "shared" / "design" / "criteria.md"
    if not criteria.exists():
        pytest.skip("shared/design/criteria.md ligt niet naast de repository")
    return set(re.findall(r"^\| ((?:VIS|SF|RA|BE|TE|JV|EV)-[A-Z]*\d+) \|", criteria.read_text(), re.M))


def test_elk_criterium_uit_de_ontwerpcatalogus_heeft_minstens_een_regel(pakket):
    codes = _criteria_uit_ontwerp()
    assert len(codes) >= 58
    gedekt = {code for code, _, n in pakket.dekking() if n > 0}
    assert codes <= gedekt, sorted(codes - gedekt)


def test_elke_regel_vuurt_in_minstens_een_spectest(pakket):
    """Bereikbaarheid: voor elke regel is er een geldige casus die hem laat vuren (tests/spec)."""
    genoemd = set()
    for bestand in (ROOT / "tests" / "spec").glob("*.yaml"):
        for geval in yaml.safe_load(bestand.read_text(encoding="utf-8")):
            genoemd |= set(geval.get("vuurt", []))
    nooit = [r.id for r in pakket.regels if r.id not in genoemd]
    assert not nooit, f"geen spectest laat deze regels vuren: {nooit}"


def test_elk_gelezen_veld_bestaat_in_de_casuscatalogus(pakket):
    for r in pakket.regels:
        for veld in r.velden:
            assert CATALOGUS[veld].leesbaar


def test_geen_twee_regels_met_dezelfde_voorwaarde_en_tegengesteld_effect(pakket):
    negatief = {Effect.blokkerend, Effect.voorwaarde, Effect.aandachtspunt}
    per_voorwaarde: dict = {}
    for r in pakket.regels:
        per_voorwaarde.setdefault(r.voorwaarde, []).append(r)
    for groep in per_voorwaarde.values():
        effecten = {r.regel.effect for r in groep}
        assert not (Effect.sterkte in effecten and effecten & negatief), [r.id for r in groep]


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


def test_een_criterium_zonder_regels_heeft_dekking_nul(kopie):
    data = yaml.safe_load((kopie / "pack.yaml").read_text(encoding="utf-8"))
    data["criteria"]["VIS-XX1"] = {"naam": "Nieuw criterium", "groep": "visie", "bron": "visie"}
    (kopie / "pack.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    dekking = {code: n for code, _, n in lees_regelpakket(kopie).dekking()}
    assert dekking["VIS-XX1"] == 0 and dekking["VIS-OL1"] > 0


def test_een_sjabloon_schrijft_de_tien_succesfactoren_uit_met_vaste_ids(pakket):
    ids = {r.id for r in pakket.regels}
    for nr in range(2, 11):
        assert {f"sf-{nr}-laag", f"sf-{nr}-laag-bij-partner", f"sf-{nr}-sterk"} <= ids
    regel = pakket.regel("sf-7-laag-bij-partner")
    assert regel.regel.criterium == "SF-7" and "relatie_sleutelfiguren" in regel.velden[0]
    assert regel.lijn is not None  # de plaats van het sjabloon in het bestand


def test_geldt_voor_zet_de_voorwaarde_voor_elke_regel_van_het_bestand(pakket):
    evaluatie = [r for r in pakket.regels if r.bestand.endswith("evaluatie.yaml")]
    assert evaluatie and all(r.regel.als.get("fase") == "lopend" for r in evaluatie)


def test_een_fout_in_een_sjabloon_noemt_bestand_en_regel(kopie):
    pad = kopie / "succesfactoren.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("criterium: SF-${nr}", "criterium: SF-${nummer}", 1),
                   encoding="utf-8")
    with pytest.raises(RegelpakketFout) as fout:
        lees_regelpakket(kopie)
    assert "succesfactoren.yaml" in str(fout.value) and "SF-${nummer}" in str(fout.value)
