# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De webapplicatie voor een team: kleine fouten die een adviseur merkt, en casussen beheren."""

from __future__ import annotations

import asyncio
import logging
import shutil

import pytest

from samenwerkingstoets.web.app import maak_app

from conftest import CASES

BASIS = "http://127.0.0.1"


# een kleine werkmap: een voorstel en een lopende samenwerking (zie conftest, fixture werkmap)
WERKMAP_CASUSSEN = ["regionale-inkoop-jeugdzorg", "omgevingsdienst-lopend"]


def test_het_html_collegevoorstel_opent_in_de_browser_met_alleen_zijn_eigen_opmaak(client):
    r = client.get("/casussen/regionale-inkoop-jeugdzorg/collegevoorstel.html")
    assert r.status_code == 200 and r.headers["content-disposition"].startswith("inline;")
    assert "img-src data:" in r.headers["content-security-policy"] and "script-src" not in r.headers[
        "content-security-policy"]
    word = client.get("/casussen/regionale-inkoop-jeugdzorg/collegevoorstel.docx")
    assert word.headers["content-disposition"].startswith("attachment;")


def test_een_browser_die_weggaat_tijdens_het_opslaan_geeft_een_regel_in_het_logboek_en_geen_traceback(
        werkmap, caplog):
    app = maak_app(werkmap)
    scope = {"type": "http", "method": "POST", "path": "/casussen/nieuw", "raw_path": b"/casussen/nieuw",
             "query_string": b"", "root_path": "", "scheme": "http", "http_version": "1.1",
             "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000),
             "headers": [(b"host", b"127.0.0.1"), (b"content-type", b"application/x-www-form-urlencoded"),
                         (b"content-length", b"500")]}
    berichten = [{"type": "http.request", "body": b"naam=Half", "more_body": True}]

    async def ontvang():
        return berichten.pop(0) if berichten else {"type": "http.disconnect"}

    verstuurd = []

    async def stuur(bericht):
        verstuurd.append(bericht)

    with caplog.at_level(logging.INFO):
        asyncio.run(app(scope, ontvang, stuur))
    regels = [r for r in caplog.records if "verbinding verbroken" in r.getMessage()]
    assert len(regels) == 1 and "POST /casussen/nieuw" in regels[0].getMessage()
    assert "Traceback" not in caplog.text and not any(r.exc_info for r in caplog.records)
    assert list((werkmap).glob("*.yaml")) and not (werkmap / "half.yaml").exists()


def _csrf(client, url="/casussen/nieuw") -> str:
    import re
    return re.search(r'name="csrf" value="([^"]+)"', client.get(url).text).group(1)


def _versie(client, id_) -> str:
    import re
    return re.search(r'name="versie" value="([^"]+)"', client.get(f"/casussen/{id_}").text).group(1)


def test_een_casus_kopieren_geeft_een_nieuwe_casus_met_eigen_naam_en_de_bron_in_de_geschiedenis(client, werkmap):
    r = client.post("/casussen/regionale-inkoop-jeugdzorg/kopieren",
                    data={"csrf": _csrf(client), "naam": "Inkoop jeugdzorg 2028"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/casussen/inkoop-jeugdzorg-2028?melding=gekopieerd"
    assert "De kopie is gemaakt" in client.get(r.headers["location"]).text
    assert "naam: Inkoop jeugdzorg 2028" in (werkmap / "inkoop-jeugdzorg-2028.yaml").read_text(encoding="utf-8")
    assert (werkmap / "regionale-inkoop-jeugdzorg.yaml").exists()
    dubbel = client.post("/casussen/regionale-inkoop-jeugdzorg/kopieren",
                         data={"csrf": _csrf(client), "naam": "inkoop JEUGDZORG 2028"})
    assert dubbel.status_code == 400 and "Er is al een casus met de naam" in dubbel.text


def test_hernoemen_verandert_naam_en_bestandsnaam_en_de_geschiedenis_loopt_door(client, werkmap):
    r = client.post("/casussen/omgevingsdienst-lopend/hernoemen",
                    data={"csrf": _csrf(client), "naam": "Omgevingsdienst NHN",
                          "versie": _versie(client, "omgevingsdienst-lopend")}, follow_redirects=False)
    assert r.headers["location"] == "/casussen/omgevingsdienst-nhn?melding=hernoemd"
    assert not (werkmap / "omgevingsdienst-lopend.yaml").exists()
    assert "naam: Omgevingsdienst NHN" in (werkmap / "omgevingsdienst-nhn.yaml").read_text(encoding="utf-8")
    assert "# Voorbeeld van een wettelijk verplichte" in (werkmap / "omgevingsdienst-nhn.yaml").read_text(
        encoding="utf-8"), "opmerkingen in het bestand blijven staan"
    assert [o["velden"] for o in client.get("/api/v1/casussen/omgevingsdienst-nhn/geschiedenis").json()] == [["naam"]]
    oud = client.get("/casussen/omgevingsdienst-lopend/wat-als", follow_redirects=False)
    assert oud.status_code == 307 and oud.headers["location"] == "/casussen/omgevingsdienst-nhn/wat-als", \
        "een oude link of bladwijzer leidt naar de nieuwe naam"
    assert client.get("/casussen/bestond-nooit", follow_redirects=False).status_code == 404


def test_verwijderen_vraagt_bevestiging_en_zet_de_casus_in_de_prullenbak(client, werkmap):
    vraag = client.get("/casussen/regionale-inkoop-jeugdzorg/verwijderen")
    assert vraag.status_code == 200 and "Ja, verwijder" in vraag.text
    versie = _versie(client, "regionale-inkoop-jeugdzorg")
    zonder = client.post("/casussen/regionale-inkoop-jeugdzorg/verwijderen",
                         data={"csrf": _csrf(client), "versie": versie}, follow_redirects=False)
    assert zonder.status_code == 303 and (werkmap / "regionale-inkoop-jeugdzorg.yaml").exists()
    r = client.post("/casussen/regionale-inkoop-jeugdzorg/verwijderen",
                    data={"csrf": _csrf(client), "versie": versie, "bevestig": "ja"}, follow_redirects=False)
    assert r.status_code == 303 and not (werkmap / "regionale-inkoop-jeugdzorg.yaml").exists()
    bak = list((werkmap / ".prullenbak").glob("regionale-inkoop-jeugdzorg-*.yaml"))
    assert len(bak) == 1 and "Regionale inkoop jeugdzorg" in bak[0].read_text(encoding="utf-8")
    assert "regionale-inkoop-jeugdzorg" not in {c["id"] for c in client.get("/api/v1/casussen").json()}
    assert "prullenbak" in client.get(r.headers["location"]).text
    from dulwich.repo import Repo
    laatste = next(iter(Repo(str(werkmap)).get_walker())).commit.message.decode()
    assert laatste.startswith("Verwijderd: Regionale inkoop jeugdzorg en Wmo (naar de prullenbak)")


def test_een_verwijderde_casus_zet_u_terug_vanuit_de_werkmap_of_de_prullenbak(client, werkmap):
    import re
    r = client.post("/casussen/omgevingsdienst-lopend/verwijderen",
                    data={"csrf": _csrf(client), "versie": _versie(client, "omgevingsdienst-lopend"),
                          "bevestig": "ja"})
    assert "Ongedaan maken: zet de casus terug" in r.text, "na het verwijderen: meteen terug te zetten"
    bak = client.get("/prullenbak").text
    assert "Omgevingsdienst" in bak and "Terugzetten" in bak
    bestand = re.search(r'name="bestand" value="([^"]+)"', bak).group(1)
    terug = client.post("/prullenbak/terugzetten", data={"csrf": _csrf(client), "bestand": bestand},
                        follow_redirects=False)
    assert terug.headers["location"] == "/casussen/omgevingsdienst-lopend?melding=teruggezet"
    assert (werkmap / "omgevingsdienst-lopend.yaml").exists()
    assert "De prullenbak is leeg" in client.get("/prullenbak").text
    geschiedenis = client.get("/api/v1/casussen/omgevingsdienst-lopend/geschiedenis").json()
    assert geschiedenis, "het terugzetten staat in de geschiedenis"
    from dulwich.repo import Repo
    laatste = next(iter(Repo(str(werkmap)).get_walker())).commit.message.decode()
    assert laatste.startswith("Teruggezet: Omgevingsdienst Noord-Holland Noord (uit de prullenbak)")
    for kwaad in ("../omgevingsdienst-lopend.yaml", "bestaat-niet-20260101-000000.yaml", ""):
        fout = client.post("/prullenbak/terugzetten", data={"csrf": _csrf(client), "bestand": kwaad})
        assert fout.status_code == 404 and "niet (meer) in de prullenbak" in fout.text


def test_beheren_zonder_csrf_wordt_geweigerd(client, werkmap):
    r = client.post("/casussen/regionale-inkoop-jeugdzorg/verwijderen", data={"bevestig": "ja", "versie": "x"})
    assert r.status_code in (400, 403) and (werkmap / "regionale-inkoop-jeugdzorg.yaml").exists()


def test_de_intake_vult_het_perspectief_in_telt_de_stappen_goed_en_slaat_stappen_van_lopend_over(client):
    nieuw = client.get("/casussen/nieuw").text
    assert 'name="perspectief" type="text" value="Alkmaar"' in nieuw, "de gemeente van het pakket"
    stap = client.get("/casussen/regionale-inkoop-jeugdzorg/stappen/opgave").text
    import re
    aantal = len(re.findall(r'<li>(?:<span aria-current|<button type="submit" name="naar")', stap))
    assert f"van {aantal}" in stap, "'Stap x van n' telt dezelfde stappen als de lijst (met de controle)"
    for sleutel in ("verbonden_partij", "uittreding", "evaluatie"):
        assert f'value="{sleutel}"' not in stap, f"een voorstel heeft geen stap {sleutel}"
    assert 'value="verbonden_partij"' in client.get("/casussen/omgevingsdienst-lopend/stappen/opgave").text


def test_een_nieuwe_casus_krijgt_de_velden_in_de_volgorde_van_het_casusformaat(client, werkmap):
    r = client.post("/casussen/nieuw", data={"csrf": _csrf(client), "naam": "Volgorde", "fase": "voorstel"},
                    follow_redirects=False)
    id_ = r.headers["location"].split("/")[2]
    url = f"/casussen/{id_}/stappen/opgave"
    import re
    versie = re.search(r'name="versie" value="([^"]+)"', client.get(url).text).group(1)
    client.post(url, data={"csrf": _csrf(client, url), "versie": versie, "actie": "verder",
                           "opgave.omschrijving": "Iets oplossen"})
    sleutels = [r.split(":")[0] for r in (werkmap / f"{id_}.yaml").read_text(encoding="utf-8").splitlines()
                if r and not r.startswith((" ", "#"))]
    assert sleutels.index("naam") < sleutels.index("fase") < sleutels.index("opgave")


def test_een_half_ingevulde_stelling_wordt_als_concept_bewaard_met_een_vraag_in_gewone_woorden(client, werkmap):
    import re
    url = "/casussen/omgevingsdienst-lopend/stappen/succesfactoren"
    pagina = client.get(url).text
    versie = re.search(r'name="versie" value="([^"]+)"', pagina).group(1)
    r = client.post(url, data={"csrf": _csrf(client, url), "versie": versie, "actie": "verder",
                               "succesfactoren.identiteit.a": "4", "succesfactoren.identiteit.b": ""},
                    follow_redirects=False)
    assert r.status_code == 303, "de stap wordt niet geweigerd"
    assert r.headers["location"] == url + "?concept=1", "eerst zeggen wat er open staat, op dezelfde stap"
    bestand = (werkmap / "omgevingsdienst-lopend.yaml").read_text(encoding="utf-8")
    assert "identiteit: [4, onbekend]" in bestand or "- onbekend" in bestand
    tekst = client.get(r.headers["location"]).text.replace("&#39;", "'")
    assert "Opgeslagen, met een stelling die nog open staat" in tekst
    assert "is alleen stelling a ingevuld. Die is bewaard; vul stelling b in" in tekst
    assert "[3, 4]" not in tekst and "verwacht precies 2" not in tekst
    assert re.search(r'id="veld-succesfactoren-identiteit-a"[^>]*>.*?<option value="4" selected', tekst, re.S)
    # nog eens 'verder' zonder iets te veranderen: dan gewoon door naar de volgende stap
    versie = re.search(r'name="versie" value="([^"]+)"', tekst).group(1)
    r = client.post(url, data={"csrf": _csrf(client, url), "versie": versie, "actie": "verder",
                               "succesfactoren.identiteit.a": "4", "succesfactoren.identiteit.b": ""},
                    follow_redirects=False)
    assert r.status_code == 303 and "concept" not in r.headers["location"]
    werkmap_pagina = client.get("/").text
    assert "onvolledig" in werkmap_pagina.lower()


def test_de_regelspagina_heeft_een_inhoud_per_groep_een_zoekvak_en_geen_ruwe_plaatshouders(client):
    pagina = client.get("/regels").text
    assert 'aria-label="Criteria per groep"' in pagina and 'href="#c-VIS-OL1"' in pagina
    assert "{succesfactoren" not in pagina and "{perspectief}" not in pagina
    assert "[de partner(s) met de laagste score" in pagina.replace("&#39;", "'")
    gezocht = client.get("/regels", params={"q": "businesscase"}).text
    assert gezocht.count("<section") < pagina.count("<section") and "businesscase" in gezocht.lower()


def test_probeer_het_uit_vult_wat_als_met_de_voorgestelde_wijziging_en_rekent_haar_door(client, werkmap):
    import re
    id_ = "ambtelijke-bedrijfsvoering-zonder-businesscase"
    shutil.copy(CASES / f"{id_}.yaml", werkmap / f"{id_}.yaml")
    veranderen = client.get(f"/casussen/{id_}/wat-moet-er-veranderen").text
    links = re.findall(rf'href="(/casussen/{id_}/wat-als\?zet=[^"]+)"', veranderen)
    assert links, "elk voorstel linkt naar Wat als met zijn wijziging"
    pagina = client.get(links[0].replace("&amp;", "&")).text
    assert "Advies met deze wijzigingen" in pagina and "(gewijzigd)" in pagina
    fout = client.get("/casussen/omgevingsdienst-lopend/wat-als", params={"zet": "bestaat.niet=ja"})
    assert fout.status_code == 400 and "bestaat niet in het casusformaat" in fout.text


def test_de_adviespagina_noemt_een_samenwerking_met_grotendeels_dezelfde_partners_op_hetzelfde_thema(client, werkmap):
    tekst = (werkmap / "regionale-inkoop-jeugdzorg.yaml").read_text(encoding="utf-8")
    (werkmap / "jeugdzorg-tweede.yaml").write_text(tekst.replace("naam: Regionale inkoop jeugdzorg en Wmo",
                                                                 "naam: Tweede inkoop jeugdzorg", 1), encoding="utf-8")
    pagina = client.get("/casussen/regionale-inkoop-jeugdzorg").text
    assert "Overlap met andere samenwerkingen" in pagina and 'href="/casussen/jeugdzorg-tweede"' in pagina
    assert "100% dezelfde partners" in pagina
    assert "Overlap met andere samenwerkingen" not in client.get("/casussen/omgevingsdienst-lopend").text


def test_partners_toevoegen_en_verwijderen_in_de_intake(client, werkmap):
    import re
    url = "/casussen/regionale-inkoop-jeugdzorg/stappen/partners"
    pagina = client.get(url).text
    assert "Opslaan en partner toevoegen" in pagina
    velden = dict(re.findall(r'name="(partners\.\d+\.naam)" type="text" maxlength="200" value="([^"]*)"', pagina))
    aantal = sum(1 for w in velden.values() if w)
    versie = re.search(r'name="versie" value="([^"]+)"', pagina).group(1)
    data = {"csrf": _csrf(client, url), "versie": versie, "actie": "partner", **velden,
            f"partners.{aantal}.naam": "Heiloo", "partners.0.weg": "ja"}
    r = client.post(url, data=data, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith(url)
    bestand = (werkmap / "regionale-inkoop-jeugdzorg.yaml").read_text(encoding="utf-8")
    assert "naam: Heiloo" in bestand and f"naam: {velden['partners.0.naam']}" not in bestand
    nieuw = client.get(url).text
    assert len(re.findall(r'name="partners\.\d+\.naam"', nieuw)) == aantal + 2, "weer twee lege rijen erbij"


def test_de_webapplicatie_heeft_een_routermodule_per_gebied_en_geen_privenamen_over_modulegrenzen():
    import ast
    import re

    from conftest import ROOT

    routers = ROOT / "web" / "routers"
    assert {p.stem for p in routers.glob("*.py")} >= {"werkmap", "intake", "advies", "watals", "overzicht", "regels",
                                                      "api"}
    modules = {"formulier", "d", "diensten", "werkmap", "geschiedenis", "beveiliging", "weergave", "laden", "casus"}
    for pad in [*(ROOT / "web").glob("*.py"), *routers.glob("*.py")]:
        tekst = pad.read_text(encoding="utf-8")
        for knoop in ast.walk(ast.parse(tekst)):
            if isinstance(knoop, ast.Attribute) and isinstance(knoop.value, ast.Name) and \
                    knoop.value.id in modules and re.match(r"_[a-z]", knoop.attr):
                raise AssertionError(f"{pad.name}: {knoop.value.id}.{knoop.attr} is een privénaam van een andere module")
        for knoop in ast.walk(ast.parse(tekst)):
            if isinstance(knoop, ast.ImportFrom):
                prive = [a.name for a in knoop.names if re.match(r"_[a-z]", a.name)]
                assert not prive, f"{pad.name} importeert privénamen {prive} uit {knoop.module}"
    assert len((ROOT / "web" / "app.py").read_text(encoding="utf-8").splitlines()) < 400, "app.py zet alleen op"


def test_de_intake_geeft_de_uitleg_van_het_pakket_bij_een_veld_en_een_verkeerd_veld_in_veldhulp_wordt_geweigerd(
        client, tmp_path):
    pagina = client.get("/casussen/regionale-inkoop-jeugdzorg/stappen/opgave").text.replace("&#39;", "'")
    assert "'Opgaven zijn leidend'" in pagina, "de uitleg uit pack.yaml (veldhulp), met de bron"
    from conftest import ROOT
    from samenwerkingstoets.engine.fouten import RegelpakketFout
    from samenwerkingstoets.engine.laden import lees_regelpakket

    map_ = tmp_path / "pakket"
    shutil.copytree(ROOT / "rules" / "alkmaar", map_)
    pack = map_ / "pack.yaml"
    pack.write_text(pack.read_text(encoding="utf-8").replace("  opgave.partners_gekozen_op: >-",
                                                             "  opgave.partners_gekozn_op: >-", 1), encoding="utf-8")
    with pytest.raises(RegelpakketFout) as fout:
        lees_regelpakket(map_)
    assert "veldhulp: veld 'opgave.partners_gekozn_op' bestaat niet" in str(fout.value.meldingen)


def test_opslaan_zonder_wijziging_laat_een_tekstblok_staan_zoals_het_stond(client, werkmap):
    import re
    (werkmap / "tekstblok.yaml").write_text(
        "naam: Tekstblok\nfase: voorstel\nomschrijving: >\n  Een toelichting over\n  twee regels.\n",
        encoding="utf-8")
    url = "/casussen/tekstblok/stappen/basis"
    pagina = client.get(url).text
    formulier = {"csrf": _csrf(client, url), "versie": re.search(r'name="versie" value="([^"]+)"', pagina).group(1),
                 "actie": "verder", "naam": "Tekstblok", "fase": "voorstel",
                 "omschrijving": "Een toelichting over twee regels."}
    assert client.post(url, data=formulier, follow_redirects=False).status_code == 303
    assert "omschrijving: >\n  Een toelichting over\n  twee regels.\n" in (werkmap / "tekstblok.yaml").read_text(
        encoding="utf-8"), "dezelfde tekst: het bestand blijft zoals de adviseur het schreef"
    assert all(v["velden"] == [] for v in client.get("/api/v1/casussen/tekstblok/geschiedenis").json()), \
        "en de geschiedenis noemt geen gewijzigd veld"


def test_de_werkmap_staat_op_naam_en_noemt_de_verwijderde_casus(client, werkmap):
    (werkmap / "zzz-eerst.yaml").write_text("naam: Aaa vooraan\nfase: voorstel\n", encoding="utf-8")
    pagina = client.get("/").text
    assert pagina.index("Aaa vooraan") < pagina.index("Omgevingsdienst")
    r = client.post("/casussen/zzz-eerst/verwijderen", data={"csrf": _csrf(client), "versie": _versie(
        client, "zzz-eerst"), "bevestig": "ja"})
    assert "De casus <strong>Aaa vooraan</strong> is verwijderd" in r.text

