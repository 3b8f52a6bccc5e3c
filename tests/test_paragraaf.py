# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De paragraaf verbonden partijen (BBV art. 15) en het blad Verbonden partijen van het register: het financieel
belang als bedrag met het aandeel van de gemeente, zeggenschap en programma, één jaar voor de cijfers, risico's in
gewone zinnen, alleen verbonden partijen in matrix en grafieken, getypte cellen in de xlsx (onbekend is leeg, geen
0), en dezelfde bytes bij dezelfde invoer en peildatum."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
import yaml
from click.testing import CliRunner
from docx import Document

from samenwerkingstoets.cli import cli
from samenwerkingstoets.engine.overzicht import maak_overzicht
from samenwerkingstoets.engine.waarden import euro
from samenwerkingstoets.engine.weergave import overzicht as weergave
from samenwerkingstoets.engine.weergave.collegeadvies import Afbeelding, Kop, Lijst, Stempel, Tabel
from conftest import CASES

PEILDATUM = "2026-11-30"


def run(*args, env=None):
    return CliRunner().invoke(cli, list(args), env=env)


def _stempel() -> Stempel:
    return Stempel(datum=dt.date(2026, 11, 30), regelpakket="test", inhoudshash_pakket="0", casusbestand="",
                   casushash="", programmaversie="0")


def _gr_met_cijfers() -> list[dict]:
    """De voorbeeldcasussen die een gemeenschappelijke regeling zijn met een aandeel en een eigen vermogen."""
    uit = []
    for pad in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(pad.read_text(encoding="utf-8"))
        vp = data.get("verbonden_partij") or {}
        if data["fase"] == "lopend" and vp.get("soort") == "gr" and vp.get("aandeel") is not None:
            uit.append(data)
    return uit


def _aandeel(data: dict) -> float:
    return float(str(data["verbonden_partij"]["aandeel"]).replace(",", "."))


def _gewoon(tekst: str) -> str:
    """Tekst uit Word met gewone spaties (Word houdt '€ 360.000' bij elkaar met een harde spatie)."""
    return tekst.replace("\u00a0", " ")


def _word_tekst_en_tabellen(pad: Path) -> tuple[str, list[list[tuple[str, ...]]]]:
    word = Document(str(pad))
    tekst = "\n".join(_gewoon(p.text) for p in word.paragraphs)
    tabellen = [[tuple(_gewoon(c.text) for c in rij.cells) for rij in tabel.rows] for tabel in word.tables]
    return tekst, tabellen


def _cijfertabel(tekst: str, tabellen, naam: str) -> list[tuple[str, ...]]:
    """De tabel met de cijfers van één verbonden partij (de tabellen staan in de volgorde van de tekst)."""
    namen = [t for t in tekst.split("\n") if t in NAMEN]
    cijfers = [t for t in tabellen if t[0][0] == "Bedragen in euro"]
    return cijfers[namen.index(naam)]


NAMEN = ("Gezamenlijke ambtelijke werkorganisatie vier gemeenten", "Gemeenschappelijke regeling publieke gezondheid",
         "Omgevingsdienst Noord-Holland Noord", "Gemeenschappelijke regeling regionaal archief")


def _kopie(tmp_path: Path, *namen: str, wijzig=None) -> Path:
    map_ = tmp_path / "map"
    map_.mkdir(exist_ok=True)
    for naam in namen:
        tekst = (CASES / naam).read_text(encoding="utf-8")
        (map_ / naam).write_text(wijzig(tekst) if wijzig else tekst, encoding="utf-8")
    return map_


# --- het financieel belang, het aandeel, zeggenschap en programma -------------------------------------------------

def test_de_paragraaf_geeft_het_financieel_belang_als_bedrag_en_het_aandeel_van_de_gemeente(tmp_path):
    """Bij een gemeenschappelijke regeling is het financieel belang het aandeel van de gemeente in het eigen
    vermogen (de deelnemers staan naar hun aandeel in voor tekorten), aan begin en eind van het jaar, in euro."""
    uit = tmp_path / "paragraaf.docx"
    assert run("overzicht", str(CASES), "-o", str(uit), "--peildatum", PEILDATUM).exit_code == 0
    tekst, tabellen = _word_tekst_en_tabellen(uit)
    regelingen = _gr_met_cijfers()
    assert len(regelingen) == 4
    for data in regelingen:
        vp, aandeel = data["verbonden_partij"], _aandeel(data)
        begin = euro(round(aandeel * vp["eigen_vermogen_begin"] / 100))
        eind = euro(round(aandeel * vp["eigen_vermogen_eind"] / 100))
        rij = next(r for r in _cijfertabel(tekst, tabellen, data["naam"])
                   if r[0] == "Financieel belang van de gemeente")
        assert rij[1:] == (begin, eind), data["naam"]
        procent = f"{aandeel:g}".replace(".", ",") + "%"
        assert f"de gemeente heeft een aandeel van {procent}" in tekst, data["naam"]
    overzichtstabel = next(t for t in tabellen if t[0][0] == "Verbonden partij")
    assert ("Gezamenlijke ambtelijke werkorganisatie vier gemeenten", "Bedrijfsvoering en dienstverlening",
            "€ -210.000 (30%)", "hoog (uitgebreid)") in overzichtstabel


def test_het_deel_van_de_gemeente_in_een_negatief_eigen_vermogen_staat_er_als_bedrag_bij(overzicht):
    blokken = weergave.paragraaf(overzicht, _stempel()).blokken
    tekst = " ".join(i for b in blokken if isinstance(b, Lijst) for i in b.items)
    assert "een tekort van € 700.000, waarvan € 210.000 voor rekening van de gemeente" in tekst


def test_de_paragraaf_noemt_zeggenschap_en_programma_van_elke_verbonden_partij(tmp_path):
    uit = tmp_path / "paragraaf.md"
    assert run("overzicht", str(CASES), "-o", str(uit), "--peildatum", PEILDATUM).exit_code == 0
    tekst = uit.read_text(encoding="utf-8")
    for data in _gr_met_cijfers():
        vp = data["verbonden_partij"]
        assert f"Zeggenschap (bestuurlijk belang): {vp['zeggenschap']}." in tekst, data["naam"]
        assert f"Programma in de begroting: {vp['programma']}." in tekst, data["naam"]


def test_wat_een_verbonden_partij_niet_weet_staat_er_als_niet_bekend_en_nooit_als_nul(tmp_path):
    """Een gemeenschappelijke regeling zonder gegevens over de verbonden partij: het financieel belang is niet bekend
    (geen € 0), net als zeggenschap, programma en vermogen."""
    map_ = _kopie(tmp_path, "omgevingsdienst-lopend.yaml", wijzig=lambda t: t.split("\nverbonden_partij:")[0] + "\n")
    uit = tmp_path / "paragraaf.docx"
    assert run("overzicht", str(map_), "-o", str(uit), "--peildatum", PEILDATUM).exit_code == 0
    tekst, tabellen = _word_tekst_en_tabellen(uit)
    for deel in ("Zeggenschap (bestuurlijk belang): niet bekend.", "Programma in de begroting: niet bekend.",
                 "Financieel belang: niet bekend, omdat het aandeel van de gemeente",
                 "Over welk jaar de financiële cijfers gaan, staat niet in de casusbestanden."):
        assert deel in tekst, deel
    cijfers = next(t for t in tabellen if t[0][0] == "Bedragen in euro")
    assert cijfers[1] == ("Financieel belang van de gemeente", "niet bekend", "niet bekend")
    assert "€ 0" not in tekst and not any("€ 0" in c for t in tabellen for r in t for c in r)


# --- één jaar, gewone zinnen ----------------------------------------------------------------------------------

def test_de_paragraaf_zegt_een_keer_over_welk_jaar_de_cijfers_gaan(tmp_path):
    uit = tmp_path / "paragraaf.md"
    assert run("overzicht", str(CASES), "-o", str(uit), "--peildatum", PEILDATUM).exit_code == 0
    tekst = uit.read_text(encoding="utf-8")
    assert tekst.count("De financiële cijfers gaan over 2025") == 1
    assert "peiljaar" not in tekst and "(2025)" not in tekst
    assert "Of een evaluatie te laat is, is bepaald op 30 november 2026." in tekst
    assert "| Bedragen in euro" in tekst and "Begin 2025" in tekst and "Eind 2025" in tekst


def test_verschillen_de_jaren_dan_staat_bij_elke_partij_haar_eigen_jaar(tmp_path):
    map_ = _kopie(tmp_path, "regionaal-archief-lopend.yaml", "omgevingsdienst-lopend.yaml")
    pad = map_ / "regionaal-archief-lopend.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("  jaar: 2025\n", "  jaar: 2024\n"), encoding="utf-8")
    uit = tmp_path / "paragraaf.md"
    assert run("overzicht", str(map_), "-o", str(uit), "--peildatum", PEILDATUM).exit_code == 0
    tekst = uit.read_text(encoding="utf-8")
    assert "niet voor elke partij over hetzelfde jaar" in tekst
    assert "De cijfers gaan over 2024." in tekst and "Begin 2024" in tekst and "Begin 2025" in tekst


def test_de_risico_s_staan_in_gewone_zinnen_met_hun_omvang_zonder_drempels_of_regeltekst(tmp_path):
    uit = tmp_path / "paragraaf.md"
    assert run("overzicht", str(CASES), "-o", str(uit), "--peildatum", PEILDATUM).exit_code == 0
    tekst = uit.read_text(encoding="utf-8")
    for regeltaal in ("vanaf 1.000.000", "onder 0", "in euro per jaar:", "hoogte van de uittreedkosten: hoog",
                      "is uittreding geregeld: nee", "boven 4"):
        assert regeltaal not in tekst, regeltaal
    assert "Financieel risico: hoog. De bijdrage van de gemeente is € 9.800.000 per jaar; dat is veel." in tekst
    assert "Risico bij uittreden: gemiddeld. Uittreden kost veel. Wel is vastgelegd hoe een deelnemer uittreedt." \
        in tekst, "een gemiddeld risico zegt wat het kleiner houdt dan hoog"
    assert "De laatste evaluatie is van 2021, 5 jaar geleden." in tekst


# --- alleen verbonden partijen in matrix en grafieken ----------------------------------------------------------

def test_een_samenwerking_die_geen_verbonden_partij_is_staat_niet_in_matrix_en_grafieken_maar_in_een_eigen_lijst(
        overzicht, monkeypatch):
    """De ICT-samenwerking (een dienstverleningsovereenkomst) en de strategische agenda (een regeling zonder meer)
    lopen wel, maar zijn geen verbonden partij."""
    from samenwerkingstoets.engine.weergave import grafiek

    getekend = {}

    def verdeling(titel, groepen, reeksen, kleuren):
        getekend[titel] = (groepen, reeksen)
        return b"png"

    monkeypatch.setattr(grafiek, "verdeling_png", verdeling)
    blokken = weergave.paragraaf(overzicht, _stempel()).blokken
    kop = next(i for i, b in enumerate(blokken)
               if isinstance(b, Kop) and b.tekst == "Andere samenwerkingen, geen verbonden partij")
    andere = blokken[kop + 2]  # na de kop een alinea die uitlegt waarom, dan de lijst
    assert isinstance(andere, Lijst)
    assert any(i.startswith("ICT-samenwerking twee gemeenten, een dienstverleningsovereenkomst") for i in andere.items)
    assert any(i.startswith("Strategische agenda Regio Alkmaar, een regeling zonder meer") for i in andere.items)
    matrix = next(b for b in blokken if isinstance(b, Tabel) and b.kop[0] == "Thema")
    in_matrix = " ".join(c for rij in matrix.rijen for c in rij)
    assert "ICT-samenwerking" not in in_matrix and "Strategische agenda" not in in_matrix
    assert "digitalisering" not in [rij[0] for rij in matrix.rijen], "alleen de ICT-samenwerking heeft dat thema"
    assert sum(isinstance(b, Afbeelding) for b in blokken) == 2
    groepen, reeksen = getekend["Advies per thema"]
    assert "digitalisering" not in groepen and "mobiliteit" not in groepen
    i = groepen.index("bedrijfsvoering")
    assert sum(aantallen[i] for aantallen in reeksen.values()) == 2, "werkorganisatie en archief, niet de ICT"
    assert reeksen["negatief"][i] == 1, "de ICT-samenwerking (beëindigen) telt niet mee"


# --- het register als xlsx -------------------------------------------------------------------------------------

def _verbonden_partijen(pad: Path) -> dict[str, dict[str, openpyxl.cell.Cell]]:
    blad = openpyxl.load_workbook(pad)["Verbonden partijen"]
    kop = [c.value for c in blad[2]]
    return {rij[0].value: dict(zip(kop, rij)) for rij in blad.iter_rows(min_row=3)}


def test_de_xlsx_heeft_dezelfde_cijfers_als_getallen_met_het_aandeel_als_percentage(tmp_path):
    uit = tmp_path / "register.xlsx"
    assert run("overzicht", str(CASES), "-o", str(uit), "--peildatum", PEILDATUM).exit_code == 0
    rijen = _verbonden_partijen(uit)
    for data in _gr_met_cijfers():
        rij, vp, aandeel = rijen[data["naam"]], data["verbonden_partij"], _aandeel(data)
        assert rij["Aandeel gemeente (%)"].value == pytest.approx(aandeel / 100)
        assert rij["Aandeel gemeente (%)"].number_format.endswith("%")
        assert rij["Financieel belang begin (euro)"].value == round(aandeel * vp["eigen_vermogen_begin"] / 100)
        assert rij["Financieel belang eind (euro)"].value == round(aandeel * vp["eigen_vermogen_eind"] / 100)
        for kolom in ("Financieel belang begin (euro)", "Eigen vermogen eind (euro)", "Resultaat (euro)"):
            assert type(rij[kolom].value) is int and rij[kolom].number_format == "#,##0", kolom
        assert rij["Jaar van de cijfers"].value == 2025
        assert rij["Zeggenschap"].value == vp["zeggenschap"] and rij["Programma"].value == vp["programma"]
    risico = rijen["Gezamenlijke ambtelijke werkorganisatie vier gemeenten"]["Risico's"].value
    assert "waarvan € 210.000 voor rekening van de gemeente" in risico and "vanaf 1.000.000" not in risico


def test_in_de_xlsx_is_een_onbekend_bedrag_een_lege_cel_en_geen_nul(tmp_path):
    def zonder(tekst: str) -> str:
        return tekst.replace("  aandeel: 38\n", "").replace("  vreemd_vermogen_begin: 800000\n", "")

    map_ = _kopie(tmp_path, "regionaal-archief-lopend.yaml", wijzig=zonder)
    uit = tmp_path / "register.xlsx"
    assert run("overzicht", str(map_), "-o", str(uit), "--peildatum", PEILDATUM).exit_code == 0
    rij = _verbonden_partijen(uit)["Gemeenschappelijke regeling regionaal archief"]
    for kolom in ("Aandeel gemeente (%)", "Financieel belang begin (euro)", "Financieel belang eind (euro)",
                  "Vreemd vermogen begin (euro)"):
        assert rij[kolom].value is None, kolom
    assert rij["Vreemd vermogen eind (euro)"].value == 760000


def test_de_xlsx_heeft_geen_toelichting_als_rij_in_een_tabel(tmp_path):
    """Een zin als 'Elk thema ... heeft ten minste één samenwerking' staat boven de tabel, niet als rij eronder."""
    uit = tmp_path / "register.xlsx"
    assert run("overzicht", str(CASES), "-o", str(uit), "--peildatum", PEILDATUM).exit_code == 0
    boek = openpyxl.load_workbook(uit)
    blad = boek["Zonder samenwerking"]
    assert blad["A1"].value.startswith("Thema's en doelen uit de visie") and blad.freeze_panes == "A3"
    assert [c.value for c in blad[2]] == ["Soort", "Thema of doel uit de visie"]
    assert {r[0].value for r in blad.iter_rows(min_row=3)} <= {"thema", "doel"}
    vp = boek["Verbonden partijen"]
    assert vp["A1"].value.startswith("Bedragen in euro") and vp.auto_filter.ref.startswith("A2:")


def test_elke_samenwerking_heeft_een_thema_dan_staat_dat_boven_een_lege_tabel(tmp_path, beoordelaar, monkeypatch):
    o = maak_overzicht(CASES, beoordelaar, dt.date(2026, 11, 30))
    monkeypatch.setattr(type(o), "niet_gediend", lambda self: ([], []))
    boek = openpyxl.load_workbook(io.BytesIO(weergave.xlsx(o)))
    blad = boek["Zonder samenwerking"]
    assert blad["A1"].value == "Elk thema en elk doel uit de visie heeft ten minste één samenwerking."
    assert blad.max_row == 2, "alleen de toelichting en de kop"


# --- reproduceerbaar -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("naam", ["x.docx", "x.md", "x.xlsx"])
def test_twee_keer_dezelfde_casussen_en_peildatum_geven_dezelfde_bytes(tmp_path, naam, monkeypatch):
    """Ook als de klok tussendoor verspringt: geen 'vandaag' en geen tijdstip tot op de seconde."""
    import time as tijd

    uitkomsten = []
    for verschuiving in (0, 3_600 * 30 + 7):
        nu = tijd.time() + verschuiving
        monkeypatch.setattr(tijd, "time", lambda: nu)
        monkeypatch.setattr(tijd, "localtime", lambda t=None: tijd.gmtime(nu if t is None else t))
        uit = tmp_path / f"{verschuiving}-{naam}"
        assert run("overzicht", str(CASES), "-o", str(uit), "--peildatum", PEILDATUM).exit_code == 0
        uitkomsten.append(uit.read_bytes())
    assert uitkomsten[0] == uitkomsten[1]


def test_de_werkmap_draagt_de_peildatum_en_geen_tijdstip_van_maken(tmp_path):
    uit = tmp_path / "register.xlsx"
    assert run("overzicht", str(CASES), "-o", str(uit), "--peildatum", PEILDATUM).exit_code == 0
    with zipfile.ZipFile(uit) as zip_:
        kern = zip_.read("docProps/core.xml").decode("utf-8")
        assert {i.date_time for i in zip_.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert kern.count("2026-11-30T00:00:00Z") == 2, "gemaakt en gewijzigd op de peildatum"
    boek = openpyxl.load_workbook(uit)
    verantwoording = {r[0].value: r[1].value for r in boek["Verantwoording"].iter_rows(min_row=2)}
    assert dt.datetime(2026, 11, 30) in verantwoording.values()
    assert verantwoording["Jaar van de financiële cijfers"] == 2025


def test_zonder_peildatum_bepaalt_source_date_epoch_de_datum_van_paragraaf_en_werkmap(tmp_path):
    omgeving = {"SOURCE_DATE_EPOCH": "1764460800"}  # 30 november 2025, 00:00 UTC
    md = run("overzicht", str(CASES), "--formaat", "markdown", env=omgeving)
    assert md.exit_code == 0 and "Opgesteld op: 30 november 2025" in md.stdout
    assert "is bepaald op 30 november 2025" in md.stdout
    uit = tmp_path / "register.xlsx"
    assert run("overzicht", str(CASES), "-o", str(uit), env=omgeving).exit_code == 0
    with zipfile.ZipFile(uit) as zip_:
        assert "2025-11-30T00:00:00Z" in zip_.read("docProps/core.xml").decode("utf-8")


def test_de_paragraaf_in_word_draagt_de_peildatum_als_datum(tmp_path):
    uit = tmp_path / "paragraaf.docx"
    assert run("overzicht", str(CASES), "-o", str(uit), "--peildatum", PEILDATUM).exit_code == 0
    word = Document(str(uit))
    assert word.core_properties.created.replace(tzinfo=None) == dt.datetime(2026, 11, 30)
    assert "Opgesteld op: 30 november 2026" in "\n".join(_gewoon(p.text) for p in word.paragraphs)


def test_de_webapplicatie_geeft_dezelfde_paragraaf_als_de_opdrachtregel(tmp_path, monkeypatch):
    """Zonder --peildatum telt SOURCE_DATE_EPOCH, ook voor de downloads van de webapplicatie."""
    from fastapi.testclient import TestClient

    from samenwerkingstoets.web.app import maak_app

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764460800")
    werkmap = tmp_path / "werkmap"
    werkmap.mkdir()
    for pad in CASES.glob("*.yaml"):
        shutil.copy(pad, werkmap / pad.name)
    client = TestClient(maak_app(werkmap), base_url="http://127.0.0.1")
    eerste, tweede = client.get("/overzicht.xlsx"), client.get("/overzicht.xlsx")
    assert eerste.status_code == 200 and eerste.content == tweede.content
    word = client.get("/overzicht.docx")
    assert word.status_code == 200
    tekst = "\n".join(_gewoon(p.text) for p in Document(io.BytesIO(word.content)).paragraphs)
    assert "Opgesteld op: 30 november 2025" in tekst and "Andere samenwerkingen, geen verbonden partij" in tekst
