# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Gedeelde hulpmiddelen voor de tests: het standaardpakket en een beoordelaar, één keer geladen."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

# De pakketcache van de tests staat apart van die van de gebruiker.
os.environ.setdefault("SAMENWERKINGSTOETS_CACHE", tempfile.mkdtemp(prefix="samenwerkingstoets-cache-"))

import pytest
from hypothesis import HealthCheck, settings

from samenwerkingstoets.engine.beoordelen import Beoordelaar
from samenwerkingstoets.engine.laden import STANDAARDPAKKET, casus_uit_data, lees_regelpakket
from samenwerkingstoets.engine.pakkettoets import lees_specs, met  # noqa: F401 - met: voor de tests

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "cases"

# Twee profielen voor de eigenschapstests: 'snel' voor wie aan het werk is (een tiende van de voorbeelden), en
# 'grondig' (alle voorbeelden) in CI: .ci/run zet HYPOTHESIS_PROFILE=grondig, net als CI=true.
settings.register_profile("grondig", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("snel", deadline=None, suppress_health_check=[HealthCheck.too_slow])
PROFIEL = os.environ.get("HYPOTHESIS_PROFILE") or ("grondig" if os.environ.get("CI") else "snel")
settings.load_profile(PROFIEL)


def voorbeelden(aantal: int) -> int:
    """Het aantal voorbeelden van een eigenschapstest: alle in het profiel 'grondig', een tiende in 'snel'."""
    return aantal if PROFIEL == "grondig" else max(5, aantal // 10)


# De trage groepen, per bestand: ze krijgen hun eigen marker en ook 'traag'. Tijdens het werk:
# `pytest -m "not traag"` (onder een halve minuut); CI en de README-opdracht draaien alles.
TRAGE_GROEPEN = {
    "test_web_browser.py": "browser", "test_installatie.py": "installatie", "test_api_en_server.py": "server",
    "test_eigenschappen.py": "eigenschappen", "test_vijandig.py": "eigenschappen", "test_web.py": "web",
    "test_collegeadvies.py": "documenten", "test_paragraaf.py": "documenten",
    "test_collegevoorstel_stuk.py": "documenten", "test_web_team.py": "web", "test_geschiedenis.py": "web",
}


def pytest_collection_modifyitems(items):
    for item in items:
        groep = TRAGE_GROEPEN.get(item.path.name)
        if groep:
            item.add_marker(getattr(pytest.mark, groep))
            item.add_marker(pytest.mark.traag)

_PAKKET = lees_regelpakket(STANDAARDPAKKET)
_BEOORDELAAR = Beoordelaar(_PAKKET)

# Een complete casus waar niets op aan te merken is: basis voor spectests met één wijziging. Zij staat bij de
# specs van het pakket (rules/alkmaar/specs/basis.yaml), zodat pakket toets en de tests dezelfde gebruiken.
GOEDE_CASUS = lees_specs(STANDAARDPAKKET)[1]["goed"]


@pytest.fixture(scope="session")
def pakket():
    return _PAKKET


@pytest.fixture(scope="session")
def beoordelaar():
    return _BEOORDELAAR


@pytest.fixture(scope="session")
def overzicht(beoordelaar):
    """Het overzicht van de voorbeeldcasussen op peildatum 30 november 2026 (register, risico's, paragraaf)."""
    import datetime as dt

    from samenwerkingstoets.engine.overzicht import maak_overzicht

    return maak_overzicht(CASES, beoordelaar, dt.date(2026, 11, 30))


def beoordeel(data: dict):
    return _BEOORDELAAR.beoordeel(casus_uit_data(data))


def beoordeel_casus(casus):
    return _BEOORDELAAR.beoordeel(casus)


def invoerfout(uitkomst, *stukjes: str) -> None:
    """Een opdracht die op invoer stuitte: exitcode 2, een Nederlandse melding, geen traceback."""
    assert uitkomst.exit_code == 2, uitkomst.output
    assert uitkomst.output.startswith("Fout: ") and "Traceback" not in uitkomst.output
    for stukje in stukjes:
        assert stukje in uitkomst.output


def vrije_poort() -> int:
    """Een poort op 127.0.0.1 die nu vrij is."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def server_in_draad(app):
    """De app achter uvicorn in een draad van dit proces, op een vrije poort; geeft het basisadres."""
    import threading
    import time

    import uvicorn

    poort = vrije_poort()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=poort, log_level="warning"))
    draad = threading.Thread(target=server.run, daemon=True)
    draad.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{poort}"
    finally:
        server.should_exit = True
        draad.join(timeout=10)


# --- de webapplicatie: een werkmap met casussen en een testclient (gedeeld door de webtests) ----------------------

WEBBASIS = "http://127.0.0.1"


def _werkmap_met(tmp_path: Path, namen: list[str] | None) -> Path:
    import shutil

    map_ = tmp_path / "werkmap"
    map_.mkdir()
    for pad in CASES.glob("*.yaml"):
        if namen is None or pad.stem in namen:
            shutil.copy(pad, map_ / pad.name)
    return map_


@pytest.fixture
def werkmap(tmp_path, request) -> Path:
    """Een werkmap met de voorbeeldcasussen; een testbestand kan er een paar kiezen met WERKMAP_CASUSSEN."""
    return _werkmap_met(tmp_path, getattr(request.module, "WERKMAP_CASUSSEN", None))


@pytest.fixture
def client(werkmap):
    from fastapi.testclient import TestClient

    from samenwerkingstoets.web.app import maak_app

    return TestClient(maak_app(werkmap), base_url=WEBBASIS)
