# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Het regelpakket als data: wordt gecontroleerd bij het laden, en het standaardpakket is compleet."""

from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml

from conftest import ROOT
from samenwerkingstoets.engine.casus import catalogus
from samenwerkingstoets.engine.fouten import RegelpakketFout
from samenwerkingstoets.engine.laden import STANDAARDPAKKET, lees_regelpakket
from samenwerkingstoets.engine.regels import Effect

CATALOGUS = catalogus()  # met de woorden van het standaardpakket

def test_elke_regel_heeft_id_criterium_effect_uitleg_en_een_bestaande_bron(pakket):
    for r in pakket.regels:
        assert r.id and r.regel.uitleg.strip()
        assert r.regel.criterium in pakket.kop.criteria
        document, _, sectie = r.regel.bron.partition("#")
        assert document in pakket.kop.bronnen and r.regel.bron in pakket.secties(), r.regel.bron
        if r.regel.effect == Effect.voorwaarde:
            assert r.regel.voorwaarde, f"{r.id} stelt een voorwaarde zonder die te noemen"


# De vaste criteriumcodes uit de ontwerpcatalogus (een publiek contract: codes verdwijnen niet). Het
# regelpakket is de autoriteit voor naam, groep en bron; deze lijst bewaakt alleen dat geen code wegvalt.
ONTWERPCODES = (
    "VIS-TW1", "VIS-TW2", "VIS-TW3", "VIS-OL1", "VIS-OL2", "VIS-OL3", "VIS-CG1", "VIS-PS1",
    "VIS-SC1", "VIS-EK1", "VIS-EK2", "VIS-RH1", "VIS-RH2", "VIS-RH3", "VIS-ST1", "VIS-ST2",
    "VIS-UV1", "VIS-UV2", "VIS-TH1", "VIS-UP1", "VIS-UP2", "VIS-UP3", "SF-1", "SF-2", "SF-3",
    "SF-4", "SF-5", "SF-6", "SF-7", "SF-8", "SF-9", "SF-10", "RA-1", "RA-2", "RA-3", "RA-4",
    "RA-5", "BE-1", "BE-2", "BE-3", "BE-4", "BE-5", "BE-6", "BE-7", "TE-1", "TE-2", "TE-3", "TE-4",
    "TE-5", "TE-6", "JV-1", "JV-2", "JV-3", "EV-1", "EV-2", "EV-3", "EV-4", "EV-5",
)


def test_elk_criterium_uit_de_ontwerpcatalogus_heeft_minstens_een_regel(pakket):
    codes = set(ONTWERPCODES)
    assert len(codes) == 58
    assert codes <= set(pakket.kop.criteria)
    gedekt = {code for code, _, n in pakket.dekking() if n > 0}
    assert codes <= gedekt, sorted(codes - gedekt)


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


def test_het_collegevoorstel_haalt_zijn_beleid_uit_het_pakket(pakket):
    cv = pakket.kop.collegevoorstel
    rollen = {r.rol for r in pakket.kop.raad}
    assert {"toestemming", "wensen_en_bedenkingen", "begrotingswijziging", "informeren"} <= rollen
    assert all(a in pakket.kop.wetsartikelen for r in pakket.kop.raad for a in r.artikelen)
    assert {w.value for w in cv.vervolg} >= {"aangaan", "beeindigen", "onvoldoende_informatie"}
    assert set(cv.criteria_juridische_vorm) <= set(pakket.kop.criteria)


def test_de_pakketcache_geeft_hetzelfde_pakket_en_is_nooit_verouderd(tmp_path, monkeypatch):
    from samenwerkingstoets.engine import pakketcache

    monkeypatch.setenv("SAMENWERKINGSTOETS_CACHE", str(tmp_path / "cache"))
    shutil.copytree(STANDAARDPAKKET, tmp_path / "alkmaar")
    shutil.copytree(ROOT / "rules" / "alkmaar-streng", tmp_path / "streng")
    vers = lees_regelpakket(tmp_path / "alkmaar")
    assert len(list((tmp_path / "cache").glob("pakket-*.pickle"))) == 1
    uit_cache = lees_regelpakket(tmp_path / "alkmaar")
    assert uit_cache.inhoudshash == vers.inhoudshash and [r.id for r in uit_cache.regels] == [r.id for r in vers.regels]
    sleutel_basis, sleutel_variant = pakketcache.sleutel(tmp_path / "alkmaar"), pakketcache.sleutel(tmp_path / "streng")
    # één teken anders in een regelbestand van de basis: een andere sleutel, voor de basis én de variant
    pad = tmp_path / "alkmaar" / "visie.yaml"
    pad.write_text(pad.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert pakketcache.sleutel(tmp_path / "alkmaar") != sleutel_basis
    assert pakketcache.sleutel(tmp_path / "streng") != sleutel_variant
    pad.write_text(pad.read_text(encoding="utf-8").replace("effect: blokkerend", "effect: sterkte", 1), encoding="utf-8")
    assert lees_regelpakket(tmp_path / "alkmaar").inhoudshash != vers.inhoudshash


def test_een_kapotte_cache_wordt_genegeerd(tmp_path, monkeypatch):
    monkeypatch.setenv("SAMENWERKINGSTOETS_CACHE", str(tmp_path / "cache"))
    lees_regelpakket(STANDAARDPAKKET)
    for pad in (tmp_path / "cache").glob("pakket-*.pickle"):
        pad.write_bytes(b"kapot")
    assert lees_regelpakket(STANDAARDPAKKET).naam == "alkmaar"


def test_een_pakket_dat_verandert_krijgt_een_nieuwe_versie():
    """Dezelfde naam en versie betekenen altijd dezelfde regels: een advies noemt 'alkmaar 1.6.0', en wie dat
    later naleest, moet dezelfde regels vinden. Verandert de inhoud van een meegeleverd pakket, dan moet de versie
    in pack.yaml omhoog en komt de nieuwe inhoudshash in tests/pakketversies.json."""
    import json

    from samenwerkingstoets.engine.laden import lees_regelpakket

    vastgelegd = json.loads((ROOT / "tests" / "pakketversies.json").read_text(encoding="utf-8"))
    for map_ in sorted((ROOT / "rules").iterdir()):
        if not (map_ / "pack.yaml").is_file():
            continue
        pakket = lees_regelpakket(map_)
        sleutel = f"{pakket.naam} {pakket.versie}"
        assert sleutel in vastgelegd, f"{sleutel} staat niet in tests/pakketversies.json; leg de inhoudshash vast"
        assert vastgelegd[sleutel] == pakket.inhoudshash, (
            f"de inhoud van {sleutel} veranderde zonder nieuwe versie: verhoog 'versie' in {map_.name}/pack.yaml")


def test_een_casus_met_feiten_van_voor_het_beleid_krijgt_een_waarschuwing_die_erna_niet(tmp_path):
    from click.testing import CliRunner

    from samenwerkingstoets.cli import cli

    for datum, verwacht in (("2019-03-01", True), ("2026-11-01", False), ("2027-01-15", False)):
        pad = tmp_path / f"casus-{datum}.yaml"
        pad.write_text(f"naam: Proef\nfase: voorstel\npeildatum: {datum}\n", encoding="utf-8")
        r = CliRunner().invoke(cli, ["beoordeel", str(pad), "--formaat", "json"])
        assert r.exit_code == 0, r.output
        waarschuwingen = json.loads(r.output)["waarschuwingen"]
        assert bool(waarschuwingen) == verwacht, (datum, waarschuwingen)
        if verwacht:
            assert "vóór het beleid" in waarschuwingen[0] and "1 november 2026" in waarschuwingen[0]
        tabel = CliRunner().invoke(cli, ["beoordeel", str(pad)]).output
        assert ("Let op: De feiten zijn van" in tabel) == verwacht


def test_pakket_toets_slaagt_op_het_meegeleverde_pakket_en_faalt_op_een_regel_die_nooit_vuurt(tmp_path):
    from click.testing import CliRunner

    from samenwerkingstoets.cli import cli

    goed = CliRunner().invoke(cli, ["pakket", "toets", str(ROOT / "rules" / "alkmaar")])
    assert goed.exit_code == 0, goed.output
    assert "0 mislukt; dekking: in orde." in goed.output
    pakket = tmp_path / "eigen"
    shutil.copytree(ROOT / "rules" / "alkmaar", pakket)
    with (pakket / "visie.yaml").open("a", encoding="utf-8") as f:
        f.write("\n  - id: nooit-waar\n    criterium: VIS-OL1\n    als: {opgave.complex: nee, opgave.overstijgt_gemeentegrens:"
                " nee, soort: beide, juridische_vorm: vennootschap}\n    effect: aandachtspunt\n"
                "    uitleg: Een regel die in geen enkele spec vuurt.\n    bron: visie#opgaven-zijn-leidend\n")
    fout = CliRunner().invoke(cli, ["pakket", "toets", str(pakket)])
    assert fout.exit_code == 1 and "regel nooit-waar vuurt in geen enkele spec" in fout.output


def test_pakket_toets_noemt_bestand_en_regel_van_een_spec_die_niet_klopt(tmp_path):
    from click.testing import CliRunner

    from samenwerkingstoets.cli import cli

    pakket = tmp_path / "eigen"
    shutil.copytree(ROOT / "rules" / "alkmaar", pakket)
    spec = pakket / "specs" / "opgaven.yaml"
    tekst = spec.read_text(encoding="utf-8")
    regel = tekst[: tekst.index("advies: niet_aangaan")].count("\n")
    spec.write_text(tekst.replace("advies: niet_aangaan", "advies: aangaan", 1), encoding="utf-8")
    r = CliRunner().invoke(cli, ["pakket", "toets", str(pakket)])
    assert r.exit_code == 1 and "1 mislukt" in r.output
    assert re.search(r"MISLUKT opgaven\.yaml, regel \d+: ", r.output) and "verwacht aangaan" in r.output
    melding_regel = int(re.search(r"MISLUKT opgaven\.yaml, regel (\d+)", r.output).group(1))
    assert melding_regel <= regel + 1


def test_pakket_toets_zonder_specs_geeft_een_nederlandse_melding_en_exitcode_2(tmp_path):
    from click.testing import CliRunner

    from samenwerkingstoets.cli import cli

    pakket = tmp_path / "zonder-specs"
    shutil.copytree(ROOT / "rules" / "alkmaar", pakket, ignore=shutil.ignore_patterns("specs"))
    r = CliRunner().invoke(cli, ["pakket", "toets", str(pakket)])
    assert r.exit_code == 2 and "heeft geen map 'specs'" in r.output


def test_een_beleidsvariant_erft_de_specs_van_haar_basis_en_zegt_waar_zij_anders_adviseert(tmp_path):
    """alkmaar-streng draait alle specs van alkmaar; waar zij strenger is, vervangt een eigen spec (met 'vervangt')
    de verwachting. Noemt 'vervangt' een spec die de basis niet heeft, dan is dat een fout in de spec (exitcode 2)."""
    from click.testing import CliRunner

    from samenwerkingstoets.cli import cli
    from samenwerkingstoets.engine.pakkettoets import lees_specs

    basis, _ = lees_specs(ROOT / "rules" / "alkmaar")
    variant, _ = lees_specs(ROOT / "rules" / "alkmaar-streng")
    assert len(variant) == len(basis)
    vervangen = [s for s in variant if s.bestand == "afwijkingen.yaml"]
    assert vervangen and all(s.naam.startswith("strenger: ") for s in vervangen)
    r = CliRunner().invoke(cli, ["pakket", "toets", str(ROOT / "rules" / "alkmaar-streng")])
    assert r.exit_code == 0 and "0 mislukt" in r.output, r.output
    kopie = tmp_path / "alkmaar-streng"
    shutil.copytree(ROOT / "rules" / "alkmaar-streng", kopie)
    shutil.copytree(ROOT / "rules" / "alkmaar", tmp_path / "alkmaar")
    (kopie / "specs" / "extra.yaml").write_text("- naam: verkeerd\n  vervangt: een spec die niet bestaat\n"
                                                "  advies: aangaan\n", encoding="utf-8")
    fout = CliRunner().invoke(cli, ["pakket", "toets", str(kopie)])
    assert fout.exit_code == 2 and "'vervangt' noemt een spec die de basis niet heeft" in fout.output


def test_een_pakket_in_een_onbekend_formaat_wordt_geweigerd_met_wat_de_gebruiker_moet_doen(tmp_path):
    from click.testing import CliRunner

    from samenwerkingstoets.cli import cli

    pakket = tmp_path / "nieuwer"
    shutil.copytree(ROOT / "rules" / "alkmaar", pakket)
    tekst = (pakket / "pack.yaml").read_text(encoding="utf-8")
    assert "\nformaat: 1\n" in tekst, "het meegeleverde pakket noemt zijn formaat"
    (pakket / "pack.yaml").write_text(tekst.replace("\nformaat: 1\n", "\nformaat: 2\n"), encoding="utf-8")
    r = CliRunner().invoke(cli, ["regels", "--regels", str(pakket)])
    assert r.exit_code == 2 and "veld 'formaat'" in r.output and "leest pakketformaat 1" in r.output
    assert "Werk het programma bij" in r.output


def test_pakket_nieuw_maakt_een_pakket_dat_voor_zijn_eigen_toets_slaagt_en_een_advies_geeft(tmp_path):
    from click.testing import CliRunner

    from samenwerkingstoets.cli import cli

    doel = tmp_path / "zeewolde"
    r = CliRunner().invoke(cli, ["pakket", "nieuw", str(doel), "--gemeente", "Zeewolde"])
    assert r.exit_code == 0, r.output
    assert {p.relative_to(doel).as_posix() for p in doel.rglob("*.yaml")} == {
        "pack.yaml", "beleid.yaml", "specs/basis.yaml", "specs/beleid.yaml"}
    toets = CliRunner().invoke(cli, ["pakket", "toets", str(doel)])
    assert toets.exit_code == 0 and "2 geslaagd, 0 mislukt; dekking: in orde." in toets.output, toets.output
    casus = tmp_path / "casus.yaml"
    casus.write_text("naam: Proef\nfase: voorstel\nopgave: {omschrijving: geen}\n", encoding="utf-8")
    advies = json.loads(CliRunner().invoke(cli, ["beoordeel", str(casus), "--regels", str(doel), "--formaat",
                                                 "json"]).output)
    assert advies["advies"] == "niet_aangaan" and advies["perspectief"] == "Zeewolde"
    assert advies["regelpakket"]["naam"] == "zeewolde"
    # een bestaande map wordt nooit aangeraakt
    (doel / "pack.yaml").write_text("van de gebruiker", encoding="utf-8")
    opnieuw = CliRunner().invoke(cli, ["pakket", "nieuw", str(doel), "--gemeente", "Zeewolde"])
    assert opnieuw.exit_code == 2 and "bestaat al" in opnieuw.output
    assert (doel / "pack.yaml").read_text(encoding="utf-8") == "van de gebruiker"


def test_de_sleutel_van_de_pakketcache_hangt_ook_af_van_de_versie_van_pydantic(monkeypatch):
    """Een cache van een andere pydantic wordt nooit gelezen: de objecten erin zijn pydantic-modellen."""
    from samenwerkingstoets.engine import pakketcache
    from samenwerkingstoets.engine.laden import STANDAARDPAKKET

    nu = pakketcache.sleutel(STANDAARDPAKKET)
    monkeypatch.setattr(pakketcache, "_versie", lambda naam: "2.6.0" if naam == "pydantic" else "?")
    assert pakketcache.sleutel(STANDAARDPAKKET) != nu
