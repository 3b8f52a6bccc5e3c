# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Een team adviseurs: wie veranderde wat, en is de intake af?

Elke opslag uit de webapplicatie is een commit in git in de werkmap, met wie, welke velden en het advies ervoor en
erna. Een casus die in de intake begon, is 'onvolledig' tot elke stap is opgeslagen en geen kernvraag meer open is;
zo lang toont de werkmap geen advies in kleur.
"""

from __future__ import annotations

import re

from dulwich import porcelain
from dulwich.repo import Repo



BASIS = "http://127.0.0.1"


# een kleine werkmap: een voorstel en een lopende samenwerking (zie conftest, fixture werkmap)
WERKMAP_CASUSSEN = ["regionale-inkoop-jeugdzorg", "omgevingsdienst-lopend"]


def _csrf(client, url="/casussen/nieuw") -> str:
    return re.search(r'name="csrf" value="([^"]+)"', client.get(url).text).group(1)


def _versie(client, url) -> str:
    return re.search(r'name="versie" value="([^"]+)"', client.get(url).text).group(1)


def _bewaar(client, id_, stap, **velden):
    url = f"/casussen/{id_}/stappen/{stap}"
    return client.post(url, data={"csrf": _csrf(client, url), "versie": _versie(client, url), "actie": "verder",
                                  **velden}, follow_redirects=False)


def test_een_opslag_staat_in_de_geschiedenis_met_wie_velden_en_het_advies_ervoor_en_erna(client, werkmap):
    assert not (werkmap / ".git").exists(), "de werkmap is nog geen repository"
    client.post("/naam", data={"csrf": _csrf(client), "naam": "Anna de Vries", "volgende": "/"})
    assert _bewaar(client, "regionale-inkoop-jeugdzorg", "onderbouwing", **{
        "onderbouwing.businesscase": "ontbreekt"}).status_code == 303
    assert (werkmap / ".git").is_dir(), "bij de eerste opslag wordt de werkmap een repository"
    geschiedenis = client.get("/api/v1/casussen/regionale-inkoop-jeugdzorg/geschiedenis").json()
    assert len(geschiedenis) == 1
    opslag = geschiedenis[0]
    assert opslag["wie"] == "Anna de Vries" and "onderbouwing.businesscase" in opslag["velden"]
    assert "op naam van <strong>Anna de Vries</strong>" in client.get(
        "/casussen/regionale-inkoop-jeugdzorg/geschiedenis").text, "de pagina bevestigt de naam"
    assert opslag["advies_voor"] == "aangaan" and opslag["advies_na"] != "aangaan"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)", opslag["wanneer"])


def test_de_geschiedenis_werkt_ook_buiten_de_toepassing_en_eigen_commits_blijven_staan(client, werkmap):
    porcelain.init(str(werkmap))
    porcelain.add(str(werkmap), [str(werkmap / "omgevingsdienst-lopend.yaml")])
    porcelain.commit(str(werkmap), message=b"Eigen versie van de beheerder",
                     author=b"Beheerder <beheer@gemeente.invalid>", committer=b"Beheerder <beheer@gemeente.invalid>")
    _bewaar(client, "omgevingsdienst-lopend", "sturing", **{"sturing.informatie_aan_raad": "nee"})
    log = [ingang.commit for ingang in Repo(str(werkmap)).get_walker()]
    assert [c.author.decode().split(" <")[0] for c in log] == ["onbekende adviseur", "Beheerder"]
    assert b"sturing.informatie_aan_raad" in log[0].message.split(b"Velden: ")[1] and b"Advies-na: " in log[0].message
    api = client.get("/api/v1/casussen/omgevingsdienst-lopend/geschiedenis").json()
    assert [o["wie"] for o in api] == ["onbekende adviseur", "Beheerder"] and api[1]["velden"] == []


def test_een_eerdere_versie_staat_met_haar_advies_naast_dat_van_vandaag(client):
    _bewaar(client, "regionale-inkoop-jeugdzorg", "onderbouwing", **{"onderbouwing.businesscase": "ontbreekt"})
    _bewaar(client, "regionale-inkoop-jeugdzorg", "onderbouwing", **{"onderbouwing.businesscase": "aanwezig"})
    pagina = client.get("/casussen/regionale-inkoop-jeugdzorg/geschiedenis").text
    eerste = re.findall(r'geschiedenis\?versie=([0-9a-f]{40})', pagina)
    assert len(eerste) == 1, "alleen een eerdere versie kan naast vandaag"
    naast = client.get(f"/casussen/regionale-inkoop-jeugdzorg/geschiedenis?versie={eerste[0]}").text
    assert "naast vandaag</h2>" in naast and "Het advies naast elkaar" in naast
    assert "Sindsdien veranderd: Is er een businesscase?" in naast, "welke gegevens anders zijn, in gewone woorden"


def test_een_onbekende_casus_heeft_geen_geschiedenis_maar_een_404(client):
    antwoord = client.get("/api/v1/casussen/bestaat-niet/geschiedenis")
    assert antwoord.status_code == 404 and antwoord.headers["content-type"] == "application/problem+json"


def test_een_casus_uit_de_intake_is_onvolledig_tot_elke_stap_is_opgeslagen(client):
    r = client.post("/casussen/nieuw", data={"csrf": _csrf(client), "naam": "Halve intake", "fase": "voorstel"},
                    follow_redirects=False)
    id_ = r.headers["location"].split("/")[2]
    regels = {r["id"]: r for r in client.get("/api/v1/casussen").json()}
    assert regels[id_]["status"] == "onvolledig" and regels[id_]["open_stap"] == "partners"
    assert regels["regionale-inkoop-jeugdzorg"]["status"] == "klaar", "een compleet casusbestand is klaar"
    werkmap = client.get("/").text
    rij = re.search(r"<tr>\s*<th scope=\"row\"><a href=\"/casussen/" + id_ + r"\">.*?</tr>", werkmap, re.S).group(0)
    assert "intake onvolledig" in rij and "label--niet_aangaan" not in rij and "label--aangaan" not in rij
    assert f'href="/casussen/{id_}/stappen/partners"' in client.get(f"/casussen/{id_}").text
    overzicht = client.get("/overzicht").text
    rij = re.search(r"<tr>\s*<th scope=\"row\"><a href=\"/casussen/" + id_ + r"\">.*?</tr>", overzicht, re.S).group(0)
    assert "intake onvolledig" in rij and "label--niet_aangaan" not in rij, "ook het overzicht toont geen oordeel"
    gefilterd = client.get("/", params={"advies": "onvolledig"}).text
    assert "Halve intake" in gefilterd and "Regionale inkoop jeugdzorg" not in gefilterd


def test_een_casus_met_een_open_kernvraag_is_onvolledig_en_wijst_naar_die_stap(client, werkmap):
    (werkmap / "zonder-waarde.yaml").write_text(
        "naam: Zonder waarde\nfase: voorstel\nopgave: {omschrijving: Een opgave}\n", encoding="utf-8")
    regel = next(r for r in client.get("/api/v1/casussen").json() if r["id"] == "zonder-waarde")
    assert regel["status"] == "onvolledig" and regel["open_stap"] == "toegevoegde_waarde"


def test_de_geschiedenispagina_noemt_gegevens_in_gewone_woorden_zonder_lege_opslagen(client, werkmap):
    r = client.post("/casussen/nieuw", data={"csrf": _csrf(client), "naam": "Doorklikken", "fase": "voorstel"},
                    follow_redirects=False)
    id_ = r.headers["location"].split("/")[2]
    for stap in ("rol", "sturing"):  # doorklikken zonder iets in te vullen
        assert _bewaar(client, id_, stap).status_code == 303
    tekst = (werkmap / f"{id_}.yaml").read_text(encoding="utf-8")
    assert "rol:" not in tekst and "sturing:" not in tekst and "{}" not in tekst, "geen lege groepen in het bestand"
    _bewaar(client, id_, "onderbouwing", **{"onderbouwing.businesscase": "aanwezig"})
    pagina = client.get(f"/casussen/{id_}/geschiedenis").text
    assert "Is er een businesscase?" in pagina and "onderbouwing.businesscase" not in pagina
    assert pagina.count('data-label="Wie"') == 2, "doorklikken zonder invullen is geen opslag van de casus"
    assert "git log" not in pagina and ".yaml" not in pagina
