"""Meet `samenwerkingstoets overzicht` op een map met N gegenereerde, geldige casussen (geen test: een meting).

    .venv/bin/python scripts/overzicht_benchmark.py [N ...]        (standaard: 100 1000 10000)

De casussen zijn de voorbeeldcasussen, met per casus een willekeurig deel van de woordvelden op een andere
waarde uit hun woordenlijst (vaste startwaarde: elke run maakt dezelfde casussen). Per N drukt het af: de
wandkloktijd van de hele opdracht (nieuw proces, JSON naar een bestand), de tijd per casus, en in één
proces de tijd voor lezen en voor het advies (met bandbreedte) per casus, plus de groei van het geheugen.
Doel: hooguit 1 ms enginetijd per volledig advies, en een vlak geheugen.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def genereer(map_: Path, n: int, zaad: int = 20261130) -> None:
    from samenwerkingstoets.engine.casus import CATALOGUS
    from samenwerkingstoets.engine.laden import lees_casus
    from samenwerkingstoets.engine.varianten import casusdata

    # de voorbeelden zoals het programma ze leest (bedragen als gehele getallen, datums als tekst)
    voorbeelden = [casusdata(lees_casus(p)) for p in sorted((ROOT / "cases").glob("*.yaml"))]
    woordvelden = [(pad, v.waarden) for pad, v in CATALOGUS.items()
                   if v.soort == "woord" and not v.afgeleid and "[]" not in pad and pad not in ("fase",)]
    kans = random.Random(zaad)
    for i in range(n):
        data = yaml.safe_load(yaml.safe_dump(kans.choice(voorbeelden)))
        data["naam"] = f"{data['naam']} {i + 1}"
        for pad, waarden in kans.sample(woordvelden, k=12):
            *groepen, veld = pad.split(".")
            doel = data
            for groep in groepen:
                doel = doel.setdefault(groep, {})
            doel[veld] = kans.choice([*waarden, "onbekend"])
        (map_ / f"casus-{i + 1:05d}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                                      encoding="utf-8")


def in_proces(map_: Path) -> tuple[float, float, float]:
    import psutil

    from samenwerkingstoets.engine.beoordelen import Beoordelaar
    from samenwerkingstoets.engine.laden import STANDAARDPAKKET, lees_casus, lees_regelpakket

    beoordelaar = Beoordelaar(lees_regelpakket(STANDAARDPAKKET))
    bestanden = sorted(map_.glob("*.yaml"))
    proces = psutil.Process()
    begin_geheugen = proces.memory_info().rss
    lezen = advies = 0.0
    for pad in bestanden:
        t0 = time.perf_counter()
        casus = lees_casus(pad)
        t1 = time.perf_counter()
        _, _, feiten = beoordelaar.kort(casus)
        beoordelaar.risico_met_redenen(feiten)
        t2 = time.perf_counter()
        lezen += t1 - t0
        advies += t2 - t1
    groei = (proces.memory_info().rss - begin_geheugen) / 1e6
    return lezen / len(bestanden) * 1000, advies / len(bestanden) * 1000, groei


def main() -> None:
    aantallen = [int(a) for a in sys.argv[1:]] or [100, 1_000, 10_000]
    programma = Path(sys.executable).parent / "samenwerkingstoets"
    print("overzicht op N gegenereerde casussen (doel: hooguit 1 ms enginetijd per advies, vlak geheugen)")
    for n in aantallen:
        map_ = Path(tempfile.mkdtemp(prefix=f"overzicht-{n}-"))
        try:
            genereer(map_, n)
            uit = map_.parent / f"{map_.name}.json"
            begin = time.perf_counter()
            subprocess.run([str(programma), "overzicht", str(map_), "-o", str(uit), "--overschrijf"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            totaal = time.perf_counter() - begin
            lezen, advies, groei = in_proces(map_)
            print(f"  N = {n:6d}: {totaal:7.2f} s in totaal, {totaal / n * 1000:6.2f} ms per casus; in één proces: "
                  f"lezen {lezen:.2f} ms, advies met bandbreedte en risico {advies:.2f} ms per casus, "
                  f"geheugengroei {groei:.1f} MB")
            uit.unlink(missing_ok=True)
        finally:
            shutil.rmtree(map_, ignore_errors=True)


if __name__ == "__main__":
    main()
