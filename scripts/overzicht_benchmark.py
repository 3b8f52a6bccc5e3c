# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Meet `samenwerkingstoets overzicht` op een map met N gegenereerde, geldige casussen (geen test: een meting).

    .venv/bin/python scripts/overzicht_benchmark.py [N ...]        (standaard: 100 1000 10000)

De casussen zijn de voorbeeldcasussen, met per casus een willekeurig deel van de woordvelden op een andere
waarde uit hun woordenlijst (vaste startwaarde: elke run maakt dezelfde casussen). Per N drukt het af: de
wandkloktijd van de hele opdracht (nieuw proces, JSON naar een bestand), de tijd per casus, en in één
proces de tijd voor lezen en voor het advies (met bandbreedte) per casus, plus de groei van het geheugen.
Doel: hooguit 1 ms enginetijd per volledig advies, en een vlak geheugen.
"""

from __future__ import annotations

import os
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
    """Per casus de tijd voor lezen (en valideren) en voor de regel van het register (advies, bandbreedte, risico),
    in blokken zoals het overzicht ze doet, in één proces; en de groei van het geheugen (MB)."""
    import gc

    import psutil

    from samenwerkingstoets.engine.beoordelen import Beoordelaar
    from samenwerkingstoets.engine.laden import STANDAARDPAKKET, lees_casus, lees_regelpakket
    from samenwerkingstoets.engine.overzicht import BLOK, regels_van, ruimer_opruimen

    beoordelaar = Beoordelaar(lees_regelpakket(STANDAARDPAKKET))
    bestanden = sorted(map_.glob("*.yaml"))
    proces = psutil.Process()
    gc.collect()
    begin_geheugen = proces.memory_info().rss
    lezen = advies = 0.0
    with ruimer_opruimen():
        for i in range(0, len(bestanden), BLOK):
            blok = bestanden[i:i + BLOK]
            t0 = time.perf_counter()
            casussen = [lees_casus(pad) for pad in blok]
            t1 = time.perf_counter()
            regels_van(casussen, [pad.name for pad in blok], beoordelaar, 2026)
            t2 = time.perf_counter()
            lezen += t1 - t0
            advies += t2 - t1
    groei = (proces.memory_info().rss - begin_geheugen) / 1e6
    return lezen / len(bestanden) * 1000, advies / len(bestanden) * 1000, groei


def koud(programma: Path, *argumenten: str, keer: int = 5) -> tuple[float, float]:
    """De snelste van `keer` runs van een nieuw proces (seconden): wat een gebruiker bij een koude start ziet; en het
    grootste geheugen (MB) van dat proces of een van zijn werkprocessen (waar het besturingssysteem dat meet)."""
    tijden, piek = [], 0.0
    for _ in range(keer):
        begin = time.perf_counter()
        proces = subprocess.Popen([str(programma), *argumenten], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if hasattr(os, "wait4"):
            _, status, gebruik = os.wait4(proces.pid, 0)
            piek = max(piek, gebruik.ru_maxrss / 1024)  # Linux: kilobytes
            proces.returncode = os.waitstatus_to_exitcode(status)
        else:
            proces.wait()
        tijden.append(time.perf_counter() - begin)
        if proces.returncode != 0:  # een mislukte run is geen meting
            sys.exit(f"samenwerkingstoets {' '.join(argumenten)} stopte met code {proces.returncode}; geen meting.")
    return min(tijden), piek


def main() -> None:
    aantallen = [int(a) for a in sys.argv[1:]] or [100, 1_000, 10_000]
    programma = Path(sys.executable).parent / "samenwerkingstoets"
    beoordeel, _ = koud(programma, "beoordeel", str(ROOT / "cases" / "regionale-inkoop-jeugdzorg.yaml"))
    print("overzicht op N gegenereerde casussen (doel: hooguit 1 ms enginetijd per advies, vlak geheugen; "
          "1.000 casussen in hooguit 4x een koude beoordeel)")
    print(f"  koude beoordeel van één casus: {beoordeel:.2f} s")
    for n in aantallen:
        map_ = Path(tempfile.mkdtemp(prefix=f"overzicht-{n}-"))
        try:
            genereer(map_, n)
            keer = 3 if n <= 1_000 else 1
            regels = []
            for formaat in ("json", "xlsx"):
                uit = map_.parent / f"{map_.name}.{formaat}"
                totaal, piek = koud(programma, "overzicht", str(map_), "-o", str(uit), "--overschrijf", keer=keer)
                uit.unlink(missing_ok=True)
                regels.append(f"{formaat} {totaal:6.2f} s ({totaal / n * 1000:5.2f} ms per casus, "
                              f"{totaal / beoordeel:4.1f}x een koude beoordeel, piekgeheugen {piek:.0f} MB)")
            lezen, advies, groei = in_proces(map_)
            print(f"  N = {n:6d}: " + "; ".join(regels))
            print(f"  {'':10s}  in één proces per casus: lezen {lezen:.2f} ms, advies met bandbreedte en risico "
                  f"{advies:.2f} ms; geheugengroei {groei:.1f} MB")
        finally:
            shutil.rmtree(map_, ignore_errors=True)


if __name__ == "__main__":
    main()
