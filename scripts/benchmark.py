"""Meet de prestaties van samenwerkingstoets en druk de cijfers af (geen test: het is een meting).

    .venv/bin/python scripts/benchmark.py

- koude start: wandkloktijd van `samenwerkingstoets beoordeel` (nieuw proces) naast de vloer: alleen
  de bibliotheken laden die het nodig heeft (pydantic met één model, click, tabulate, yaml,
  durable.engine) (doel: hooguit 1,3 keer zo lang);
- evaluatie in één proces: microseconden per geëvalueerde casus (doel: mediaan onder 300 µs);
- geheugen: groei van het resident geheugen over 10.000 evaluaties (doel: minder dan 30 MB);
- webapplicatie: servertijd van de adviespagina en van een wat-als-doorrekening per voorbeeldcasus
  (doel: mediaan onder 100 ms en 50 ms).
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
# De vloer: wat elke start van beoordeel hoe dan ook laadt. Sneller dan dit kan het programma niet.
VLOER = ("from pydantic import BaseModel\n"
         "class M(BaseModel):\n    x: int\n"
         "M(x=1)\n"
         "import click, tabulate, yaml, durable.engine")


def _wandklok(opdracht: list[str]) -> float:
    tijden = []
    for _ in range(HERHALINGEN):
        begin = time.perf_counter()
        subprocess.run(opdracht, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        tijden.append(time.perf_counter() - begin)
    return statistics.median(tijden)


def koude_start() -> None:
    bin_ = Path(sys.executable).parent
    programma = bin_ / "samenwerkingstoets"
    casus = "cases/regionale-inkoop-jeugdzorg.yaml"
    basis = _wandklok([sys.executable, "-c", VLOER])
    cli = _wandklok([str(programma), "beoordeel", casus])
    print("Koude start (mediaan van", HERHALINGEN, "keer)")
    print(f"  vloer: alleen de bibliotheken laden (pydantic met één model, click, tabulate, yaml, durable)"
          f"  {basis * 1000:7.0f} ms")
    print(f"  samenwerkingstoets beoordeel {casus}  {cli * 1000:7.0f} ms")
    print(f"  verhouding {cli / basis:.2f}x (doel: hooguit 1,3x)")
    uitsplitsing(casus)
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("  let op: PYTHONDONTWRITEBYTECODE staat aan; de modules van samenwerkingstoets worden bij elke")
        print("  start opnieuw gecompileerd, wat de starttijd verhoogt.")


UITSPLITSING = """
import io, sys, time
t0 = time.perf_counter()
from pydantic import BaseModel
class M(BaseModel):
    x: int
M(x=1)
import click, tabulate, yaml, durable.engine
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


if __name__ == "__main__":
    koude_start()
    evaluaties()
    wat_moet_er_veranderen()
    webapplicatie()
