# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Wat-als: varianten, vergelijkingen, beleidsvarianten en 'wat moet er veranderen'."""

from __future__ import annotations

import itertools
import json

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samenwerkingstoets.cli import cli
from conftest import CASES, ROOT, invoerfout, voorbeelden
from samenwerkingstoets.engine.beoordelen import Beoordelaar
from samenwerkingstoets.engine.casus import catalogus
from samenwerkingstoets.engine.feiten import feiten_van
from samenwerkingstoets.engine.fouten import CasusFout, InvoerFout, RegelpakketFout
from samenwerkingstoets.engine.laden import STANDAARDPAKKET, casus_uit_data, lees_casus, lees_regelpakket
from samenwerkingstoets.engine.varianten import WIJZIGBAAR, Variant, lees_variant, lees_wat_als, pas_toe
from samenwerkingstoets.engine.waarden import toon_waarde
from samenwerkingstoets.engine.regels import ADVIES_RANG, Advieswoord
from samenwerkingstoets.engine.watals import Zoeker, kolommen, vergelijk
from speclader import vergelijkgevallen
from strategie import LEESBAAR, casussen

CATALOGUS = catalogus()  # met de woorden van het standaardpakket

VOORBEELDEN = sorted(CASES.glob("*.yaml"))


def run(*args):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def zoeker(beoordelaar):
    return Zoeker(beoordelaar)


# --- spec: vergelijkingen ------------------------------------------------------------------

@pytest.mark.parametrize("geval", [pytest.param(g, id=i) for i, g in vergelijkgevallen()])
def test_vergelijking_spec(geval, beoordelaar):
    casus = lees_casus(ROOT / geval["casus"])
    varianten = []
    if "variant" in geval:
        varianten.append(lees_variant(ROOT / geval["variant"]))
    if "wat_als" in geval:
        varianten.append(lees_wat_als(geval["wat_als"]))
    beoordelaars = [Beoordelaar(lees_regelpakket(ROOT / p)) for p in geval.get("regels", [])] or [beoordelaar]
    uitkomst = vergelijk(kolommen([casus], varianten, beoordelaars))
    assert [k.advies.advies.value for k in uitkomst.kolommen] == geval["adviezen"]
    verschillend = {v.regel for v in uitkomst.verschillen}
    for regel in geval["verschilt"]:
        assert regel in verschillend, f"{regel} verschilt niet; wel: {sorted(verschillend)}"


# --- eigenschappen -------------------------------------------------------------------------

INSTELLING = settings(max_examples=voorbeelden(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@INSTELLING
@given(data=casussen(), veld=st.sampled_from(LEESBAAR))
def test_een_variant_die_niets_verandert_geeft_geen_verschillen(beoordelaar, data, veld):
    casus = casus_uit_data(data)
    huidig = feiten_van(casus).get(veld.pad, "onbekend")
    variant = lees_wat_als([f"{veld.pad}={toon_waarde(huidig)}"])
    uitkomst = vergelijk(kolommen([casus], [variant], [beoordelaar]))
    assert uitkomst.verschillen == []
    assert uitkomst.kolommen[0].advies.advies == uitkomst.kolommen[1].advies.advies


def test_een_variant_verandert_de_oorspronkelijke_casus_niet():
    casus = lees_casus(CASES / "ict-samenwerking-lopend.yaml")
    voor = casus.model_dump()
    gewijzigd = pas_toe(casus, lees_wat_als(["onderbouwing.businesscase=aanwezig"]))
    assert casus.model_dump() == voor
    assert gewijzigd.onderbouwing.businesscase.value == "aanwezig"


def _wat_als(wijzigingen: dict) -> Variant:
    return lees_wat_als([f"{p}={toon_waarde(w)}" for p, w in wijzigingen.items()])


def _controleer_voorstellen(zoeker, beoordelaar, casus, doel):
    """Elk voorstel haalt het beloofde advies, geen kleinere set van zijn acties doet dat al, en het
    raakt geen uitkomst uit het verleden, gesteld doel, feit van de wereld of bedrag."""
    resultaat = zoeker.zoek(casus, doel)
    rangen = ADVIES_RANG[casus.fase]
    rang = [Advieswoord.onvoldoende_informatie] + rangen  # nog geen advies haalt geen enkel doel
    kop = beoordelaar.pakket.kop
    for voorstel in resultaat.voorstellen:
        advies = beoordelaar.beoordeel(pas_toe(casus, _wat_als(voorstel.wijzigingen))).advies
        assert advies == voorstel.advies, "het voorstel belooft een ander advies dan het geeft"
        assert rang.index(advies) >= rang.index(doel)
        ids = [a.id for a in voorstel.acties]
        for k in range(1, len(ids)):
            for deel in itertools.combinations(ids, k):
                kleiner = {v: w for a in deel for v, w in kop.acties[a].zet.items()}
                ander = beoordelaar.beoordeel(pas_toe(casus, _wat_als(kleiner))).advies
                assert rang.index(ander) < rang.index(doel), f"{deel} bereikt het doel al"
        for pad in voorstel.wijzigingen:
            assert not CATALOGUS[pad].wereldfeit, f"{pad} is een feit van de wereld"
            assert pad not in kop.vaste_velden, f"{pad} is een uitkomst uit het verleden of een gesteld doel"
            assert CATALOGUS[pad].soort != "getal", f"{pad} is een bedrag"
            assert CATALOGUS[pad].soort != "woorden", f"{pad} is een lijst (doelen worden nooit geschrapt)"
        assert voorstel.inspanning == sum({"licht": 1, "middel": 2, "zwaar": 3}[a.inspanning.value]
                                          for a in voorstel.acties)
    sleutels = [(v.inspanning, len(v.acties)) for v in resultaat.voorstellen]
    assert sleutels == sorted(sleutels), "voorstellen staan op inspanning, dan op omvang"
    return resultaat


@pytest.mark.parametrize("pad", VOORBEELDEN, ids=lambda p: p.name)
def test_elk_voorstel_voor_een_voorbeeldcasus_haalt_het_doel_en_is_minimaal(zoeker, beoordelaar, pad):
    casus = lees_casus(pad)
    for doel in ADVIES_RANG[casus.fase][1:]:
        _controleer_voorstellen(zoeker, beoordelaar, casus, doel)


@settings(max_examples=voorbeelden(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=casussen())
def test_elk_voorgesteld_wijzigingsset_haalt_het_doel_en_geen_kleinere_set_doet_dat(zoeker, beoordelaar, data):
    casus = casus_uit_data(data)
    _controleer_voorstellen(zoeker, beoordelaar, casus, ADVIES_RANG[casus.fase][-1])


def test_een_businesscase_is_het_enige_wat_een_voorstel_zonder_businesscase_nodig_heeft(zoeker):
    casus = lees_casus(CASES / "ambtelijke-bedrijfsvoering-zonder-businesscase.yaml")
    resultaat = zoeker.zoek(casus, ADVIES_RANG[casus.fase][-1])
    eerste = resultaat.voorstellen[0]
    assert [a.tekst for a in eerste.acties] == ["Laat een businesscase met nulmeting opstellen"]
    assert eerste.wijzigingen == {"onderbouwing.businesscase": "aanwezig", "onderbouwing.nulmeting": "ja"}
    assert "be-businesscase-ontbreekt" in eerste.verdwenen


def test_geen_voorstel_speelt_met_de_regels(zoeker):
    """Nooit een bedrag net onder een drempel, nooit 'geen businesscase nodig', nooit het verleden
    herschrijven, nooit een gesteld doel schrappen."""
    for pad in VOORBEELDEN:
        casus = lees_casus(pad)
        for doel in ADVIES_RANG[casus.fase][1:]:
            for voorstel in zoeker.zoek(casus, doel).voorstellen:
                assert "onderbouwing.kosten_per_jaar" not in voorstel.wijzigingen
                assert voorstel.wijzigingen.get("onderbouwing.businesscase") in (None, "aanwezig")
                assert not any(p.startswith(("evaluatie.", "doelen.")) for p in voorstel.wijzigingen)


def test_feiten_van_de_wereld_worden_nooit_voorgesteld_maar_wel_genoemd(zoeker):
    casus = lees_casus(CASES / "netwerk-zonder-opgave.yaml")
    resultaat = zoeker.zoek(casus, ADVIES_RANG[casus.fase][-1])
    assert resultaat.voorstellen == []
    assert "taak.beleidsruimte" in resultaat.niet_voorgesteld
    assert "strategische doelen" in resultaat.toelichting and "st-geen" not in resultaat.toelichting


# --- opdrachtregel -------------------------------------------------------------------------

@pytest.mark.parametrize("pad", VOORBEELDEN, ids=lambda p: p.name)
def test_elk_voorstel_toegepast_met_beoordeel_wat_als_geeft_het_beloofde_advies(pad):
    r = run("wat-moet-er-veranderen", str(pad), "--formaat", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert "doel" in data and "voorstellen" in data
    for resultaat in [data] + ([data["tussendoel"]] if data["tussendoel"] else []):
        for voorstel in resultaat["voorstellen"]:
            args = ["beoordeel", str(pad), "--formaat", "json"]
            for veld, waarde in voorstel["wijzigingen"].items():
                args += ["--wat-als", f"{veld}={toon_waarde(waarde)}"]
            uit = run(*args)
            assert uit.exit_code == 0, uit.output
            assert json.loads(uit.output)["advies"] == voorstel["advies"]


def test_vergelijk_twee_casussen_toont_advies_per_kolom_en_verschillen():
    r = run("vergelijk", str(CASES / "omgevingsdienst-lopend.yaml"), str(CASES / "regionaal-archief-lopend.yaml"))
    assert r.exit_code == 0, r.output
    assert "Omgevingsdienst" in r.output and "voortzetten onder" in r.output
    assert "Wgr-vereisten" in r.output  # de bevinding die verschilt, met de naam van het criterium


def test_vergelijk_als_json_en_markdown():
    args = ["vergelijk", str(CASES / "ict-samenwerking-lopend.yaml"), "--wat-als", "onderbouwing.businesscase=aanwezig"]
    data = json.loads(run(*args, "--formaat", "json").output)
    assert data["formaat"] == "samenwerkingstoets/vergelijking/1"
    assert len(data["kolommen"]) == 2 and data["kolommen"][1]["variant"].startswith("wat-als:")
    assert any(v["regel"] == "be-businesscase-aanwezig" for v in data["verschillen"])
    md = run(*args, "--formaat", "markdown").output
    assert md.startswith("# Vergelijking") and "| Advies" in md


def test_vergelijk_onder_twee_regelpakketten():
    r = run("vergelijk", str(CASES / "digitale-dienstverlening-voorstel.yaml"),
            "--regels", str(STANDAARDPAKKET), "--regels", str(ROOT / "rules" / "alkmaar-streng"))
    assert r.exit_code == 0, r.output
    assert "alkmaar-streng 1.6.0-streng" in " ".join(r.output.split()) and "niet aangaan" in r.output


def test_beoordeel_met_wat_als_en_variant_toont_de_variant():
    r = run("beoordeel", str(CASES / "ict-samenwerking-lopend.yaml"), "--variant",
            str(CASES / "varianten" / "ict-met-herstelplan.yaml"), "--wat-als", "samenwerking.gezamenlijk_koersdoel=ja")
    assert r.exit_code == 0, r.output
    assert "Variant: ICT-samenwerking met businesscase en herstelplan + wat-als:" in r.output
    assert "VOORTZETTEN ONDER VOORWAARDEN" in r.output


@pytest.mark.parametrize("args, verwacht", [
    (["--wat-als", "onderbouwing.businescase=aanwezig"],
     ["veld 'onderbouwing.businescase' bestaat niet", "Bedoelde u 'onderbouwing.businesscase'?"]),
    (["--wat-als", "onderbouwing.businesscase=aanwezg"],
     ["'aanwezg' is geen geldige waarde", "Bedoelde u 'aanwezig'?"]),
    (["--wat-als", "onderbouwing.kosten_per_jaar=veel"], ["niet als bedrag te lezen"]),
    (["--wat-als", "onderbouwing"], ["schrijf het als veld=waarde"]),
    (["--wat-als", "opgave.benoemd=ja"], ["veld 'opgave.benoemd' bestaat niet in het casusformaat"]),
    (["--variant", "bestaat/niet.yaml"], ["bestaat niet"]),
])
def test_een_foute_wat_als_of_variant_geeft_exitcode_2_en_een_nederlandse_melding(args, verwacht):
    invoerfout(run("beoordeel", str(CASES / "ict-samenwerking-lopend.yaml"), *args), *verwacht)


def test_een_variantbestand_met_een_tikfout_noemt_bestand_en_regel(tmp_path):
    pad = tmp_path / "variant.yaml"
    pad.write_text("naam: test\nonderbouwing:\n  businesscas: aanwezig\n", encoding="utf-8")
    r = run("vergelijk", str(CASES / "ict-samenwerking-lopend.yaml"), "--variant", str(pad))
    assert r.exit_code == 2
    assert "variant.yaml, regel 3" in r.output and "Bedoelde u 'businesscase'?" in r.output


@pytest.mark.parametrize("args, verwacht", [
    ([str(CASES / "ict-samenwerking-lopend.yaml")], "Er valt niets te vergelijken"),
    ([str(CASES / "ict-samenwerking-lopend.yaml"), str(CASES / "regionaal-archief-lopend.yaml"),
      "--wat-als", "sturing.in_overzicht=ja"], "werken op precies één casus"),
])
def test_vergelijk_zonder_iets_te_vergelijken_is_een_invoerfout(args, verwacht):
    r = run("vergelijk", *args)
    assert r.exit_code == 2 and verwacht in r.output


def test_wat_moet_er_veranderen_toont_voorstellen_en_een_opdracht_om_te_proberen():
    r = run("wat-moet-er-veranderen", str(CASES / "ambtelijke-bedrijfsvoering-zonder-businesscase.yaml"))
    assert r.exit_code == 0, r.output
    assert "Laat een businesscase met nulmeting" in r.output and "(middel)" in r.output
    assert "--wat-als 'onderbouwing.businesscase=aanwezig' \\\n  --wat-als 'onderbouwing.nulmeting=ja'" in r.output


def test_wat_moet_er_veranderen_met_een_doel_van_de_verkeerde_fase():
    r = run("wat-moet-er-veranderen", str(CASES / "netwerk-zonder-opgave.yaml"), "--doel", "voortzetten")
    assert r.exit_code == 2 and "hoort niet bij een voorstel" in r.output


def test_wat_moet_er_veranderen_valt_terug_op_de_eerstvolgende_stap():
    r = run("wat-moet-er-veranderen", str(CASES / "ict-samenwerking-lopend.yaml"), "--formaat", "json")
    data = json.loads(r.output)
    assert data["doel"] == "voortzetten" and data["voorstellen"] == []
    assert data["tussendoel"]["doel"] == "voortzetten_onder_voorwaarden"
    # De ICT-samenwerking faalt op uitkomsten uit het verleden; die stelt de toets nooit voor.
    assert data["tussendoel"]["voorstellen"] == []
    assert "evaluatie.herstelperspectief" in data["tussendoel"]["niet_voorgesteld"]


# --- beleidsvarianten ----------------------------------------------------------------------

def test_een_beleidsvariant_wijzigt_alleen_wat_hij_noemt(pakket):
    streng = lees_regelpakket(ROOT / "rules" / "alkmaar-streng")
    assert streng.naam == "alkmaar-streng" and streng.inhoudshash != pakket.inhoudshash
    assert streng.parameterwaarden()["grote_kosten"] == 250000
    assert streng.regel("te-geen-koersdoel").regel.effect.value == "blokkerend"
    assert streng.regel("ol-geen-opgave").regel == pakket.regel("ol-geen-opgave").regel
    assert len(streng.regels) == len(pakket.regels)


@pytest.mark.parametrize("inhoud, verwacht", [
    ("naam: x\nversie: '1'\ngeldig_vanaf: 2027-01-01\nbasis: ../alkmaar\nregels:\n  te-geen-koersdol: {effect: blokkerend}\n",
     ["regel 'te-geen-koersdol' bestaat niet in de basis", "Bedoelde u 'te-geen-koersdoel'?", "regel 6"]),
    ("naam: x\nversie: '1'\ngeldig_vanaf: 2027-01-01\nbasis: ../bestaat-niet\n", ["basis:", "bestaat niet"]),
    ("naam: x\nversie: '1'\ngeldig_vanaf: 2027-01-01\nbasis: ../alkmaar\nparameters:\n  grote_kost: {waarde: 1}\n",
     ["parameter 'grote_kost' bestaat niet", "Bedoelde u 'grote_kosten'?"]),
    ("naam: x\nversie: '1'\ngeldig_vanaf: 2027-01-01\nbasis: ../alkmaar\nregels:\n  ra-concurrentie: {effect: voorwaarde}\n",
     ["krijgt effect 'voorwaarde'; noem dan ook de voorwaarde"]),
])
def test_een_foute_beleidsvariant_noemt_wat_en_waar(tmp_path, inhoud, verwacht):
    import shutil
    shutil.copytree(STANDAARDPAKKET, tmp_path / "alkmaar")
    (tmp_path / "variant").mkdir()
    (tmp_path / "variant" / "pack.yaml").write_text(inhoud, encoding="utf-8")
    with pytest.raises(RegelpakketFout) as fout:
        lees_regelpakket(tmp_path / "variant")
    for stukje in verwacht:
        assert stukje in str(fout.value), str(fout.value)


def test_wijzigbare_velden_zijn_de_velden_van_het_casusformaat():
    assert "juridische_vorm" in WIJZIGBAAR and "onderbouwing.businesscase" in WIJZIGBAAR
    assert "opgave.benoemd" not in WIJZIGBAAR
    assert isinstance(lees_wat_als(["themas=[zorg, wonen]"]).plat["themas"], list)
    with pytest.raises(InvoerFout):
        lees_wat_als(["themas=[zorg"])
    with pytest.raises(CasusFout):
        pas_toe(lees_casus(CASES / "regionale-inkoop-jeugdzorg.yaml"), Variant("x", "", {"fase": "later"}, "--wat-als"))
