# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De webapplicatie over HTTP (de testclient van het framework): pagina's, intake, wat-als, varianten,
collegevoorstel, API en beveiliging. De tests in een echte browser staan in test_web_browser.py."""

from __future__ import annotations

import html
import io
import json
import os
import re

from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from fastapi.testclient import TestClient

from samenwerkingstoets.cli import cli
from samenwerkingstoets.engine.laden import lees_casus
from samenwerkingstoets.engine.varianten import lees_variant
from samenwerkingstoets.web.app import maak_app
from conftest import CASES

BASIS = "http://127.0.0.1"






def csrf(client: TestClient, url: str = "/casussen/nieuw") -> str:
    return re.search(r'name="csrf" value="([^"]+)"', client.get(url).text).group(1)


def versie(client: TestClient, url: str) -> str:
    return re.search(r'name="versie" value="([^"]+)"', client.get(url).text).group(1)


# --- pagina's -------------------------------------------------------------------------------------

def test_de_werkmap_toont_elke_casus_met_zijn_advies_en_filtert(client):
    r = client.get("/")
    assert r.status_code == 200 and "12 van 12 samenwerkingen" in r.text
    assert "Omgevingsdienst Noord-Holland Noord" in r.text and "voortzetten onder voorwaarden" in r.text
    gefilterd = client.get("/", params={"advies": "beeindigen"}).text
    assert "2 van 12" in gefilterd and "ICT-samenwerking" in gefilterd and "Omgevingsdienst" not in gefilterd
    assert "1 van 12" in client.get("/", params={"q": "woonagenda"}).text
    assert "Regionale woonagenda Noord-Holland Noord" in client.get("/", params={"q": "noord holland"}).text
    assert "2 van 12" in client.get("/", params={"q": "beëindigen"}).text


def test_de_adviespagina_toont_advies_bandbreedte_bevindingen_met_bron_en_de_grafiek(client):
    r = client.get("/casussen/omgevingsdienst-lopend")
    assert "Advies: voortzetten onder voorwaarden" in r.text and "Bandbreedte" in r.text
    assert "Wgr-vereisten (uittreding, evaluatie, zienswijzen)" in r.text and "Bron: Wet gemeenschappelijke" in r.text
    assert 'src="/casussen/omgevingsdienst-lopend/grafiek.png"' in r.text
    grafiek = client.get("/casussen/omgevingsdienst-lopend/grafiek.png")
    assert grafiek.headers["content-type"] == "image/png" and grafiek.content[:4] == b"\x89PNG"


def test_de_regelspagina_toont_elk_criterium_met_regels_en_bronnen(client):
    r = client.get("/regels")
    assert r.status_code == 200 and "Opgave als vertrekpunt" in r.text and "Bron: Strategische visie" in r.text


# --- intake -----------------------------------------------------------------------------------

def test_een_nieuwe_casus_gaat_door_de_intake_naar_een_advies(client, werkmap):
    r = client.post("/casussen/nieuw", data={"csrf": csrf(client), "naam": "Regionale energiestrategie",
                                              "fase": "voorstel", "perspectief": "Alkmaar", "soort": "strategisch",
                                              "themas": ["duurzaamheid_en_energie"], "actie": "verder"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/casussen/regionale-energiestrategie/stappen/partners"
    bestand = werkmap / "regionale-energiestrategie.yaml"
    assert "naam: Regionale energiestrategie" in bestand.read_text(encoding="utf-8")
    url = "/casussen/regionale-energiestrategie/stappen/opgave"
    r = client.post(url, data={"csrf": csrf(client, url), "versie": versie(client, url), "actie": "verder",
                               "opgave.omschrijving": "Een betaalbare energietransitie in de regio",
                               "opgave.overstijgt_gemeentegrens": "ja", "opgave.complex": "ja"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].endswith("/stappen/toegevoegde_waarde")
    tekst = bestand.read_text(encoding="utf-8")
    assert "overstijgt_gemeentegrens: ja" in tekst and "schema: 1" in tekst
    controle = client.get("/casussen/regionale-energiestrategie/controle")
    assert controle.status_code == 200 and "Een betaalbare energietransitie in de regio" in controle.text
    advies = client.get("/casussen/regionale-energiestrategie")
    assert advies.status_code == 200 and "Advies:" in advies.text
    # hetzelfde bestand werkt met de opdrachtregel
    cli_advies = CliRunner().invoke(cli, ["beoordeel", str(bestand), "--formaat", "json"])
    assert cli_advies.exit_code == 0, cli_advies.output


def test_elke_stap_heeft_labels_hulp_en_onbekend_uit_het_casusmodel(client):
    r = client.get("/casussen/omgevingsdienst-lopend/stappen/onderbouwing")
    assert '<label for="veld-onderbouwing-businesscase">Is er een businesscase?</label>' in r.text
    assert 'id="hulp-onderbouwing-businesscase"' in r.text and "Telt mee voor:" in r.text
    assert r.text.count('<option value="">onbekend</option>') >= 8
    evaluatie = client.get("/casussen/regionale-inkoop-jeugdzorg/stappen/basis").text
    assert 'name="naar" value="evaluatie"' not in evaluatie, "een voorstel heeft geen evaluatiestap"
    assert 'name="naar" value="evaluatie"' in client.get("/casussen/omgevingsdienst-lopend/stappen/basis").text
    scan = client.get("/casussen/omgevingsdienst-lopend/stappen/succesfactoren").text
    assert "Stelling a: Onze gemeente heeft genoeg bestuurlijke en ambtelijke moed." in scan


def test_de_hulp_bij_een_veld_zegt_wat_voor_vraag_het_is_en_of_het_meetelt(client):
    import html as html_

    taak = html_.unescape(client.get("/casussen/omgevingsdienst-lopend/stappen/taak").text)
    assert "Een feit over de taak, de wet of de omgeving; geen keuze van de gemeente." in taak
    sturing = html_.unescape(client.get("/casussen/omgevingsdienst-lopend/stappen/sturing").text)
    assert "Antwoord zoals het nu geregeld is, of zoals het voorstel het regelt." in sturing
    register = html_.unescape(client.get("/casussen/omgevingsdienst-lopend/stappen/verbonden_partij").text)
    assert "Voor het register en de paragraaf verbonden partijen in de begroting." in register
    assert "Telt niet mee in het advies." in register and "Telt mee voor:" not in register
    assert "Kies het antwoord dat past" not in taak + sturing + register


def test_naar_een_andere_stap_gaan_bewaart_eerst_wat_is_ingevuld(client, werkmap):
    url = "/casussen/regionale-inkoop-jeugdzorg/stappen/sturing"
    r = client.post(url, data={"csrf": csrf(client, url), "versie": versie(client, url), "naar": "opgave",
                               "sturing.raad_tevreden": "nee"}, follow_redirects=False)
    assert r.headers["location"] == "/casussen/regionale-inkoop-jeugdzorg/stappen/opgave"
    assert "raad_tevreden: nee" in (werkmap / "regionale-inkoop-jeugdzorg.yaml").read_text(encoding="utf-8")


def test_een_nieuwe_casus_heeft_nog_geen_advies_en_er_is_er_geen_wordt_uitdrukkelijk_geen(client, werkmap):
    client.post("/casussen/nieuw", data={"csrf": csrf(client), "naam": "Bijna leeg", "fase": "voorstel"})
    assert "omschrijving" not in (werkmap / "bijna-leeg.yaml").read_text(encoding="utf-8")  # ontbreekt = onbekend
    assert "nog geen advies" in client.get("/casussen/bijna-leeg").text
    url = "/casussen/bijna-leeg/stappen/opgave"
    client.post(url, data={"csrf": csrf(client, url), "versie": versie(client, url), "actie": "verder",
                           "opgave.omschrijving": "", "opgave.omschrijving.geen": "ja"})
    assert "omschrijving: geen" in (werkmap / "bijna-leeg.yaml").read_text(encoding="utf-8")
    url = "/casussen/bijna-leeg/stappen/basis"
    client.post(url, data={"csrf": csrf(client, url), "versie": versie(client, url), "actie": "verder",
                           "naam": "Bijna leeg", "fase": "voorstel", "soort": "strategisch"})
    assert "Advies: voorlopig: niet aangaan" in client.get("/casussen/bijna-leeg").text


def test_foute_invoer_krijgt_de_melding_van_de_cli_bij_het_veld_en_er_wordt_niets_opgeslagen(client, werkmap):
    bestand = werkmap / "regionale-inkoop-jeugdzorg.yaml"
    voor = bestand.read_bytes()
    url = "/casussen/regionale-inkoop-jeugdzorg/stappen/onderbouwing"
    r = client.post(url, data={"csrf": csrf(client, url), "versie": versie(client, url), "actie": "verder",
                               "onderbouwing.kosten_per_jaar": "750,000"})
    assert r.status_code == 400
    assert 'aria-invalid="true"' in r.text and 'href="#veld-onderbouwing-kosten_per_jaar"' in r.text
    cli_melding = CliRunner().invoke(cli, ["beoordeel", str(bestand), "--wat-als",
                                           "onderbouwing.kosten_per_jaar=750,000"]).output
    kern = re.search(r"veld 'onderbouwing.kosten_per_jaar': (.+)", cli_melding).group(1).strip()
    assert kern[:60] in r.text.replace("&#39;", "'")
    assert bestand.read_bytes() == voor


def test_een_bedrag_op_zijn_nederlands_wordt_goed_gelezen_en_opgeslagen(client, werkmap):
    url = "/casussen/regionale-inkoop-jeugdzorg/stappen/onderbouwing"
    data = {"csrf": csrf(client, url), "versie": versie(client, url), "actie": "verder",
            "onderbouwing.kosten_per_jaar": "€ 750.000", "onderbouwing.businesscase": "aanwezig"}
    assert client.post(url, data=data, follow_redirects=False).status_code == 303
    assert "kosten_per_jaar: 750000" in (werkmap / "regionale-inkoop-jeugdzorg.yaml").read_text(encoding="utf-8")


def test_opslaan_bewaart_de_opmerkingen_in_het_bestand(client, werkmap):
    bestand = werkmap / "omgevingsdienst-lopend.yaml"
    assert "# Voorbeeld van een wettelijk verplichte" in bestand.read_text(encoding="utf-8")
    url = "/casussen/omgevingsdienst-lopend/stappen/sturing"
    data = {"csrf": csrf(client, url), "versie": versie(client, url), "actie": "later",
            "sturing.evaluatie_afgesproken": "ja", "sturing.informatie_aan_raad": "ja"}
    assert client.post(url, data=data, follow_redirects=False).status_code == 303
    tekst = bestand.read_text(encoding="utf-8")
    assert "# Voorbeeld van een wettelijk verplichte" in tekst and "evaluatie_afgesproken: ja" in tekst


def test_een_bestand_dat_intussen_veranderde_wordt_niet_overschreven(client, werkmap):
    bestand = werkmap / "regionaal-archief-lopend.yaml"
    url = "/casussen/regionaal-archief-lopend/stappen/opgave"
    geopend = versie(client, url)
    bestand.write_text(bestand.read_text(encoding="utf-8").replace("perspectief: Alkmaar", "perspectief: Heiloo"),
                       encoding="utf-8")
    intussen = bestand.read_bytes()
    r = client.post(url, data={"csrf": csrf(client, url), "versie": geopend, "actie": "verder",
                               "opgave.complex": "nee"})
    assert r.status_code == 409 and "veranderd sinds u het opende" in r.text
    assert bestand.read_bytes() == intussen


def test_partners_en_hun_scan_worden_in_het_formulier_ingevuld(client, werkmap):
    url = "/casussen/regionale-woonagenda-nhn/stappen/partners"
    data = {"csrf": csrf(client, url), "versie": versie(client, url), "actie": "verder",
            "partners.0.naam": "Hoorn", "partners.0.soort": "gemeente", "partners.0.belang": "beschreven",
            "partners.1.naam": "Provincie Noord-Holland", "partners.1.soort": "provincie"}
    assert client.post(url, data=data, follow_redirects=False).status_code == 303
    url = "/casussen/regionale-woonagenda-nhn/stappen/succesfactoren"
    pagina = client.get(url).text
    # één partner tegelijk, met de voortgang erbij
    assert "Scan van Hoorn" in pagina and "Scan van Provincie Noord-Holland" not in pagina
    assert "partner 1 van 2" in pagina
    data = {"csrf": csrf(client, url), "versie": versie(client, url), "actie": "volgende_partner", "partner": "0",
            "per_partner.0.identiteit.a": "2", "per_partner.0.identiteit.b": "1"}
    r = client.post(url, data=data, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].endswith("?partner=1")
    tweede = client.get(r.headers["location"]).text
    assert "Scan van Provincie Noord-Holland" in tweede and "Scan van Hoorn" not in tweede
    data = {"csrf": csrf(client, url), "versie": versie(client, url), "actie": "verder", "partner": "1",
            "per_partner.1.identiteit.a": "4", "per_partner.1.identiteit.b": "4"}
    assert client.post(url, data=data, follow_redirects=False).status_code == 303
    tekst = (werkmap / "regionale-woonagenda-nhn.yaml").read_text(encoding="utf-8")
    assert "Hoorn:" in tekst and "Provincie Noord-Holland:" in tekst, "de scan van de eerste partner bleef staan"


# --- de ambtelijke afweging: een bevinding anders wegen --------------------------------------------

def _advieswoord(pagina: str) -> str:
    return html.unescape(re.search(r"<h2>Advies: ([^<]+)</h2>", pagina).group(1))


def _afwegingsformulier(client: TestClient, url: str, **velden) -> dict:
    """Het formulier 'Een bevinding anders wegen' zoals de adviespagina het geeft, met deze velden ingevuld."""
    pagina = client.get(url).text
    return {"csrf": re.search(r'name="csrf" value="([^"]+)"', pagina).group(1),
            "versie": re.search(r'name="versie" value="([^"]+)"', pagina).group(1), **velden}


def _criterium_met_bevinding(pagina: str) -> tuple[str, str]:
    """Het eerste criterium uit de keuzelijst dat een bevinding in dit advies heeft: code en wat de gebruiker ziet."""
    groep = re.search(r'<optgroup label="Met een bevinding in dit advies">(.*?)</optgroup>', pagina, flags=re.S)
    code, tekst = re.search(r'<option value="([^"]+)" >([^<]+)</option>', groep.group(1)).groups()
    return code, html.unescape(tekst)


def test_de_adviespagina_toont_eerst_waar_het_advies_van_afhangt_dan_de_voorwaarden_en_de_raad(client, werkmap):
    from markupsafe import escape

    from samenwerkingstoets.engine.beoordelen import Beoordelaar
    from samenwerkingstoets.engine.laden import STANDAARDPAKKET, casus_van, lees_regelpakket, lees_yaml
    from samenwerkingstoets.engine.weergave.tabel import scharnierregels

    beoordelaar = Beoordelaar(lees_regelpakket(STANDAARDPAKKET))
    gezien = {"scharnier": 0, "voorwaarde": 0, "raad": 0}
    for bestand in sorted(werkmap.glob("*.yaml")):
        advies = beoordelaar.beoordeel(casus_van(lees_yaml(bestand)))
        pagina = client.get(f"/casussen/{bestand.stem}").text
        plekken = []
        if advies.voorlopig and advies.open_kernvragen:
            assert "Waar het advies van afhangt" in pagina, bestand.name
            for zin in scharnierregels(advies):  # dezelfde zinnen als de opdrachtregel
                assert str(escape(zin)) in pagina, (bestand.name, zin)
            plekken.append(pagina.index("Waar het advies van afhangt"))
            gezien["scharnier"] += 1
        else:
            assert "Waar het advies van afhangt" not in pagina, bestand.name
        for v in advies.voorwaarden_uitgewerkt:
            blok = re.search(r"<dt>Wat</dt><dd>(.*?)</dd>\s*<dt>Wie</dt><dd>(.*?)</dd>\s*"
                             r"<dt>Wanneer</dt><dd>(.*?)</dd>", pagina[pagina.index(str(escape(v.wat))) - 40:],
                             flags=re.S)
            assert blok and html.unescape(blok.group(2)).lower() == v.wie.lower(), (bestand.name, v.wie)
            assert html.unescape(blok.group(3)).lower() == v.wanneer.lower()
            gezien["voorwaarde"] += 1
        if advies.voorwaarden_uitgewerkt:
            plekken.append(pagina.index('<h2 id="voorwaarden">'))
        if advies.raad and advies.raad.punten:
            for punt in advies.raad.punten:
                assert str(escape(punt.beslispunt)) in pagina and str(escape(punt.uitleg)) in pagina
                assert not punt.artikel or f"({escape(punt.artikel)})" in pagina
            plekken.append(pagina.index('<h2 id="raad">De raad</h2>'))
            gezien["raad"] += 1
        plekken.append(pagina.index('<h2 id="bevindingen">'))
        assert plekken == sorted(plekken), f"{bestand.name}: de volgorde van de onderdelen klopt niet"
    assert all(gezien.values()), gezien  # elk onderdeel kwam in de voorbeelden minstens één keer voor


def test_een_afweging_verandert_het_getoonde_advies_en_het_oordeel_van_het_pakket_blijft_zichtbaar(client):
    url = "/casussen/economische-samenwerking-mra"
    pagina = client.get(url).text
    assert _advieswoord(pagina) == "aangaan" and "Ambtelijke afweging" not in pagina
    code, zichtbaar = _criterium_met_bevinding(pagina)
    assert "(nu: " in zichtbaar and not zichtbaar.startswith(code), "de keuzelijst toont de naam van het criterium"
    r = client.post(f"{url}/afwegingen", follow_redirects=False, data=_afwegingsformulier(
        client, url, criterium=code, effect="blokkerend", reden="Het college vindt <b>dit</b> niet genoeg.",
        door="Wethouder Jansen"))
    assert r.status_code == 303 and r.headers["location"].startswith(url)
    na = client.get(r.headers["location"]).text
    assert _advieswoord(na) == "niet aangaan"
    assert "<dt>Advies van het regelpakket</dt><dd>aangaan</dd>" in na
    assert "<dt>Na de ambtelijke afweging</dt><dd>niet aangaan</dd>" in na
    assert "Het college vindt &lt;b&gt;dit&lt;/b&gt; niet genoeg." in na and "<b>dit</b>" not in na
    assert "Wethouder Jansen" in na and "De afweging is opgeslagen" in na
    assert na.index("Ambtelijke afweging") < na.index('<h2 id="bevindingen">')
    # een criterium dat al anders gewogen is, staat niet meer in de keuzelijst
    assert f'<option value="{code}"' not in na


def test_de_afweging_staat_daarna_in_het_casusbestand_en_dat_werkt_nog(client, werkmap):
    from samenwerkingstoets.engine.laden import casus_van, lees_yaml

    bestand = werkmap / "regionale-inkoop-jeugdzorg.yaml"
    voor = bestand.read_text(encoding="utf-8")
    url = "/casussen/regionale-inkoop-jeugdzorg"
    code, _ = _criterium_met_bevinding(client.get(url).text)
    reden = "Regel één: 'ja' # geen opmerking\nRegel twee: - 2024"
    r = client.post(f"{url}/afwegingen", follow_redirects=False, data=_afwegingsformulier(
        client, url, criterium=code.lower(), effect="voorwaarde", reden=reden.replace("\n", "\r\n"), door=""))
    assert r.status_code == 303
    tekst = bestand.read_text(encoding="utf-8")
    assert tekst.startswith(voor) and "afwegingen:" in tekst[len(voor):], "alleen de afweging komt erbij"
    casus = casus_van(lees_yaml(bestand))
    assert len(casus.afwegingen) == 1
    afweging = casus.afwegingen[0]
    assert (afweging.criterium, afweging.effect.value, afweging.reden, afweging.door) == (code, "voorwaarde", reden,
                                                                                            None)
    uit = CliRunner().invoke(cli, ["beoordeel", str(bestand)])
    assert uit.exit_code == 0 and "Ambtelijke afweging" in uit.output, uit.output


def test_een_afweging_zonder_reden_wordt_niet_opgeslagen_en_de_melding_staat_bij_het_veld(client, werkmap):
    bestand = werkmap / "economische-samenwerking-mra.yaml"
    voor = bestand.read_bytes()
    url = "/casussen/economische-samenwerking-mra"
    code, _ = _criterium_met_bevinding(client.get(url).text)
    for reden in ("", "   \r\n  ", "\u200b"):
        r = client.post(f"{url}/afwegingen", data=_afwegingsformulier(
            client, url, criterium=code, effect="blokkerend", reden=reden, door="Wethouder Jansen"))
        assert r.status_code == 400
        melding = re.search(r'<p class="foutmelding" id="fout-afweging-reden">(.*?)</p>', r.text, flags=re.S)
        assert melding and "Schrijf op waarom u dit anders weegt" in melding.group(1)
        veld = re.search(r'<textarea id="afweging-reden"[^>]*>', r.text).group(0)
        assert 'aria-invalid="true"' in veld and "fout-afweging-reden" in veld
        assert 'href="#afweging-reden"' in r.text and "Er is niets opgeslagen" in r.text
        assert 'value="Wethouder Jansen"' in r.text and f'value="{code}" selected' in r.text  # invoer blijft staan
        assert "Traceback" not in r.text and _advieswoord(r.text) == "aangaan"
    assert bestand.read_bytes() == voor


@pytest.mark.parametrize("velden, veld, melding", [
    ({"criterium": "ZZ-9", "effect": "blokkerend"}, "criterium", "komt niet voor in het regelpakket"),
    ({"criterium": "../../etc/passwd", "effect": "blokkerend"}, "criterium", "komt niet voor in het regelpakket"),
    ({"criterium": "", "effect": "blokkerend"}, "criterium", "Kies de bevinding"),
    ({"effect": "heel_zwaar"}, "effect", "Kies een gewicht uit de lijst"),
    ({"effect": "blokkerend", "reden": "x" * 2001}, "reden", "hooguit 2.000 tekens"),
    ({"effect": "blokkerend", "door": "x" * 201}, "door", "hooguit 200 tekens"),
])
def test_een_nagemaakt_of_te_lang_formulier_wordt_geweigerd(client, werkmap, velden, veld, melding):
    bestand = werkmap / "economische-samenwerking-mra.yaml"
    voor = bestand.read_bytes()
    url = "/casussen/economische-samenwerking-mra"
    code, _ = _criterium_met_bevinding(client.get(url).text)
    r = client.post(f"{url}/afwegingen", data=_afwegingsformulier(
        client, url, **{"criterium": code, "reden": "Een goede reden.", **velden}))
    assert r.status_code == 400 and "Traceback" not in r.text
    fout = re.search(rf'<p class="foutmelding" id="fout-afweging-{veld}">(.*?)</p>', r.text, flags=re.S)
    assert fout and melding in fout.group(1)
    assert bestand.read_bytes() == voor


def test_een_afweging_verwijderen_zet_het_bestand_en_het_advies_terug(client, werkmap):
    bestand = werkmap / "economische-samenwerking-mra.yaml"
    voor = bestand.read_bytes()
    url = "/casussen/economische-samenwerking-mra"
    code, _ = _criterium_met_bevinding(client.get(url).text)
    for effect in ("blokkerend", "voorwaarde"):
        anders = next(c for c in re.findall(r'<option value="([A-Z]+-[A-Z0-9]+)" >', client.get(url).text)
                      if effect == "blokkerend" or c != code)
        client.post(f"{url}/afwegingen", data=_afwegingsformulier(
            client, url, criterium=code if effect == "blokkerend" else anders, effect=effect, reden=f"Reden {effect}"))
    pagina = client.get(url).text
    assert len(re.findall(r'/afwegingen/\d+/verwijderen"', pagina)) == 2 and _advieswoord(pagina) == "niet aangaan"
    # een verouderd of nagemaakt nummer verwijdert niets
    for nummer, criterium in (("3", code), ("2", code), ("x", code)):
        r = client.post(f"{url}/afwegingen/{nummer}/verwijderen",
                        data=_afwegingsformulier(client, url, criterium=criterium))
        assert r.status_code == 400 and "er is niets verwijderd" in r.text
    met_twee = bestand.read_bytes()
    r = client.post(f"{url}/afwegingen/1/verwijderen", data=_afwegingsformulier(client, url, criterium=code),
                    follow_redirects=False)
    assert r.status_code == 303 and "Reden blokkerend" not in bestand.read_text(encoding="utf-8")
    assert "Reden voorwaarde" in bestand.read_text(encoding="utf-8") and bestand.read_bytes() != met_twee
    assert _advieswoord(client.get(url).text) != "niet aangaan"
    client.post(f"{url}/afwegingen/1/verwijderen", data=_afwegingsformulier(client, url, criterium=anders))
    assert bestand.read_bytes() == voor, "zonder afwegingen is het bestand weer precies zoals het was"
    pagina = client.get(url).text
    assert _advieswoord(pagina) == "aangaan" and "Ambtelijke afweging" not in pagina


def test_een_afweging_op_een_bestand_dat_intussen_veranderde_wordt_niet_opgeslagen(client, werkmap):
    bestand = werkmap / "economische-samenwerking-mra.yaml"
    url = "/casussen/economische-samenwerking-mra"
    code, _ = _criterium_met_bevinding(client.get(url).text)
    formulier = _afwegingsformulier(client, url, criterium=code, effect="blokkerend", reden="Eerder geopend.")
    bestand.write_bytes(bestand.read_bytes() + b"# intussen door een collega aangevuld\n")
    intussen = bestand.read_bytes()
    r = client.post(f"{url}/afwegingen", data=formulier)
    assert r.status_code == 409 and "veranderd sinds u het opende" in r.text and "Eerder geopend." in r.text
    verwijderen = client.post(f"{url}/afwegingen/1/verwijderen", data={**formulier, "criterium": code})
    assert verwijderen.status_code == 409 and bestand.read_bytes() == intussen
    zonder_csrf = client.post(f"{url}/afwegingen", data={**formulier, "csrf": "verzonnen"})
    assert zonder_csrf.status_code == 400 and "formulier is verlopen" in zonder_csrf.text
    assert bestand.read_bytes() == intussen


# --- wat-als, varianten, vergelijken, collegevoorstel -------------------------------------------

def test_wat_als_rekent_door_zonder_de_casus_te_veranderen(client, werkmap):
    bestand = werkmap / "ict-samenwerking-lopend.yaml"
    voor = bestand.read_bytes()
    url = "/casussen/ict-samenwerking-lopend/wat-als"
    formulier = _watalsformulier(client, url)
    formulier.update({"onderbouwing.businesscase": "aanwezig", "evaluatie.herstelperspectief": "ja",
                      "actie": "rekenen"})
    r = client.post(url, data=formulier)
    assert r.status_code == 200 and "Advies met deze wijzigingen: voortzetten onder voorwaarden" in r.text
    assert "Niet meer van toepassing" in r.text
    assert bestand.read_bytes() == voor


def test_een_variant_wordt_bewaard_vergeleken_en_werkt_in_de_cli(client, werkmap):
    url = "/casussen/ict-samenwerking-lopend/wat-als"
    formulier = _watalsformulier(client, url)
    formulier.update({"onderbouwing.businesscase": "aanwezig", "actie": "variant",
                      "variantnaam": "Met businesscase", "omschrijving": "Als er alsnog een businesscase komt."})
    r = client.post(url, data=formulier, follow_redirects=False)
    assert r.status_code == 303
    variant_id = r.headers["location"].split("variant=")[1]
    pad = werkmap / "varianten" / f"{variant_id}.yaml"
    variant = lees_variant(pad)
    assert variant.naam == "Met businesscase" and variant.wijzigingen == {"onderbouwing": {"businesscase": "aanwezig"}}
    vergelijking = client.get(r.headers["location"])
    assert "Met businesscase" in vergelijking.text and "Bevindingen die verschillen" in vergelijking.text
    uit = CliRunner().invoke(cli, ["beoordeel", str(werkmap / "ict-samenwerking-lopend.yaml"), "--variant", str(pad)])
    assert uit.exit_code == 0, uit.output


def test_kopieren_als_variant_opent_wat_als_met_de_naam_en_bewaart_de_variant(client, werkmap):
    advies = client.get("/casussen/ict-samenwerking-lopend").text
    assert 'action="/casussen/ict-samenwerking-lopend/wat-als"' in advies and "Kopiëren als variant" in advies
    url = "/casussen/ict-samenwerking-lopend/wat-als?variantnaam=Zonder+Heiloo"
    pagina = client.get(url).text
    assert "U maakt een variant van deze casus: <strong>Zonder Heiloo</strong>" in pagina
    formulier = _watalsformulier(client, url)
    assert formulier["variantnaam"] == "Zonder Heiloo"
    formulier.update({"onderbouwing.businesscase": "aanwezig", "actie": "variant"})
    r = client.post("/casussen/ict-samenwerking-lopend/wat-als", data=formulier, follow_redirects=False)
    assert r.status_code == 303 and "variant=ict-samenwerking-lopend--zonder-heiloo" in r.headers["location"]
    assert lees_variant(werkmap / "varianten" / "ict-samenwerking-lopend--zonder-heiloo.yaml").naam == "Zonder Heiloo"


def test_vergelijken_onder_ander_beleid(client):
    r = client.get("/casussen/digitale-dienstverlening-voorstel/vergelijk",
                   params={"pakket": "alkmaar-streng 1.6.0-streng"})
    assert r.status_code == 200 and "alkmaar-streng 1.6.0-streng" in r.text and "Het advies naast elkaar" in r.text
    assert "Voorbeeld van een beleidsvariant" in r.text, "elk pakket zegt in gewone woorden wat voor beleid het is"


def test_het_collegevoorstel_is_te_downloaden_als_word_html_en_markdown(client):
    word = client.get("/casussen/omgevingsdienst-lopend/collegevoorstel.docx")
    assert word.status_code == 200 and "attachment" in word.headers["content-disposition"]
    document = Document(io.BytesIO(word.content))
    assert document.paragraphs[0].text == "Collegevoorstel: Omgevingsdienst Noord-Holland Noord"
    assert "<h2>Beslispunten</h2>" in client.get("/casussen/omgevingsdienst-lopend/collegevoorstel.html").text
    assert "## Beslispunten" in client.get("/casussen/omgevingsdienst-lopend/collegevoorstel.md").text
    assert client.get("/casussen/omgevingsdienst-lopend/collegevoorstel.pdf").status_code == 404


def test_wat_moet_er_veranderen_toont_voorstellen(client):
    r = client.get("/casussen/ambtelijke-bedrijfsvoering-zonder-businesscase/wat-moet-er-veranderen")
    assert r.status_code == 200 and "Laat een businesscase" in r.text


def _watalsformulier(client: TestClient, url: str) -> dict:
    """Het wat-als-formulier zoals de browser het zou versturen: elk veld met zijn huidige waarde."""
    pagina = client.get(url).text
    data: dict = {"csrf": re.search(r'name="csrf" value="([^"]+)"', pagina).group(1)}
    for select in re.finditer(r'<select id="[^"]+" name="([^"]+)".*?</select>', pagina, flags=re.S):
        gekozen = re.search(r'<option value="([^"]*)" selected>', select.group(0))
        data[select.group(1)] = gekozen.group(1) if gekozen else ""
    for naam, waarde in re.findall(r'<input id="[^"]+" name="([^"]+)" type="text" value="([^"]*)"', pagina):
        data[naam] = html.unescape(waarde)
    for naam, waarde in re.findall(r'<textarea id="[^"]+" name="([^"]+)"[^>]*>([^<]*)</textarea>', pagina):
        data[naam] = html.unescape(waarde)
    for naam, waarde in re.findall(r'<input type="checkbox" id="[^"]+" name="([^"]+)" value="([^"]+)" checked>',
                                   pagina):
        data.setdefault(naam, [])
        if isinstance(data[naam], list):
            data[naam].append(waarde)
    return data


# --- API ----------------------------------------------------------------------------------------

def test_het_advies_uit_de_api_is_gelijk_aan_de_json_van_de_cli(client):
    api = client.get("/api/v1/adviezen/regionale-inkoop-jeugdzorg")
    cli_json = CliRunner().invoke(cli, ["beoordeel", str(CASES / "regionale-inkoop-jeugdzorg.yaml"), "--formaat",
                                        "json"]).output
    assert api.status_code == 200 and api.headers["API-Version"] == "1.1.0"
    assert api.json() == json.loads(cli_json)


def test_de_api_beoordeelt_een_casus_uit_het_verzoek_en_meldt_fouten_als_problem_json(client):
    goed = client.post("/api/v1/adviezen", json={"naam": "Test", "fase": "voorstel"})
    assert goed.status_code == 200 and goed.json()["formaat"] == "samenwerkingstoets/advies/1"
    fout = client.post("/api/v1/adviezen", json={"naam": "Test", "fase": "lopnd"})
    assert fout.status_code == 400 and fout.headers["content-type"] == "application/problem+json"
    assert fout.json()["invalid-params"][0]["name"] == "fase" and "Bedoelde u 'lopend'" in fout.json()[
        "invalid-params"][0]["reason"]
    geen_json = client.post("/api/v1/adviezen", content=b"{kapot", headers={"content-type": "application/json"})
    assert geen_json.status_code == 400 and "geen geldige JSON" in geen_json.json()["detail"]


def test_de_api_volgt_de_nederlandse_api_regels(client):
    assert client.get("/api/v1/openapi.json").json()["info"]["version"] == "1.1.0"
    lijst = client.get("/api/v1/casussen")
    assert lijst.status_code == 200 and {c["id"] for c in lijst.json()} >= {"omgevingsdienst-lopend"}
    assert client.get("/api/v1/casussen/", follow_redirects=False).status_code == 404  # geen omleiding
    onbekend = client.get("/api/v1/casussen/bestaat-niet")
    assert onbekend.status_code == 404 and onbekend.headers["content-type"] == "application/problem+json"
    assert "API-Version" in onbekend.headers


# --- beveiliging ----------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["/casussen/..%2F..%2Fetc%2Fpasswd", "/casussen/%2Fetc%2Fpasswd",
                                 "/casussen/.%2E", "/casussen/omgevingsdienst-lopend%00", "/api/v1/casussen/..%2Fx",
                                 "/casussen/omgevingsdienst-lopend/vergelijk?variant=..%2F..%2Fgeheim",
                                 "/casussen/naar-buiten"])
def test_geen_pad_verlaat_de_werkmap(client, werkmap, tmp_path, url):
    geheim = tmp_path / "geheim.yaml"
    geheim.write_text("naam: Geheim\nfase: voorstel\n", encoding="utf-8")
    os.symlink(geheim, werkmap / "naar-buiten.yaml")
    r = client.get(url)
    assert r.status_code in (400, 404) and "Geheim" not in r.text
    assert "naar-buiten" not in client.get("/").text


def test_een_formulier_zonder_geldige_csrf_sleutel_wordt_geweigerd(client, werkmap):
    client.get("/")
    for sleutel in ("", "verzonnen"):
        r = client.post("/casussen/nieuw", data={"csrf": sleutel, "naam": "Aanval", "fase": "voorstel"})
        assert r.status_code == 400 and "formulier is verlopen" in r.text
    assert not (werkmap / "aanval.yaml").exists()


def test_te_grote_verzoeken_worden_geweigerd_ook_in_stukken(client, werkmap):
    r = client.post("/api/v1/adviezen", content=b"{" + b" " * 1_100_000 + b"}",
                    headers={"content-type": "application/json"})
    assert r.status_code == 413
    csrf(client)
    stukken = (b"naam=" + b"x" * 65_536 for _ in range(40))  # zonder lengte vooraf (chunked)
    r = client.post("/casussen/nieuw", content=stukken, headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413 and "Traceback" not in r.text


def test_elke_pagina_heeft_beveiligingskoppen_en_tekst_wordt_geescaped(client, werkmap):
    (werkmap / "aanval.yaml").write_text('naam: "<script>alert(1)</script>"\nfase: voorstel\n', encoding="utf-8")
    r = client.get("/")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text and "<script>alert" not in r.text
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/casussen/aanval").status_code == 200


def test_een_vreemde_host_wordt_geweigerd(client):
    assert client.get("/", headers={"host": "aanvaller.example"}).status_code == 400


def test_niet_lokaal_luisteren_zonder_sleutel_start_niet(werkmap):
    r = CliRunner().invoke(cli, ["web", "--map", str(werkmap), "--adres", "0.0.0.0"], env={
        "SAMENWERKINGSTOETS_TOKEN": ""})
    assert r.exit_code == 2 and "toegangssleutel" in r.output


def test_met_een_sleutel_moet_elke_pagina_en_aanroep_hem_kennen(werkmap):
    sleutel = "een-lange-geheime-sleutel-1234"
    client = TestClient(maak_app(werkmap, token=sleutel, lokaal=False), base_url=BASIS)
    assert client.get("/", follow_redirects=False).headers["location"].startswith("/inloggen")
    api = client.get("/api/v1/casussen")
    assert api.status_code == 401 and api.headers["content-type"] == "application/problem+json"
    assert client.get("/api/v1/casussen", headers={"Authorization": f"Bearer {sleutel}"}).status_code == 200
    formulier = re.search(r'name="csrf" value="([^"]+)"', client.get("/inloggen").text).group(1)
    fout = client.post("/inloggen", data={"csrf": formulier, "sleutel": "fout", "volgende": "/"})
    assert fout.status_code == 401 and "klopt niet" in fout.text
    goed = client.post("/inloggen", data={"csrf": formulier, "sleutel": sleutel, "volgende": "//elders.example"},
                       follow_redirects=False)
    assert goed.status_code == 303 and goed.headers["location"] == "/"
    assert client.get("/").status_code == 200


def test_een_werkmap_met_een_kapot_bestand_blijft_werken(client, werkmap):
    (werkmap / "kapot.yaml").write_text("naam: [\n", encoding="utf-8")
    r = client.get("/")
    assert r.status_code == 200 and "bestand klopt niet" in r.text
    fout = client.get("/casussen/kapot")
    assert fout.status_code == 400 and "Traceback" not in fout.text


def test_een_upload_van_een_bestand_wordt_niet_aangenomen(client):
    r = client.post("/casussen/nieuw", files={"naam": ("a.txt", b"x" * 10)}, data={"csrf": csrf(client)})
    assert r.status_code == 400





def test_de_controlepagina_vraagt_niet_naar_de_uitkomst_van_een_businesscase_die_er_niet_is(client, werkmap):
    bestand = werkmap / "ambtelijke-bedrijfsvoering-zonder-businesscase.yaml"
    assert "businesscase: ontbreekt" in bestand.read_text(encoding="utf-8")
    for pad in ("/casussen/ambtelijke-bedrijfsvoering-zonder-businesscase",
                "/casussen/ambtelijke-bedrijfsvoering-zonder-businesscase/controle"):
        r = client.get(pad)
        assert r.status_code == 200 and "uitkomst van de businesscase" not in r.text.lower(), pad
    r = client.get("/casussen/regionale-inkoop-jeugdzorg/controle")  # met een businesscase staat de vraag er wel
    assert "uitkomst van de businesscase" in r.text.lower()


def test_de_api_weigert_een_veld_dat_twee_keer_staat_zoals_een_casusbestand(client):
    r = client.post("/api/v1/adviezen", content='{"naam": "A", "fase": "voorstel", "fase": "lopend"}'.encode(),
                    headers={"content-type": "application/json"})
    assert r.status_code == 400 and "'fase' staat twee keer" in r.json()["detail"]
    r = client.post("/api/v1/adviezen", content=b'{"naam": "A", "fase": "voorstel", "opgave": {"complex": "ja", '
                                                 b'"complex": "nee"}}', headers={"content-type": "application/json"})
    assert r.status_code == 400 and "'complex' staat twee keer" in r.json()["detail"]


@pytest.fixture
def lekkende_werkmap(werkmap, tmp_path) -> Path:
    """Een werkmap met snelkoppelingen naar een geheim buiten de map: als casus, als variant, als submap en als
    hele map 'varianten'. Geen enkele pagina of download mag iets van dat geheim tonen."""
    buiten = tmp_path / "buiten"
    buiten.mkdir()
    geheim = buiten / "geheim.txt"
    geheim.write_text("root:GEHEIM-WACHTWOORD:19000:0:99999:7:::\n", encoding="utf-8")
    (buiten / "regionale-inkoop-jeugdzorg--geheim.yaml").write_text("naam: GEHEIM\nroot: x\n", encoding="utf-8")
    (werkmap / "lek.yaml").symlink_to(geheim)
    (werkmap / "archief").symlink_to(buiten)
    (werkmap / "varianten").symlink_to(buiten)
    return werkmap


@pytest.mark.parametrize("pad", [
    "/", "/?q=geheim", "/overzicht", "/overzicht.xlsx", "/overzicht.docx", "/api/v1/casussen",
    "/casussen/lek", "/casussen/lek/controle", "/casussen/lek/stappen/basis", "/casussen/lek/wat-als",
    "/casussen/lek/vergelijk", "/casussen/lek/grafiek.png", "/casussen/lek/wat-moet-er-veranderen",
    "/casussen/lek/collegevoorstel.docx", "/casussen/lek/collegevoorstel.md", "/api/v1/casussen/lek",
    "/api/v1/adviezen/lek", "/casussen/regionale-inkoop-jeugdzorg/vergelijk",
    "/casussen/regionale-inkoop-jeugdzorg/vergelijk?variant=regionale-inkoop-jeugdzorg--geheim",
])
def test_geen_pagina_of_download_volgt_een_snelkoppeling_naar_buiten_de_werkmap(lekkende_werkmap, pad):
    import io
    import zipfile

    client = TestClient(maak_app(lekkende_werkmap), base_url=BASIS)
    r = client.get(pad)
    assert r.status_code in (200, 404), (pad, r.status_code)
    inhoud = r.content
    if inhoud[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(r.content)) as archief:
            inhoud = b"".join(archief.read(n) for n in archief.namelist())
    assert b"GEHEIM" not in inhoud and b"19000:0:99999" not in inhoud, pad
    if "/lek" in pad:
        assert r.status_code == 404, pad


def test_een_snelkoppeling_in_de_werkmap_wordt_in_het_overzicht_alleen_bij_naam_gemeld(lekkende_werkmap):
    pagina = TestClient(maak_app(lekkende_werkmap), base_url=BASIS).get("/overzicht").text
    assert "&#39;lek.yaml&#39; is een snelkoppeling" in pagina and "GEHEIM" not in pagina


def test_een_tijdelijk_bestand_van_een_afgebroken_opslag_wordt_bij_de_start_opgeruimd(tmp_path):
    import os
    import time

    from samenwerkingstoets.web.werkmap import Werkmap

    oud = tmp_path / ".regionale-inkoop-jeugdzorg.yaml.abc123.tmp"
    nieuw = tmp_path / ".regionale-inkoop-jeugdzorg.yaml.def456.tmp"
    for p in (oud, nieuw):
        p.write_text("half geschreven", encoding="utf-8")
    os.utime(oud, (time.time() - 3600, time.time() - 3600))
    andere = tmp_path / ".verborgen-notitie.txt"
    andere.write_text("van de gebruiker", encoding="utf-8")
    Werkmap(tmp_path)
    assert not oud.exists() and nieuw.exists() and andere.exists()


def test_de_intake_vraagt_niet_naar_afwegingen_die_horen_op_de_adviespagina(client):
    for pad in ("/casussen/regionale-inkoop-jeugdzorg/stappen/basis", "/casussen/regionale-inkoop-jeugdzorg/controle"):
        r = client.get(pad)
        assert r.status_code == 200 and 'name="afwegingen"' not in r.text and "anders weegt dan het regelpakket" \
            not in r.text, pad


def test_een_stap_van_de_intake_opslaan_laat_de_afwegingen_in_het_bestand_staan(client, werkmap):
    bestand = werkmap / "regionale-woonagenda-nhn.yaml"
    bestand.write_text(bestand.read_text(encoding="utf-8") + "afwegingen:\n  - criterium: TE-1\n    effect: sterkte\n"
                       "    reden: Omdat het zo besloten is.\n", encoding="utf-8")
    url = "/casussen/regionale-woonagenda-nhn/stappen/basis"
    r = client.post(url, data={"csrf": csrf(client, url), "versie": versie(client, url), "actie": "verder",
                               "naam": "Regionale woonagenda Noord-Holland Noord", "fase": "voorstel"})
    assert r.status_code in (200, 303), r.text[:300]
    assert "reden: Omdat het zo besloten is." in bestand.read_text(encoding="utf-8")


@pytest.mark.parametrize("naam", ["Off", "Yes", "12:30", "0x1F", "~", "null", "1e3", "NO"])
def test_een_casus_met_een_naam_die_yaml_anders_leest_wordt_bewaard_en_precies_zo_teruggelezen(client, werkmap,
                                                                                               naam):
    """De app schrijft met ruamel.yaml (YAML 1.2) en leest met de lader van het programma (YAML 1.1): zonder
    aanhalingstekens zou 'Off' een ja/nee-waarde worden en '12:30' een getal. (Een naam heeft een letter of cijfer
    nodig; '~' staat daarom alleen in het perspectief.)"""
    tekst, naam = naam, naam if any(t.isalnum() for t in naam) else "Tilde"
    r = client.post("/casussen/nieuw", data={"csrf": csrf(client), "naam": naam, "fase": "voorstel"},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    id_ = r.headers["location"].split("/")[2]
    url = f"/casussen/{id_}/stappen/basis"
    r = client.post(url, data={"csrf": csrf(client, url), "versie": versie(client, url), "actie": "verder",
                               "naam": naam, "fase": "voorstel", "perspectief": tekst}, follow_redirects=False)
    assert r.status_code == 303, r.text
    casus = lees_casus(werkmap / f"{id_}.yaml")
    assert casus.naam == naam and casus.perspectief == tekst
