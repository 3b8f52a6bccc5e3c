# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De webapplicatie voor een team: kleine fouten die een adviseur merkt, en casussen beheren."""

from __future__ import annotations

import asyncio
import logging
import shutil

import pytest
from fastapi.testclient import TestClient

from samenwerkingstoets.web.app import maak_app

from conftest import CASES

BASIS = "http://127.0.0.1"


@pytest.fixture
def werkmap(tmp_path):
    map_ = tmp_path / "werkmap"
    map_.mkdir()
    for naam in ("regionale-inkoop-jeugdzorg", "omgevingsdienst-lopend"):
        shutil.copy(CASES / f"{naam}.yaml", map_ / f"{naam}.yaml")
    return map_


@pytest.fixture
def client(werkmap) -> TestClient:
    return TestClient(maak_app(werkmap), base_url=BASIS)


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
    assert r.status_code == 303 and r.headers["location"] == "/casussen/inkoop-jeugdzorg-2028"
    assert "naam: Inkoop jeugdzorg 2028" in (werkmap / "inkoop-jeugdzorg-2028.yaml").read_text(encoding="utf-8")
    assert (werkmap / "regionale-inkoop-jeugdzorg.yaml").exists()
    dubbel = client.post("/casussen/regionale-inkoop-jeugdzorg/kopieren",
                         data={"csrf": _csrf(client), "naam": "inkoop JEUGDZORG 2028"})
    assert dubbel.status_code == 400 and "Er is al een casus met de naam" in dubbel.text


def test_hernoemen_verandert_naam_en_bestandsnaam_en_de_geschiedenis_loopt_door(client, werkmap):
    r = client.post("/casussen/omgevingsdienst-lopend/hernoemen",
                    data={"csrf": _csrf(client), "naam": "Omgevingsdienst NHN",
                          "versie": _versie(client, "omgevingsdienst-lopend")}, follow_redirects=False)
    assert r.headers["location"] == "/casussen/omgevingsdienst-nhn"
    assert not (werkmap / "omgevingsdienst-lopend.yaml").exists()
    assert "naam: Omgevingsdienst NHN" in (werkmap / "omgevingsdienst-nhn.yaml").read_text(encoding="utf-8")
    assert "# Voorbeeld van een wettelijk verplichte" in (werkmap / "omgevingsdienst-nhn.yaml").read_text(
        encoding="utf-8"), "opmerkingen in het bestand blijven staan"
    assert [o["velden"] for o in client.get("/api/v1/casussen/omgevingsdienst-nhn/geschiedenis").json()] == [["naam"]]


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
    assert laatste.startswith("Verwijderd: regionale-inkoop-jeugdzorg")


def test_beheren_zonder_csrf_wordt_geweigerd(client, werkmap):
    r = client.post("/casussen/regionale-inkoop-jeugdzorg/verwijderen", data={"bevestig": "ja", "versie": "x"})
    assert r.status_code in (400, 403) and (werkmap / "regionale-inkoop-jeugdzorg.yaml").exists()
