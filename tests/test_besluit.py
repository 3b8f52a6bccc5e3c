# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Een advies dat een college kan tekenen: geld weegt mee, de rol van de raad spreekt zichzelf niet tegen,
toetreden is geen vormkeuze, een open kernvraag geeft nooit een kaal 'ja', en de afweging van de adviseur staat
naast die van het pakket.

Deze tests lopen over elke voorbeeldcasus en elke praktijkcasus, en over kleine casussen die precies één
situatie neerzetten."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import _BEOORDELAAR as BEOORDELAAR
from conftest import _PAKKET as PAKKET
from conftest import CASES, GOEDE_CASUS, ROOT, beoordeel, invoerfout, met
from samenwerkingstoets.cli import cli
from samenwerkingstoets.engine.laden import casus_uit_data, lees_casus
from samenwerkingstoets.engine.regels import Advieswoord, Effect
from samenwerkingstoets.engine.weergave import markdown
from samenwerkingstoets.engine.weergave.collegeadvies import Stempel, stel_op

PRAKTIJK = ROOT / "tests" / "praktijk" / "casussen"
ALLE = sorted(CASES.glob("*.yaml")) + sorted(PRAKTIJK.glob("*.yaml"))
STEMPEL = Stempel(datum=dt.date(2026, 12, 4), regelpakket="alkmaar", inhoudshash_pakket="-", casusbestand="-",
                  casushash="-", programmaversie="-")


def run(*args):
    return CliRunner().invoke(cli, list(args))


def memo(casus):
    advies = BEOORDELAAR.beoordeel(casus)
    return advies, markdown.collegeadvies(stel_op(advies, casus, PAKKET, STEMPEL)).decode("utf-8")


def hoofdtekst(tekst: str) -> str:
    return tekst.split("## Bijlagen")[0]


def beslispunten(tekst: str) -> str:
    return tekst.split("## Beslispunten")[1].split("\n## ")[0]


NIEUW_BESTUUR = {
    "naam": "Regionaal bestuur voor de energietransitie", "fase": "voorstel", "soort": "strategisch",
    "opgave": {"omschrijving": "Samen de regionale energiestrategie uitvoeren", "overstijgt_gemeentegrens": "ja"},
    "toegevoegde_waarde": {"inwoners": "ja", "gemeente": "ja", "regio": "ja"},
    "doelen": {"strategisch": ["bundelen_bestuurskracht"]},
    "juridische_vorm": "openbaar_lichaam",
    "onderbouwing": {"kosten_per_jaar": "250.000", "businesscase": "ontbreekt"},
}


# --- geld -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("businesscase", ["ontbreekt", "niet_nodig", "onbekend"])
def test_een_nieuw_bestuur_van_250000_euro_zonder_businesscase_is_nooit_gewoon_aangaan(businesscase):
    advies = beoordeel(met(NIEUW_BESTUUR, {"onderbouwing.businesscase": businesscase}))
    assert advies.advies != Advieswoord.aangaan
    geld = [v for v in advies.voorwaarden_uitgewerkt if v.groep == "financien"]
    assert geld, advies.voorwaarden
    assert geld[0].beslismoment and "vóór het besluit over deelname" in geld[0].wanneer
    assert "niet deel" in geld[0].wat  # een go/no-go: zonder afweging geen deelname


@pytest.mark.parametrize("businesscase", ["ontbreekt", "niet_nodig"])
def test_zonder_businesscase_vraagt_niets_naar_de_uitkomst_van_de_businesscase(tmp_path, businesscase):
    for pad in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(pad.read_text(encoding="utf-8"))
        data["onderbouwing"]["businesscase"] = businesscase
        data["onderbouwing"].pop("businesscase_uitkomst", None)
        bestand = tmp_path / pad.name
        bestand.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        uitvoer = [run("beoordeel", str(bestand), "--volledig").output,
                   run("beoordeel", str(bestand), "--formaat", "markdown").output]
        json_uit = json.loads(run("beoordeel", str(bestand), "--formaat", "json").output)
        assert "onderbouwing.businesscase_uitkomst" not in {o["veld"] for o in json_uit["ontbrekende_informatie"]}
        assert all("onderbouwing.businesscase_uitkomst" not in u["velden"] for u in json_uit["eerst_uitzoeken"])
        casus = lees_casus(bestand)
        uitvoer.append(memo(casus)[1])
        for tekst in uitvoer:
            assert "uitkomst van de businesscase" not in tekst.lower(), (pad.name, businesscase)


def test_de_nieuwe_geldvelden_staan_in_de_paragraaf_financien():
    casus = casus_uit_data(met(NIEUW_BESTUUR, {"onderbouwing.eenmalige_kosten": "80.000",
                                               "onderbouwing.dekking": "begrotingswijziging_nodig",
                                               "onderbouwing.kosten_structureel": "ja"}))
    financien = memo(casus)[1].split("## Financiën")[1].split("\n## ")[0]
    assert "€ 250.000 per jaar, structureel" in financien and "eenmalige kosten van € 80.000" in financien
    assert "begrotingswijziging nodig" in financien


# --- de rol van de raad --------------------------------------------------------------------------------------

# Woorden waarmee een stuk zegt dat de raad zelf iets beslist.
RAAD_BESLIST = re.compile(r"toestemming|wensen en bedenkingen|begrotingswijziging voor|stelt de raad|de raad stelt|"
                          r"raad (?:de )?(?:agenda|bijdrage) vast", re.I)


@pytest.mark.parametrize("pad", ALLE, ids=lambda p: p.stem)
def test_geen_stuk_zegt_dat_de_raad_beslist_terwijl_een_beslispunt_hem_alleen_informeert(pad):
    casus = lees_casus(pad)
    advies, tekst = memo(casus)
    punten = beslispunten(tekst)
    # de eigen toelichting van de casus (Aanleiding) is de tekst van de adviseur, niet een oordeel van de toets
    hoofd = hoofdtekst(tekst).replace(" ".join((casus.omschrijving or "").split()), "")
    if advies.advies == Advieswoord.onvoldoende_informatie:
        assert "raad" not in punten.lower() or "te informeren" not in punten
        return
    assert advies.raad is not None
    if advies.raad.beslist:
        assert "De raad over dit besluit te informeren" not in punten
        assert any(p.beslispunt[:40] in " ".join(punten.split()) for p in advies.raad.punten if p.beslist)
    else:
        assert "De raad over dit besluit te informeren" in punten
        gevonden = RAAD_BESLIST.findall(hoofd)
        assert not gevonden, (pad.stem, gevonden)


def test_een_voorwaarde_die_de_regeling_wijzigt_vraagt_toestemming_van_de_raad():
    advies, tekst = memo(lees_casus(CASES / "omgevingsdienst-lopend.yaml"))
    assert any(v.wijzigt_regeling for v in advies.voorwaarden_uitgewerkt)
    assert advies.raad.handeling == "wijzigen" and advies.raad.beslist
    assert "voor zienswijze en toestemming aan de raad voor te leggen, zodra" in beslispunten(tekst)


def test_bij_een_regeling_met_een_provincie_citeert_de_toestemming_artikel_51():
    advies = beoordeel(met(yaml.safe_load((CASES / "omgevingsdienst-lopend.yaml").read_text(encoding="utf-8")), {}))
    assert advies.raad.punten[0].artikel == "art. 51 Wgr"


@pytest.mark.parametrize("pad", ALLE, ids=lambda p: p.stem)
def test_geen_stuk_citeert_de_toestemming_van_de_raad_met_de_nummering_van_voor_2022(pad):
    tekst = memo(lees_casus(pad))[1]
    assert not re.search(r"art(?:ikel|\.)\s*1\s*lid\s*2\b|art(?:ikel|\.)\s*1,\s*tweede lid", tekst), pad.stem
    if "toestemming te geven" in tekst:
        assert re.search(r"art\. 1, [a-z ]*(?:vierde|tot en met vijfde)[a-z ]* lid, Wgr|art\. 51 Wgr",
                         beslispunten(tekst))


def test_elk_wetsartikel_in_het_pakket_is_gelezen_en_heeft_een_adres():
    for sleutel, artikel in PAKKET.kop.wetsartikelen.items():
        assert artikel.gelezen_op <= dt.date(2026, 12, 31) and artikel.adres.startswith("http"), sleutel
        assert artikel.inhoud and artikel.zekerheid in ("hoog", "midden", "laag")


def test_een_wettelijk_verplicht_orgaan_wordt_nooit_beeindigd_en_niets_stelt_uittreden_voor():
    data = yaml.safe_load((CASES / "omgevingsdienst-lopend.yaml").read_text(encoding="utf-8"))
    data["evaluatie"].update({"doelen_gerealiseerd": "nee", "herstelperspectief": "nee"})
    data["toegevoegde_waarde"]["inwoners"] = "nee"
    advies, tekst = memo(casus_uit_data(data))
    assert advies.advies == Advieswoord.voortzetten_onder_voorwaarden
    assert advies.bandbreedte.ongunstigst != Advieswoord.beeindigen
    assert any(v.groep == "wettelijke_plicht" for v in advies.voorwaarden_uitgewerkt)
    for v in advies.voorwaarden_uitgewerkt:
        assert not re.search(r"uit te treden|uittreden|beëindig|afbouw|ontvlecht", v.wat, re.I), v.wat
    punten = beslispunten(tekst)
    assert "uittreden" not in punten and "beëindigen" not in punten
    alternatieven = tekst.split("## Alternatieven")[1].split("\n## ")[0]
    assert "geen reële keuze" in alternatieven


# --- toetreding ------------------------------------------------------------------------------------------------


def test_een_gemeente_die_toetreedt_tot_een_bestaand_openbaar_lichaam_krijgt_geen_vormvoorwaarde():
    data = met(GOEDE_CASUS, {"toetreding": "ja", "juridische_vorm": "openbaar_lichaam"})
    advies, tekst = memo(casus_uit_data(data))
    zelf_kiezen = met(GOEDE_CASUS, {"toetreding": "nee", "juridische_vorm": "openbaar_lichaam"})
    assert any(b.criterium in ("JV-1", "BE-3") and b.effect == Effect.voorwaarde
               for b in beoordeel(zelf_kiezen).bevindingen), "de vorm past hier niet bij de taak"
    assert not any(b.criterium in ("JV-1", "BE-3") and b.effect == Effect.voorwaarde for b in advies.bevindingen)
    assert "kies" not in " ".join(advies.voorwaarden).lower()
    assert advies.raad.handeling == "toetreden"
    punten = beslispunten(tekst)
    assert "toetreding tot Goede uitvoerende samenwerking voor zienswijze en toestemming" in punten
    assert "tweede tot en met vijfde lid" in punten


# --- open kernvragen --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("pad", ALLE, ids=lambda p: p.stem)
def test_een_open_kernvraag_geeft_nooit_een_onvoorwaardelijk_aangaan_of_voortzetten(pad):
    casus = lees_casus(pad)
    advies = BEOORDELAAR.beoordeel(casus)
    if advies.open_kernvragen:
        assert advies.advies not in (Advieswoord.aangaan, Advieswoord.voortzetten)
        assert advies.voorlopig or advies.advies == Advieswoord.onvoldoende_informatie
        assert advies.open_kernvragen[0].per_antwoord


def test_bij_nog_geen_advies_staat_vooraan_wat_elk_antwoord_zou_doen():
    casus = casus_uit_data({"naam": "Afval", "fase": "voorstel", "opgave": {"omschrijving": "Samen afval inzamelen"}})
    advies, tekst = memo(casus)
    assert advies.advies == Advieswoord.onvoldoende_informatie
    scharnier = advies.open_kernvragen[0]
    assert scharnier.blokkeert and scharnier.per_antwoord["nee"] == Advieswoord.niet_aangaan
    hoofd = hoofdtekst(tekst)
    assert hoofd.index("## Waar het advies van afhangt") < hoofd.index("## Wat eerst uitgezocht moet worden")
    assert "Nee: niet aangaan" in hoofd
    tabel = run_tabel(casus)
    assert tabel.index("Wat het antwoord op de open kernvragen doet") < tabel.index("Eerst uitzoeken")


def run_tabel(casus) -> str:
    from samenwerkingstoets.engine.weergave import tabel

    return tabel.advies(BEOORDELAAR.beoordeel(casus))


# --- voorwaarden -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("pad", ALLE, ids=lambda p: p.stem)
def test_voorwaarden_zeggen_wat_wie_en_wanneer_een_per_groep_en_niets_bij_een_negatief_advies(pad):
    advies = BEOORDELAAR.beoordeel(lees_casus(pad))
    groepen = [v.groep for v in advies.voorwaarden_uitgewerkt]
    assert len(groepen) == len(set(groepen))
    for v in advies.voorwaarden_uitgewerkt:
        assert v.wat and v.wie and v.wanneer
    if advies.advies.negatief:
        assert advies.voorwaarden == [] and advies.voorwaarden_uitgewerkt == []


# --- de afweging van de adviseur -----------------------------------------------------------------------------------


def _met_afweging(tmp_path, afweging: dict) -> Path:
    data = yaml.safe_load((CASES / "regionale-woonagenda-nhn.yaml").read_text(encoding="utf-8"))
    data["samenwerking"]["gedeelde_visie"] = "nee"
    data["afwegingen"] = [afweging]
    pad = tmp_path / "casus.yaml"
    pad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return pad


def test_een_afweging_verandert_het_getoonde_advies_en_bewaart_dat_van_het_pakket(tmp_path):
    pad = _met_afweging(tmp_path, {"criterium": "TE-1", "effect": "aandachtspunt", "door": "afdelingshoofd",
                                   "reden": "De partners werken de visie in het eerste jaar samen uit."})
    data = json.loads(run("beoordeel", str(pad), "--formaat", "json").output)
    assert data["advies_pakket"] == "aangaan_onder_voorwaarden" and data["advies"] == "aangaan"
    assert data["afwegingen"][0]["effect_pakket"] == ["voorwaarde"] and data["afwegingen"][0]["toegepast"]
    te1 = [b for b in data["bevindingen"] if b["criterium"] == "TE-1"]
    assert te1 and all(b["effect"] == "aandachtspunt" and b["effect_pakket"] == "voorwaarde" for b in te1)
    tekst = memo(lees_casus(pad))[1]
    hoofd = hoofdtekst(tekst)
    assert "## Ambtelijke afweging" in hoofd and "De partners werken de visie" in hoofd and "afdelingshoofd" in hoofd
    bijlage = tekst.split("## Bijlagen")[1]
    assert "Advies van het regelpakket, vóór de ambtelijke afweging: aangaan onder voorwaarden" in bijlage
    assert "(pakket: voorwaarden stellend)" in bijlage


def test_een_afweging_zonder_reden_wordt_geweigerd(tmp_path):
    pad = _met_afweging(tmp_path, {"criterium": "TE-1", "effect": "aandachtspunt"})
    invoerfout(run("beoordeel", str(pad)), "afwegingen", "reden")


def test_een_afweging_over_een_onbekend_criterium_wordt_geweigerd(tmp_path):
    pad = _met_afweging(tmp_path, {"criterium": "TE-9", "effect": "aandachtspunt", "reden": "Omdat."})
    invoerfout(run("beoordeel", str(pad)), "TE-9", "bestaat niet")


def test_de_argumenten_van_twee_positieve_voorstellen_zijn_niet_woordelijk_gelijk():
    """Argumenten gaan over deze samenwerking: de gemeente, de partners en de opgave staan erin."""
    argumenten = {}
    for pad in sorted(CASES.glob("*.yaml")):
        advies, tekst = memo(lees_casus(pad))
        if not advies.advies.negatief and advies.advies != Advieswoord.onvoldoende_informatie:
            argumenten[pad.stem] = tekst.split("## Argumenten")[1].split("\n## ")[0]
    assert len(argumenten) >= 4
    namen = list(argumenten)
    for i, a in enumerate(namen):
        for b in namen[i + 1:]:
            regels = [{r for r in argumenten[x].splitlines() if r.startswith("- ")} for x in (a, b)]
            gedeeld = regels[0] & regels[1]
            assert len(gedeeld) <= 1, (a, b, gedeeld)


def test_wat_moet_er_veranderen_stelt_wie_toetreedt_nooit_een_andere_vorm_voor(tmp_path):
    def acties(toetreding: str) -> set[str]:
        pad = tmp_path / f"{toetreding}.yaml"
        pad.write_text(yaml.safe_dump(met(GOEDE_CASUS, {"toetreding": toetreding, "juridische_vorm": "openbaar_lichaam"}),
                                      allow_unicode=True), encoding="utf-8")
        r = run("wat-moet-er-veranderen", str(pad), "--doel", "aangaan", "--formaat", "json")
        assert r.exit_code == 0, r.output
        data = json.loads(r.output)
        return {a["id"] for v in data["voorstellen"] for a in v["acties"]}
    assert any(a.startswith("vorm-") for a in acties("nee")), "zelf kiezen: een andere vorm is een voorstel"
    assert not any(a.startswith("vorm-") for a in acties("ja"))


def test_een_afweging_met_een_code_die_geen_criteriumcode_is_krijgt_een_nederlandse_melding_met_regel(tmp_path):
    pad = _met_afweging(tmp_path, {"criterium": "TE-1; rm -rf", "effect": "sterkte", "reden": "Omdat."})
    invoerfout(run("beoordeel", str(pad)), "casus.yaml, regel", "afwegingen[1].criterium", "geen criteriumcode")


def test_een_onbekend_criterium_noemt_bestand_en_regel(tmp_path):
    pad = _met_afweging(tmp_path, {"criterium": "TE-9", "effect": "aandachtspunt", "reden": "Omdat."})
    invoerfout(run("beoordeel", str(pad)), "casus.yaml, regel", "afwegingen[1].criterium")


def test_na_een_afweging_horen_bandbreedte_en_onbekende_feiten_bij_het_gewogen_advies(tmp_path):
    pad = _met_afweging(tmp_path, {"criterium": "TE-1", "effect": "aandachtspunt", "reden": "Eerste jaar samen."})
    data = json.loads(run("beoordeel", str(pad), "--formaat", "json").output)
    rang = ["niet_aangaan", "aangaan_onder_voorwaarden", "aangaan"]
    b = data["bandbreedte"]
    assert rang.index(b["ongunstigst"]) <= rang.index(data["advies"]) <= rang.index(b["gunstigst"])
    # wat het advies na de afweging nog kan veranderen, wordt tegen dat advies gemeten, niet tegen dat van het pakket
    for o in data["ontbrekende_informatie"]:
        if o["kan_advies_veranderen"]:
            assert any(w != data["advies"] for w in o["advies_per_waarde"].values())


def test_het_overzicht_geeft_met_een_afweging_hetzelfde_advies_en_dezelfde_bandbreedte_als_beoordeel(tmp_path):
    pad = _met_afweging(tmp_path, {"criterium": "TE-1", "effect": "aandachtspunt", "reden": "Eerste jaar samen."})
    pad.write_text(pad.read_text(encoding="utf-8").replace("eenmalige_kosten: onbekend", "eenmalige_kosten: 0"),
                   encoding="utf-8")
    casus = lees_casus(pad)
    volledig, kort = BEOORDELAAR.beoordeel(casus), BEOORDELAAR.kort(casus)
    assert volledig.bandbreedte.ongunstigst == Advieswoord.aangaan  # met de weging kan niets het nog verlagen
    assert kort.advies == volledig.advies and kort.bandbreedte == volledig.bandbreedte
