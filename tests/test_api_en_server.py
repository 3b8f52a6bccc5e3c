# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De webapplicatie zoals een gebruiker haar start (`samenwerkingstoets web`, met meer werkprocessen), getoetst
door een client die niemand hier schreef: schemathesis leest het geserveerde openapi.json en stuurt duizenden
verzoeken, geldige en ongeldige. Daarnaast: een traag verzoek houdt een ander niet op, werkprocessen delen de
sessie, en twee opslagen tegelijk uit verschillende processen verliezen niets."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode

import pytest

from conftest import CASES, server_in_draad, vrije_poort

BIN = Path(sys.executable).parent


def _wacht_op(url: str, proces: subprocess.Popen | None = None) -> None:
    for _ in range(300):
        if proces is not None and proces.poll() is not None:
            raise AssertionError(f"de server stopte met exitcode {proces.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"de server antwoordde niet op {url}")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`samenwerkingstoets web --werkers 2` als los proces, op een vrije poort, met de voorbeeldcasussen."""
    werkmap = tmp_path_factory.mktemp("werkmap")
    for pad in CASES.glob("*.yaml"):
        shutil.copy(pad, werkmap / pad.name)
    poort = vrije_poort()
    proces = subprocess.Popen([str(BIN / "samenwerkingstoets"), "web", "--map", str(werkmap), "--poort", str(poort),
                               "--werkers", "2"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    basis = f"http://127.0.0.1:{poort}"
    try:
        _wacht_op(basis + "/api/v1/casussen", proces)
        yield basis, werkmap
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proces.kill()


def test_schemathesis_vindt_geen_afwijking_van_het_geserveerde_api_schema(served, tmp_path):
    """Alle controles van schemathesis (500-fouten, antwoorden tegen het schema, geldige verzoeken die geweigerd
    worden, ongeldige die aanvaard worden, handelingen die niet bestaan), met een vaste seed."""
    basis, _ = served
    uitkomst = subprocess.run(
        [str(BIN / "st"), "run", f"{basis}/api/v1/openapi.json", "--checks", "all", "--max-examples", "40",
         "--seed", "20261204", "--generation-database", "none", "--no-color", "--workers", "1"],
        capture_output=True, text=True, timeout=600, cwd=tmp_path, env={**os.environ, "NO_COLOR": "1"})
    uitvoer = uitkomst.stdout + uitkomst.stderr
    assert uitkomst.returncode == 0, uitvoer[-6000:]
    assert re.search(r"\b[1-9][0-9]{2,} generated, [1-9][0-9]{2,} passed", uitvoer), uitvoer[-2000:]


def test_een_verzoek_met_een_lege_casus_is_volgens_het_schema_al_ongeldig(served):
    basis, _ = served
    schema = json.loads(urllib.request.urlopen(basis + "/api/v1/openapi.json").read())
    casus = schema["components"]["schemas"]["Casus"]
    assert set(casus["required"]) == {"naam", "fase"} and casus["additionalProperties"] is False
    antwoorden = schema["paths"]["/adviezen"]["post"]["responses"]
    assert "application/problem+json" in antwoorden["400"]["content"]
    assert "application/problem+json" in antwoorden["default"]["content"]


def test_een_handeling_die_niet_bestaat_noemt_de_handelingen_die_wel_kunnen(served):
    basis, _ = served
    verzoek = urllib.request.Request(basis + "/api/v1/casussen", method="TRACE")
    with pytest.raises(urllib.error.HTTPError) as fout:
        urllib.request.urlopen(verzoek)
    assert fout.value.code == 405 and fout.value.headers["Allow"] == "GET"
    assert fout.value.headers["Content-Type"] == "application/problem+json"


def test_in_json_is_vijf_komma_nul_het_getal_vijf_maar_een_bedrag_als_tekst_wordt_geweigerd(served):
    basis, _ = served

    def advies(casus: dict) -> tuple[int, dict]:
        verzoek = urllib.request.Request(basis + "/api/v1/adviezen", data=json.dumps(casus).encode(),
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(verzoek) as antwoord:
                return antwoord.status, json.loads(antwoord.read())
        except urllib.error.HTTPError as fout:
            return fout.code, json.loads(fout.read())

    status, _ = advies({"naam": "x", "fase": "voorstel", "onderbouwing": {"kosten_per_jaar": 250000.0},
                        "succesfactoren": {"identiteit": [4.0, 3]}})
    assert status == 200
    status, probleem = advies({"naam": "x", "fase": "voorstel", "onderbouwing": {"kosten_per_jaar": "250.000"}})
    assert status == 400 and "in JSON is een bedrag of percentage een getal" in probleem["invalid-params"][0]["reason"]
    status, probleem = advies({"naam": "x", "fase": "voorstel", "peildatum": 0})
    assert status == 400 and "verwacht een datum als 2026-11-01" in probleem["invalid-params"][0]["reason"]


def test_een_formulier_werkt_ook_als_de_werkprocessen_elkaar_afwisselen(served):
    """De sessie (met de CSRF-sleutel) is ondertekend met één sleutel voor alle werkprocessen: een formulier dat
    het ene proces uitgaf, aanvaardt het andere ook."""
    basis, werkmap = served
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    for n in range(12):  # genoeg beurten om zeker beide processen te treffen
        pagina = opener.open(basis + "/casussen/nieuw").read().decode()
        csrf = re.search(r'name="csrf" value="([^"]+)"', pagina).group(1)
        data = urlencode({"csrf": csrf, "naam": f"Proef werkprocessen {n}", "fase": "voorstel"}).encode()
        antwoord = opener.open(urllib.request.Request(basis + "/casussen/nieuw", data=data))
        assert antwoord.status == 200 and "verlopen" not in antwoord.read().decode()
    assert len(list(werkmap.glob("proef-werkprocessen-*.yaml"))) == 12


def test_een_traag_verzoek_houdt_een_ander_verzoek_niet_op(tmp_path, monkeypatch):
    """Het controleren van een casus uit een verzoek rekent hier kunstmatig 3 s (zoals een enorm verzoek zou
    doen); intussen krijgt een ander verzoek binnen 0,5 s antwoord. Eén proces: het gaat om de afhandeling, niet
    om meer werkprocessen."""
    from samenwerkingstoets.web import app as webapp
    from samenwerkingstoets.web.routers import api

    for pad in CASES.glob("*.yaml"):
        shutil.copy(pad, tmp_path / pad.name)
    echt = api.casus_uit_data

    def traag(*args, **kwargs):
        einde = time.perf_counter() + 3.0
        while time.perf_counter() < einde:  # rekenen, niet slapen: het houdt de interpreter bezet
            sum(range(1000))
        return echt(*args, **kwargs)

    monkeypatch.setattr(api, "casus_uit_data", traag)
    with server_in_draad(webapp.maak_app(tmp_path)) as basis:
        klaar: dict[str, float] = {}

        def traag_verzoek():
            verzoek = urllib.request.Request(basis + "/api/v1/adviezen", headers={"Content-Type": "application/json"},
                                             data=json.dumps({"naam": "traag", "fase": "voorstel"}).encode())
            urllib.request.urlopen(verzoek, timeout=60).read()
            klaar["traag"] = time.perf_counter()

        begin = time.perf_counter()
        traag_draad = threading.Thread(target=traag_verzoek)
        traag_draad.start()
        time.sleep(0.5)  # het trage verzoek rekent nu
        start_snel = time.perf_counter()
        urllib.request.urlopen(basis + "/api/v1/adviezen/regionale-inkoop-jeugdzorg", timeout=60).read()
        snel = time.perf_counter() - start_snel
        traag_draad.join(timeout=60)
        assert "traag" in klaar and klaar["traag"] - begin >= 3.0  # het trage verzoek was echt traag
        assert start_snel + snel < klaar["traag"], "het snelle verzoek wachtte op het trage"
        assert snel < 0.5, f"het snelle verzoek duurde {snel:.2f} s terwijl het trage liep"


def test_twee_opslagen_tegelijk_uit_verschillende_processen_laten_er_precies_een_winnen(tmp_path):
    """Twee Werkmap-objecten op dezelfde map staan voor twee werkprocessen (elk met een eigen slot in het geheugen):
    alleen het slot op de map zelf voorkomt dat beide dezelfde versie overschrijven."""
    from samenwerkingstoets.web.werkmap import Gewijzigd, Werkmap

    shutil.copy(CASES / "regionale-inkoop-jeugdzorg.yaml", tmp_path / "regionale-inkoop-jeugdzorg.yaml")
    for ronde in range(20):
        a, b = Werkmap(tmp_path), Werkmap(tmp_path)
        data, versie = a.data("regionale-inkoop-jeugdzorg")
        uitkomsten: list[str] = []
        start = threading.Barrier(2)

        def bewaar(werkmap: Werkmap, wie: str) -> None:
            start.wait()
            try:
                werkmap.bewaar("regionale-inkoop-jeugdzorg", {**data, "omschrijving": f"{wie} {ronde}"}, versie)
                uitkomsten.append(wie)
            except Gewijzigd:
                uitkomsten.append("409")

        draden = [threading.Thread(target=bewaar, args=(w, n)) for w, n in ((a, "a"), (b, "b"))]
        for d in draden:
            d.start()
        for d in draden:
            d.join()
        assert sorted(uitkomsten)[0] == "409" and len([u for u in uitkomsten if u != "409"]) == 1, uitkomsten
        winnaar = next(u for u in uitkomsten if u != "409")
        assert f"{winnaar} {ronde}" in (tmp_path / "regionale-inkoop-jeugdzorg.yaml").read_text(encoding="utf-8")
