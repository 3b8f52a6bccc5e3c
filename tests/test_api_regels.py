# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De API volgt de API Design Rules van de Nederlandse overheid (Logius, versie 2).

De regels hieronder zijn in eigen woorden de regels die de linter van Logius (Spectral) nagaat, plus wat die niet
kan zien omdat het pas blijkt als de API draait: de kop API-Version op elk antwoord (ook op een weigering), HEAD,
Allow, datums met tijdzone, paginering en een openbare beschrijving met CORS. Bij het schrijven gaf de linter met
de regelset van Logius 0 fouten op /api/v1/openapi.json (zie README, 'De API').
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from fastapi.testclient import TestClient

from samenwerkingstoets.web.app import maak_app
from samenwerkingstoets.web.beveiliging import API_VERSIE


BASIS = "http://127.0.0.1"
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")
KEBAB = re.compile(r"^(/|(/([a-z0-9-]+|\{[^}]+\})(/([a-z0-9.-]+|\{[^}]+\}))*))$")
CAMEL = re.compile(r"^[a-z][a-z\d]*([A-Z][a-z\d]*)*$")






@pytest.fixture
def schema(client) -> dict:
    return client.get("/api/v1/openapi.json").json()


def _handelingen(schema: dict):
    for pad, inhoud in schema["paths"].items():
        for methode, handeling in inhoud.items():
            if methode in ("get", "post", "put", "patch", "delete"):
                yield pad, methode, handeling


def test_de_beschrijving_is_openapi_3_met_server_met_hoofdversie_contact_en_semver(schema):
    assert re.fullmatch(r"3(\.\d+){1,2}", schema["openapi"])
    assert schema["servers"] and all(re.search(r"/v\d", s["url"]) for s in schema["servers"])
    assert {"name", "email", "url"} <= set(schema["info"]["contact"])
    assert SEMVER.match(schema["info"]["version"]) and schema["info"]["version"] == API_VERSIE


def test_paden_zonder_slash_aan_het_eind_in_kebab_case_en_querysleutels_in_camelcase(schema):
    for pad in schema["paths"]:
        assert pad == "/" or not pad.endswith("/"), pad
        assert KEBAB.match(pad) or pad.endswith("/openapi.json"), pad
    for _, _, handeling in _handelingen(schema):
        for parameter in handeling.get("parameters", []):
            if parameter["in"] == "query":
                assert CAMEL.match(parameter["name"]), parameter["name"]


def test_elk_antwoord_noemt_de_versiekop_en_elke_fout_is_problem_json(schema):
    probleem = schema["components"]["schemas"]["Probleem"]["properties"]
    assert {"status", "title", "detail"} <= set(probleem)
    for pad, methode, handeling in _handelingen(schema):
        for code, antwoord in handeling["responses"].items():
            assert "API-Version" in antwoord.get("headers", {}), (pad, methode, code)
            if code.startswith(("4", "5")) or code == "default":
                assert set(antwoord["content"]) == {"application/problem+json"}, (pad, methode, code)
            assert antwoord["description"] not in ("Successful Response", "Validation Error")


def test_elke_handeling_met_invoer_kan_400_geven_en_nooit_422(schema):
    for pad, methode, handeling in _handelingen(schema):
        if methode != "get" or handeling.get("parameters"):
            assert "400" in handeling["responses"], (pad, methode)
        assert "422" not in handeling["responses"], (pad, methode)


def test_een_datum_heeft_het_formaat_datum_en_een_tijdstip_een_tijdzone(schema):
    for naam, definitie in schema["components"]["schemas"].items():
        for veld, eigenschap in definitie.get("properties", {}).items():
            if veld in ("date", "datum") or re.search(r"((\w+D)|(_[dD]))((ate)|(atum))", veld):
                assert eigenschap.get("format") == "date", (naam, veld)
            assert eigenschap.get("format") not in ("date-time-local", "time"), (naam, veld)
    gewijzigd = schema["components"]["schemas"]["Overzichtsregel"]["properties"]["gewijzigd"]
    assert gewijzigd["format"] == "date-time"


@pytest.mark.parametrize("verzoek", ["get /api/v1/casussen", "get /api/v1/adviezen/omgevingsdienst-lopend",
                                     "get /api/v1/casussen/bestaat-niet", "post /api/v1/casussen",
                                     "post /api/v1/adviezen"])
def test_elk_antwoord_van_de_api_heeft_de_kop_api_version(client, verzoek):
    methode, url = verzoek.split()
    antwoord = client.request(methode.upper(), url, json={"naam": "x"})
    assert antwoord.headers["API-Version"] == API_VERSIE, antwoord.status_code


def test_ook_een_weigering_heeft_de_versiekop_en_is_problem_json(werkmap):
    met_sleutel = TestClient(maak_app(werkmap, token="geheim-sleutel-123", lokaal=False), base_url=BASIS)
    geweigerd = met_sleutel.get("/api/v1/casussen")
    assert geweigerd.status_code == 401 and geweigerd.headers["API-Version"] == API_VERSIE
    assert geweigerd.headers["content-type"] == "application/problem+json"
    lokaal = TestClient(maak_app(werkmap), base_url=BASIS)
    vreemd = lokaal.get("/api/v1/casussen", headers={"host": "aanvaller.example"})
    assert vreemd.status_code == 400 and vreemd.headers["API-Version"] == API_VERSIE
    assert vreemd.headers["content-type"] == "application/problem+json"
    te_groot = lokaal.post("/api/v1/adviezen", content=b"{" + b" " * 1_100_000 + b"}",
                           headers={"content-type": "application/json"})
    assert te_groot.status_code == 413 and te_groot.headers["API-Version"] == API_VERSIE


def test_de_beschrijving_is_openbaar_ook_met_een_sleutel_en_voor_andere_sites(werkmap):
    met_sleutel = TestClient(maak_app(werkmap, token="geheim-sleutel-123", lokaal=False), base_url=BASIS)
    beschrijving = met_sleutel.get("/api/v1/openapi.json")
    assert beschrijving.status_code == 200 and beschrijving.headers["Access-Control-Allow-Origin"] == "*"
    gegevens = met_sleutel.get("/api/v1/casussen", headers={"Authorization": "Bearer geheim-sleutel-123"})
    assert gegevens.status_code == 200 and "Access-Control-Allow-Origin" not in gegevens.headers


def test_head_werkt_waar_get_werkt_en_een_andere_handeling_noemt_allow(client):
    get, head = client.get("/api/v1/casussen"), client.head("/api/v1/casussen")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert client.head("/casussen/omgevingsdienst-lopend").status_code == 200  # ook de pagina's
    niet = client.delete("/api/v1/adviezen")
    assert niet.status_code == 405 and niet.headers["Allow"] == "POST"
    assert niet.headers["content-type"] == "application/problem+json"


def test_gewijzigd_is_rfc_3339_met_tijdzone(client):
    for regel in client.get("/api/v1/casussen").json():
        tijdstip = dt.datetime.fromisoformat(regel["gewijzigd"].replace("Z", "+00:00"))
        assert tijdstip.tzinfo is not None, regel["gewijzigd"]


def test_de_lijst_van_casussen_is_in_paginas_met_het_totaal_en_links(client):
    alle = client.get("/api/v1/casussen").json()
    eerste = client.get("/api/v1/casussen", params={"pagina": 1, "perPagina": 5})
    tweede = client.get("/api/v1/casussen", params={"pagina": 2, "perPagina": 5})
    assert eerste.headers["X-Total-Count"] == str(len(alle)) and len(eerste.json()) == 5
    assert eerste.json() + tweede.json() == alle[:10]
    assert 'rel="next"' in eerste.headers["Link"] and "pagina=2" in eerste.headers["Link"]
    assert 'rel="prev"' in tweede.headers["Link"]
    assert client.get("/api/v1/casussen", params={"perPagina": 0}).status_code == 400


def test_een_onbekende_queryparameter_is_een_fout_en_wordt_niet_stil_genegeerd(client):
    r = client.get("/api/v1/casussen", params={"pagina": 1, "sorteer": "naam"})
    assert r.status_code == 400 and "Onbekende parameter 'sorteer'" in r.json()["detail"]
    assert client.get("/api/v1/adviezen/omgevingsdienst-lopend", params={"x": "1"}).status_code == 400
