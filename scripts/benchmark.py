# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Meet de prestaties van samenwerkingstoets en druk de cijfers af (geen test: het is een meting).

    .venv/bin/python scripts/benchmark.py

- koude start: wandkloktijd van `samenwerkingstoets beoordeel` (nieuw proces) naast de vloer: alleen
  de bibliotheken laden die het nodig heeft (pydantic met één model, click, tabulate, yaml,
  durable.engine) (doel: hooguit 1,3 keer zo lang);
- evaluatie in één proces: microseconden per geëvalueerde casus (doel: mediaan onder 300 µs);
- geheugen: groei van het resident geheugen over 10.000 evaluaties (doel: minder dan 30 MB);
- webapplicatie: servertijd van de adviespagina en van een wat-als-doorrekening per voorbeeldcasus
  (doel: mediaan onder 100 ms en 50 ms);
- belasting door een team: `samenwerkingstoets web` zoals een gebruiker hem start, met 1 en met het standaard
  aantal werkprocessen, 20 gelijktijdige clients op de adviespagina en op de API: verzoeken per seconde, p50,
  p99 en het geheugen van de server (doel: p99 van de adviespagina onder 100 ms op een machine met 2 kernen).
  De clients draaien op dezelfde machine en gebruiken dus ook processortijd.

    .venv/bin/python scripts/benchmark.py --belasting   # alleen de belasting
    .venv/bin/python scripts/benchmark.py --koude-start # alleen de koude start
"""

from __future__ import annotations

import gc
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HERHALINGEN = 7
# De kern van durable_rules laden zoals het programma dat doet (engine/durable.py): op Python 3.13 met uitgestelde
# binding, anders laadt hij daar niet.
DURABLE = ("import os, sys\n"
           "if sys.version_info >= (3, 13):\n"
           "    sys.setdlopenflags((sys.getdlopenflags() & ~os.RTLD_NOW) | os.RTLD_LAZY)\n"
           "import durable_rules_engine\n")
# De vloer: wat elke start van beoordeel hoe dan ook laadt. Sneller dan dit kan het programma niet.
VLOER = ("from pydantic import BaseModel\n"
         "class M(BaseModel):\n    x: int\n"
         "M(x=1)\n" + DURABLE +
         "import click, tabulate, yaml, durable.engine")
# Dezelfde bibliotheken zonder pydantic zelf (alleen de validatiekern pydantic-core): wat een start zou kosten als
# de engine tijdens het beoordelen gewone objecten gebruikt en pydantic alleen bij het inlezen van een nieuwe vorm.
VLOER_ZONDER_MODELLEN = DURABLE + "import pydantic_core, click, tabulate, yaml, durable.engine"


def _wandklokken(*opdrachten: list[str], herhalingen: int = HERHALINGEN) -> list[float]:
    """De mediaan van de wandkloktijd per opdracht. De opdrachten lopen om en om, zodat een drukkere of rustigere
    periode van de machine ze allemaal even hard raakt (anders meet een verhouding vooral die periode)."""
    tijden: list[list[float]] = [[] for _ in opdrachten]
    for _ in range(herhalingen):
        for opdracht, lijst in zip(opdrachten, tijden):
            begin = time.perf_counter()
            subprocess.run(opdracht, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
            lijst.append(time.perf_counter() - begin)
    return [statistics.median(lijst) for lijst in tijden]


def _vertaal(map_: Path) -> None:
    """Vertaal de modules van het pakket naar bytecode: alleen het pakket zelf en zijn subpakketten (mappen met
    __init__.py), niet een .venv of build-map die in een ontwikkelmap naast de modules staat. Altijd opnieuw: een
    bestand dat binnen dezelfde seconde veranderde, zou compileall anders voor actueel houden."""
    import compileall

    for pad in sorted(map_.glob("*.py")):
        compileall.compile_file(str(pad), quiet=2, force=True)
    for sub in sorted(map_.iterdir()):
        if sub.is_dir() and (sub / "__init__.py").is_file():
            _vertaal(sub)


def koude_start() -> None:
    # Zoals na een gewone installatie (pip vertaalt de modules dan al): de bytecode van samenwerkingstoets staat
    # klaar, ook in een ontwikkelomgeving waar PYTHONDONTWRITEBYTECODE aan staat.
    import samenwerkingstoets

    _vertaal(Path(samenwerkingstoets.__file__).parent)
    bin_ = Path(sys.executable).parent
    programma = bin_ / "samenwerkingstoets"
    casus = "cases/regionale-inkoop-jeugdzorg.yaml"
    basis, cli, kern = _wandklokken([sys.executable, "-c", VLOER], [str(programma), "beoordeel", casus],
                                    [sys.executable, "-c", VLOER_ZONDER_MODELLEN], herhalingen=3 * HERHALINGEN)
    print("Koude start (mediaan van", 3 * HERHALINGEN, "keer, om en om gemeten)")
    print(f"  vloer: alleen de bibliotheken laden (pydantic met één model, click, tabulate, yaml, durable)"
          f"  {basis * 1000:7.0f} ms")
    print(f"  samenwerkingstoets beoordeel {casus}  {cli * 1000:7.0f} ms")
    print(f"  verhouding {cli / basis:.2f}x (doel: hooguit 1,3x)")
    print(f"  ter vergelijking: dezelfde bibliotheken met alleen pydantic-core, zonder pydantic-modellen "
          f"{kern * 1000:7.0f} ms")
    uitsplitsing(casus)


UITSPLITSING = """
import io, sys, time
t0 = time.perf_counter()
""" + VLOER + """
t1 = time.perf_counter()
import samenwerkingstoets.engine.casus
t2 = time.perf_counter()
import samenwerkingstoets.engine.regels
t3 = time.perf_counter()
import samenwerkingstoets.cli
t4 = time.perf_counter()
sys.argv = ["samenwerkingstoets", "beoordeel", sys.argv[1]]
sys.stdout = io.StringIO()
try:
    samenwerkingstoets.cli.main()
except SystemExit:
    pass
t5 = time.perf_counter()
sys.stdout = sys.__stdout__
print(*(round(1000 * (b - a), 1) for a, b in ((t0, t1), (t1, t2), (t2, t3), (t3, t4), (t4, t5))))
"""


def uitsplitsing(casus: str) -> None:
    """Waar de tijd boven de vloer heen gaat (mediaan per deel), zodat een verbetering te richten is."""
    metingen = []
    for _ in range(HERHALINGEN):
        uit = subprocess.run([sys.executable, "-c", UITSPLITSING, casus], check=True, capture_output=True,
                             text=True, cwd=ROOT).stdout
        metingen.append([float(x) for x in uit.split()])
    delen = ("bibliotheken (de vloer)", "casusmodel (pydantic)", "regelpakketmodel",
             "overige modules", "uitvoeren: lezen, regels opbouwen, beoordelen, tonen")
    print("  uitsplitsing binnen één proces:")
    for i, deel in enumerate(delen):
        print(f"    {deel:55s} {statistics.median(m[i] for m in metingen):6.1f} ms")


def evaluaties() -> None:
    import psutil

    from samenwerkingstoets.engine import durable
    from samenwerkingstoets.engine.beoordelen import Beoordelaar
    from samenwerkingstoets.engine.feiten import feiten_van
    from samenwerkingstoets.engine.laden import STANDAARDPAKKET, lees_casus, lees_regelpakket

    beoordelaar = Beoordelaar(lees_regelpakket(STANDAARDPAKKET))
    print("\nEvaluatie in één proces (feiten -> vormtabel -> regels -> advieswoord), zonder onthouden uitkomsten")
    medianen = []
    for pad in sorted((ROOT / "cases").glob("*.yaml")):
        casus = lees_casus(pad)
        feiten = feiten_van(casus)
        tijden = []
        for _ in range(300):
            durable.vergeet()  # de engine zelf meten, niet het onthouden van eerdere uitkomsten
            begin = time.perf_counter()
            beoordelaar.oordeel(feiten)
            tijden.append(time.perf_counter() - begin)
        volledig = []
        for _ in range(20):
            durable.vergeet()
            begin = time.perf_counter()
            beoordelaar.beoordeel(casus)
            volledig.append(time.perf_counter() - begin)
        medianen.append(statistics.median(tijden))
        print(f"  {pad.name:55s} {statistics.median(tijden) * 1e6:6.0f} µs per evaluatie, "
              f"volledig advies (met onbekende feiten doorgerekend) {statistics.median(volledig) * 1000:5.1f} ms")
    print(f"  mediaan over de voorbeeldcasussen: {statistics.median(medianen) * 1e6:.0f} µs (doel: onder 300 µs)")

    proces = psutil.Process(os.getpid())
    basis = feiten_van(lees_casus(ROOT / "cases" / "omgevingsdienst-lopend.yaml"))
    toeval = random.Random(1)
    gc.collect()
    voor = proces.memory_info().rss
    begin = time.perf_counter()
    for _ in range(10_000):
        feiten = {k: v for k, v in basis.items() if k == "fase" or toeval.random() > 0.3}
        beoordelaar.oordeel(feiten)
    duur = time.perf_counter() - begin
    gc.collect()
    print(f"\n10.000 evaluaties in één proces: {duur:.1f} s, geheugengroei "
          f"{(proces.memory_info().rss - voor) / 1e6:.1f} MB (doel: minder dan 30 MB)")


def wat_moet_er_veranderen() -> None:
    from samenwerkingstoets.engine.beoordelen import Beoordelaar
    from samenwerkingstoets.engine.laden import STANDAARDPAKKET, lees_casus, lees_regelpakket
    from samenwerkingstoets.engine.waarden import aantal
    from samenwerkingstoets.engine.watals import Zoeker, zoek_met_tussendoel

    zoeker = Zoeker(Beoordelaar(lees_regelpakket(STANDAARDPAKKET)))
    print("\nwat-moet-er-veranderen in één proces (doel: onder 2 s per casus)")
    for pad in sorted((ROOT / "cases").glob("*.yaml")):
        casus = lees_casus(pad)
        begin = time.perf_counter()
        resultaat, tussendoel = zoek_met_tussendoel(zoeker, casus, None)
        duur = time.perf_counter() - begin
        onderzocht = resultaat.onderzocht + (tussendoel.onderzocht if tussendoel else 0)
        print(f"  {pad.name:55s} {duur:6.2f} s  ({aantal(onderzocht, 'combinatie')} doorgerekend)")


def webapplicatie() -> None:
    """Servertijd van de adviespagina (zonder opgeslagen advies: elke keer opnieuw beoordeeld) en van een
    wat-als-doorrekening, per voorbeeldcasus, gemeten in het proces met de testclient van het framework."""
    import re
    import shutil
    import tempfile

    from fastapi.testclient import TestClient

    from samenwerkingstoets.web.app import maak_app

    werkmap = Path(tempfile.mkdtemp(prefix="benchmark-werkmap-"))
    for pad in (ROOT / "cases").glob("*.yaml"):
        shutil.copy(pad, werkmap / pad.name)
    app = maak_app(werkmap)
    client = TestClient(app, base_url="http://127.0.0.1")
    print("\nWebapplicatie: servertijd per verzoek (mediaan van 15; doel: advies onder 100 ms, wat-als onder 50 ms)")
    adviezen, watalsen = [], []
    for pad in sorted((ROOT / "cases").glob("*.yaml")):
        id_ = pad.stem
        pagina = client.get(f"/casussen/{id_}/wat-als").text
        formulier: dict = {"csrf": re.search(r'name="csrf" value="([^"]+)"', pagina).group(1), "actie": "rekenen"}
        for select in re.finditer(r'<select id="[^"]+" name="([^"]+)".*?</select>', pagina, flags=re.S):
            gekozen = re.search(r'<option value="([^"]*)" selected>', select.group(0))
            formulier[select.group(1)] = gekozen.group(1) if gekozen else ""
        advies, watals = [], []
        for _ in range(15):
            app.state.omgeving._adviezen.clear()
            begin = time.perf_counter()
            assert client.get(f"/casussen/{id_}").status_code == 200
            advies.append(time.perf_counter() - begin)
            begin = time.perf_counter()
            assert client.post(f"/casussen/{id_}/wat-als", data=formulier).status_code == 200
            watals.append(time.perf_counter() - begin)
        a, w = statistics.median(advies) * 1000, statistics.median(watals) * 1000
        adviezen.append(a)
        watalsen.append(w)
        print(f"  {pad.name:55s} advies {a:6.1f} ms   wat-als {w:6.1f} ms")
    print(f"  mediaan over de voorbeelden: advies {statistics.median(adviezen):.1f} ms, "
          f"wat-als {statistics.median(watalsen):.1f} ms")
    shutil.rmtree(werkmap, ignore_errors=True)


CLIENTS = 20
DUUR = 15.0  # seconden per meting


def _vrije_poort() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _meet(poort: int, verzoeken: list[tuple[str, str, bytes | None]]) -> tuple[int, list[float], int]:
    """CLIENTS draden die elk met één open verbinding verzoeken doen, DUUR seconden lang. Geeft het aantal
    geslaagde verzoeken, de tijden en het aantal fouten."""
    import http.client
    import threading

    tijden: list[float] = []
    fouten = [0]
    slot = threading.Lock()
    einde = time.perf_counter() + DUUR

    def client(nummer: int) -> None:
        verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
        eigen, i = [], nummer
        while time.perf_counter() < einde:
            methode, pad, inhoud = verzoeken[i % len(verzoeken)]
            i += 1
            begin = time.perf_counter()
            try:
                verbinding.request(methode, pad, body=inhoud,
                                   headers={"Content-Type": "application/json"} if inhoud else {})
                antwoord = verbinding.getresponse()
                antwoord.read()
                if antwoord.status != 200:
                    raise OSError(antwoord.status)
            except (OSError, http.client.HTTPException):
                with slot:
                    fouten[0] += 1
                verbinding.close()
                verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
                continue
            eigen.append(time.perf_counter() - begin)
        verbinding.close()
        with slot:
            tijden.extend(eigen)

    draden = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    return len(tijden), tijden, fouten[0]


def belasting() -> None:
    import json
    import shutil
    import tempfile
    import urllib.request

    import psutil
    import yaml

    werkmap = Path(tempfile.mkdtemp(prefix="benchmark-belasting-"))
    casussen = sorted((ROOT / "cases").glob("*.yaml"))
    for pad in casussen:
        shutil.copy(pad, werkmap / pad.name)
    pagina = [("GET", f"/casussen/{p.stem}", None) for p in casussen]
    api = [("POST", "/api/v1/adviezen", json.dumps(yaml.safe_load(p.read_text(encoding="utf-8")), default=str)
            .encode()) for p in casussen]
    standaard = min(4, os.cpu_count() or 1)
    print(f"\nBelasting: {CLIENTS} clients tegelijk, {DUUR:.0f} s per meting, op {os.cpu_count()} kernen "
          "(doel: p99 van de adviespagina onder 100 ms)")
    for werkers in sorted({1, standaard}):
        poort = _vrije_poort()
        server = subprocess.Popen([str(Path(sys.executable).parent / "samenwerkingstoets"), "web", "--map",
                                   str(werkmap), "--poort", str(poort), "--werkers", str(werkers)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(200):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{poort}/casussen/{casussen[0].stem}", timeout=2)
                    break
                except OSError:
                    time.sleep(0.1)
            for soort, verzoeken in (("adviespagina", pagina), ("API-advies", api)):
                _meet(poort, verzoeken[:1])  # opwarmen
                aantal_, tijden, fouten = _meet(poort, verzoeken)
                boom = psutil.Process(server.pid)
                geheugen = sum(p.memory_info().rss for p in [boom, *boom.children(recursive=True)])
                tijden.sort()
                p50 = tijden[len(tijden) // 2] * 1000
                p99 = tijden[min(len(tijden) - 1, int(len(tijden) * 0.99))] * 1000
                print(f"  {werkers} werkproces{'sen' if werkers > 1 else '   '}  {soort:13s} "
                      f"{aantal_ / DUUR:6.0f} per s   p50 {p50:6.1f} ms   p99 {p99:6.1f} ms   "
                      f"fouten {fouten}   geheugen server {geheugen / 1e6:5.0f} MB")
        finally:
            server.terminate()
            server.wait(timeout=30)
    shutil.rmtree(werkmap, ignore_errors=True)


if __name__ == "__main__":
    if "--belasting" in sys.argv:
        belasting()
        sys.exit(0)
    if "--koude-start" in sys.argv:
        koude_start()
        sys.exit(0)
    koude_start()
    evaluaties()
    wat_moet_er_veranderen()
    webapplicatie()
    belasting()
