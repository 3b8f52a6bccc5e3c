# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De webapplicatie in een echte browser: headless Chromium uit de systeempakketten, aangestuurd door
Playwright (van PyPI; er wordt nooit een browser gedownload).

Zonder Chromium op deze computer worden deze tests overgeslagen, met de reden erbij. In CI moet de browser
er zijn: daar staat SAMENWERKINGSTOETS_BROWSERTESTS=verplicht en faalt een ontbrekende browser de run.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from docx import Document

from conftest import CASES, server_in_draad

CHROMIUM = next((p for p in (os.environ.get("SAMENWERKINGSTOETS_CHROMIUM"), shutil.which("chromium"),
                             shutil.which("chromium-browser"), "/usr/bin/chromium") if p and Path(p).exists()), None)
VERPLICHT = os.environ.get("SAMENWERKINGSTOETS_BROWSERTESTS") == "verplicht"

if CHROMIUM is None:
    if VERPLICHT:
        raise RuntimeError("Chromium ontbreekt, maar de browsertests zijn verplicht: apt-get install chromium")
    pytest.skip("Chromium staat niet op deze computer (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402

ARGUMENTEN = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
              "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from samenwerkingstoets.web.app import maak_app

    werkmap = tmp_path_factory.mktemp("werkmap")
    for pad in CASES.glob("*.yaml"):
        shutil.copy(pad, werkmap / pad.name)
    with server_in_draad(maak_app(werkmap)) as basis:
        yield basis, werkmap


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTEN)
        yield b
        b.close()


@pytest.fixture
def page(browser, server) -> Page:
    context = browser.new_context(base_url=server[0], accept_downloads=True)
    pagina = context.new_page()
    yield pagina
    context.close()


def test_een_nieuwe_casus_gaat_door_de_intake_naar_een_advies(page, server):
    page.goto("/")
    page.get_by_role("link", name="Nieuwe casus toetsen").click()
    page.get_by_label("Naam van de samenwerking").fill("Regionale mobiliteitsagenda")
    page.get_by_label("Voorstel (nieuw) of lopend (bestaand)").select_option("voorstel")
    page.get_by_label("Strategisch, uitvoerend of beide").select_option("strategisch")
    page.get_by_role("button", name="Opslaan en verder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Partners")
    page.get_by_label("Naam").first.fill("Heiloo")
    page.get_by_role("button", name="Opslaan en verder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("De maatschappelijke opgave")
    page.get_by_label("De maatschappelijke opgave").fill("Bereikbaarheid van de regio")
    page.get_by_label("Overstijgt de opgave de gemeentegrens?").select_option("ja")
    page.get_by_role("button", name="Opslaan en verder").click()
    page.get_by_label("Waarde voor inwoners, bedrijven en maatschappelijke organisaties").select_option("ja")
    page.get_by_role("button", name="Opslaan, later verder").click()
    expect(page.get_by_role("link", name="Regionale mobiliteitsagenda", exact=True)).to_be_visible()
    # halverwege de intake: geen advies in kleur, wel een weg terug naar de eerste open stap
    expect(page.get_by_role("row", name="Regionale mobiliteitsagenda")).to_contain_text("intake onvolledig")
    page.get_by_role("link", name="Regionale mobiliteitsagenda", exact=True).click()
    expect(page.get_by_role("heading", name="Advies:", exact=False)).to_be_visible()
    expect(page.get_by_text("De intake is nog niet af.")).to_be_visible()
    page.get_by_role("link", name="Verder met de intake").click()  # de eerste stap die nog niet is opgeslagen
    expect(page.get_by_role("heading", level=1)).to_have_text("De doelen uit de visie")
    assert (server[1] / "regionale-mobiliteitsagenda.yaml").exists()


def test_een_wat_als_wijziging_verandert_het_advies(page):
    page.goto("/casussen/ict-samenwerking-lopend")
    expect(page.get_by_role("heading", name="Advies: beëindigen")).to_be_visible()
    page.get_by_role("link", name="Wat als?").click()
    page.get_by_text("Businesscase en middelen").click()
    page.get_by_label("Is er een businesscase?").select_option("aanwezig")
    page.get_by_text("Evaluatie", exact=True).click()
    page.get_by_label("Is er zicht op herstel?").select_option("ja")
    page.get_by_role("button", name="Doorrekenen").click()
    expect(page.get_by_role("status")).to_contain_text("Advies met deze wijzigingen: voortzetten onder voorwaarden")


def test_een_variant_wordt_bewaard_en_vergeleken(page, server):
    page.goto("/casussen/ambtelijke-bedrijfsvoering-zonder-businesscase/wat-als")
    page.get_by_text("Businesscase en middelen").click()
    page.get_by_label("Is er een businesscase?").select_option("aanwezig")
    page.get_by_label("Naam van de variant").fill("Met businesscase")
    page.get_by_label("Wat verandert er, en waarom?").fill("De businesscase is klaar.")
    page.get_by_role("button", name="Bewaar als variant en vergelijk").click()
    expect(page.get_by_role("table").first).to_contain_text("Met businesscase")
    assert list((server[1] / "varianten").glob("ambtelijke-bedrijfsvoering-zonder-businesscase--*.yaml"))


def test_het_collegevoorstel_wordt_gedownload_en_opent_in_word(page):
    page.goto("/casussen/omgevingsdienst-lopend")
    with page.expect_download() as download:
        page.get_by_role("link", name="Collegevoorstel (Word)").click()
    pad = download.value.path()
    document = Document(io.BytesIO(Path(pad).read_bytes()))
    assert document.paragraphs[0].text == "Collegevoorstel: Omgevingsdienst Noord-Holland Noord"


def test_alles_werkt_met_alleen_het_toetsenbord(page):
    page.goto("/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Naar de inhoud")).to_be_focused()
    page.keyboard.press("Enter")
    # vanaf de inhoud naar de knop 'Nieuwe casus toetsen', en het formulier invullen zonder muis
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Nieuwe casus toetsen":
            break
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Basisgegevens")
    page.keyboard.press("Tab")
    for _ in range(30):
        if page.evaluate("document.activeElement.id") == "veld-naam":
            break
        page.keyboard.press("Tab")
    page.keyboard.type("Toetsenbordcasus")
    page.keyboard.press("Enter")  # verstuurt het formulier
    expect(page.get_by_role("heading", level=1)).to_have_text("Partners")
    # de focus is zichtbaar: een omlijning rond het element met focus
    page.keyboard.press("Tab")
    omlijning = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert omlijning != "none"


@pytest.mark.parametrize("url", ["/", "/casussen/omgevingsdienst-lopend", "/casussen/nieuw",
                                 "/casussen/omgevingsdienst-lopend/stappen/onderbouwing",
                                 "/casussen/omgevingsdienst-lopend/wat-als", "/casussen/omgevingsdienst-lopend/vergelijk",
                                 "/regels", "/casussen/omgevingsdienst-lopend/geschiedenis",
                                 "/casussen/omgevingsdienst-lopend/verwijderen",
                                 "/casussen/omgevingsdienst-lopend/wat-als?variantnaam=Proef", "/prullenbak",
                                 "/casussen/digitale-dienstverlening-voorstel/vergelijk?pakket=alkmaar-streng+1.6.0-streng"])
def test_geen_ernstige_toegankelijkheidsfouten_volgens_axe(page, url):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(url)
    resultaat = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a",
                                                                                 "wcag21aa"]}})
    ernstig = [v for v in resultaat.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not ernstig, [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in ernstig]


def test_een_enkele_stelling_van_de_scan_wordt_als_concept_bewaard_en_de_pagina_blijft_toegankelijk(page, server):
    from axe_playwright_python.sync_playwright import Axe

    bron = (server[1] / "regionaal-archief-lopend.yaml").read_text(encoding="utf-8")
    (server[1] / "scan-concept.yaml").write_text(bron.replace("naam: ", "naam: Concept ", 1), encoding="utf-8")
    page.goto("/casussen/scan-concept/stappen/succesfactoren")
    page.locator("#veld-succesfactoren-identiteit-a").select_option("4")
    page.locator("#veld-succesfactoren-identiteit-b").select_option("")
    page.get_by_role("button", name="Opslaan en verder").click()
    expect(page.get_by_role("status")).to_contain_text("alleen stelling a ingevuld. Die is bewaard")
    expect(page.locator("#veld-succesfactoren-identiteit-a")).to_have_value("4")
    assert "[4, onbekend]" in (server[1] / "scan-concept.yaml").read_text(encoding="utf-8")
    resultaat = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a",
                                                                                 "wcag21aa"]}})
    ernstig = [v for v in resultaat.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not ernstig, [(v["id"], v["help"]) for v in ernstig]
    page.goto("/")
    rij = page.locator("tr", has_text="Concept ")
    expect(rij).to_contain_text("onvolledig")


def test_een_formulierfout_staat_bij_het_veld_en_in_het_overzicht(page):
    page.goto("/casussen/regionale-inkoop-jeugdzorg/stappen/onderbouwing")
    page.get_by_label("Aandeel van de eigen gemeente in euro per jaar").fill("750,000")
    page.get_by_role("button", name="Opslaan en verder").click()
    expect(page.get_by_role("alert")).to_contain_text("Er is niets opgeslagen")
    veld = page.get_by_label("Aandeel van de eigen gemeente in euro per jaar")
    expect(veld).to_have_attribute("aria-invalid", "true")
    beschrijving = veld.get_attribute("aria-describedby")
    assert "fout-" in beschrijving


@pytest.mark.parametrize("url", ["/", "/overzicht"])
def test_op_een_telefoon_staat_het_advies_van_elke_casus_in_beeld(browser, server, url):
    """Onder 600 px is elke rij van de werkmap en van het register een kaart: het advies staat binnen het scherm,
    zonder schuiven."""
    context = browser.new_context(base_url=server[0], viewport={"width": 390, "height": 844})
    pagina = context.new_page()
    try:
        pagina.goto(url)
        adviezen = pagina.locator("td.kolom-advies")
        assert adviezen.count() >= 5
        for i in range(3):
            vak = adviezen.nth(i).bounding_box()
            assert vak is not None and vak["x"] >= 0 and vak["x"] + vak["width"] <= 390, vak
        kaart = pagina.locator("tbody tr").first.bounding_box()
        advies = adviezen.first.bounding_box()
        ander = pagina.locator("tbody tr").first.locator("td[data-label]:not(.kolom-advies)").first.bounding_box()
        assert kaart["y"] <= advies["y"] < ander["y"], "het advies staat boven de andere gegevens"
    finally:
        context.close()


def test_op_een_telefoon_toont_vergelijk_het_advies_van_elke_kolom_zonder_schuiven(browser, server):
    context = browser.new_context(base_url=server[0], viewport={"width": 390, "height": 844})
    pagina = context.new_page()
    try:
        pagina.goto("/casussen/digitale-dienstverlening-voorstel/vergelijk?pakket=alkmaar-streng+1.6.0-streng")
        kaarten = pagina.locator(".kaarten-smal .kaart")
        assert kaarten.count() == 2
        for i in range(2):
            advies = kaarten.nth(i).get_by_text("Advies:").bounding_box()
            assert advies is not None and advies["x"] >= 0 and advies["x"] + advies["width"] <= 390, advies
        assert not pagina.locator("table caption", has_text="Het advies naast elkaar").is_visible()
        breedte = pagina.evaluate("document.documentElement.scrollWidth")
        assert breedte <= 390, f"de pagina is {breedte} px breed"
    finally:
        context.close()


def _tab_naar(page, wat: str, doel: str, hooguit: int) -> None:
    """Druk op Tab tot het element met de focus `doel` is (gemeten met de JavaScript-expressie `wat`)."""
    for _ in range(hooguit):
        page.keyboard.press("Tab")
        if page.evaluate(wat) == doel:
            return
    raise AssertionError(f"met Tab niet bij {doel} gekomen")


def test_geschiedenis_en_verwijderen_werken_met_alleen_het_toetsenbord(page, server):
    """Van de adviespagina met Tab en Enter naar de geschiedenis, en de verwijdervraag bevestigen zonder muis (op een
    kopie, zodat de andere tests de casus houden)."""
    bron = (server[1] / "regionaal-archief-lopend.yaml").read_text(encoding="utf-8")
    (server[1] / "toetsenbord-archief.yaml").write_text(bron.replace("naam: ", "naam: Kopie ", 1), encoding="utf-8")
    page.goto("/casussen/toetsenbord-archief")
    _tab_naar(page, "document.activeElement.textContent", "Geschiedenis", 80)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Geschiedenis")
    page.goto("/casussen/toetsenbord-archief/verwijderen")
    _tab_naar(page, "document.activeElement.id", "bevestig", 40)
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Verwijderen")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("prullenbak")
    assert not (server[1] / "toetsenbord-archief.yaml").exists()
