# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Een cache van gecontroleerde regelpakketten, zodat een start niet elke keer alle YAML leest en controleert.

De sleutel is een hash van alles waar het pakket van afhangt: de inhoud van elk YAML-bestand in de
pakketmap (en, bij een beleidsvariant, in de map van de basis), de broncode van de modules die een pakket
lezen en controleren, de Python-versie en de versies van pydantic en pydantic-core. Verandert er één teken,
dan is het een andere sleutel: de cache is nooit verouderd. Lukt lezen of schrijven niet, dan wordt het pakket gewoon gelezen.

De cache staat in $SAMENWERKINGSTOETS_CACHE, anders in $XDG_CACHE_HOME/samenwerkingstoets of
~/.cache/samenwerkingstoets; SAMENWERKINGSTOETS_CACHE=uit zet hem uit. Alleen bestanden die dit programma
zelf schreef, in een map van de gebruiker, worden gelezen.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

try:  # de C-kern van pickle rechtstreeks: pickle.py zelf laden kost bij elke start een milliseconde
    from _pickle import dump as _bewaar, load as _laad
except ImportError:  # een Python zonder die kern
    from pickle import dump as _bewaar, load as _laad

PROTOCOL = 5  # pickle.HIGHEST_PROTOCOL sinds Python 3.8

_BRONNEN = ("casus.py", "regels.py", "laden.py", "feiten.py", "waarden.py", "woordenlijsten.py", "vormen.py",
            "pakketcache.py")
# De bibliotheken waarvan objecten in de cache staan (pydantic-modellen): een andere versie is een andere sleutel,
# zodat een cache van een oudere pydantic nooit in een nieuwere wordt gelezen (of andersom).
_BIBLIOTHEKEN = ("pydantic", "pydantic_core")
_BASIS = re.compile(r"^basis:\s*['\"]?([^'\"#\n]+?)['\"]?\s*(?:#.*)?$", re.M)
MAX_DIEPTE = 8


def _map() -> Path | None:
    instelling = os.environ.get("SAMENWERKINGSTOETS_CACHE")
    if instelling == "uit":
        return None
    if instelling:
        return Path(instelling)
    basis = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(basis) / "samenwerkingstoets"


def _voeg_pakket_toe(h: Any, map_: Path, diepte: int) -> None:
    if diepte > MAX_DIEPTE:
        raise ValueError("te diep geneste beleidsvarianten")
    for pad in sorted(map_.glob("*.yaml")):
        h.update(pad.name.encode())
        h.update(_gewoon_bestand(pad))
    treffer = _BASIS.search(_gewoon_bestand(map_ / "pack.yaml").decode("utf-8", errors="replace"))
    if treffer:
        _voeg_pakket_toe(h, (map_ / treffer.group(1).strip()).resolve(), diepte + 1)


MAX_BESTAND = 2_000_000  # zoals laden.MAX_BYTES: groter is geen regelbestand


def _gewoon_bestand(pad: Path) -> bytes:
    """De bytes van een gewoon, niet te groot bestand. Een pijp, apparaat (/dev/zero) of reus in de pakketmap wordt
    nooit gelezen: dan geen cache, en het laden van het pakket meldt het bestand (zonder het te lezen)."""
    info = pad.stat()
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BESTAND:
        raise ValueError(f"geen gewoon regelbestand: {pad.name}")
    with open(pad, "rb") as f:
        return f.read(MAX_BESTAND + 1)


def _versie(naam: str) -> str:
    """De versie van een bibliotheek zoals zij die zelf opgeeft (sneller dan de metadata van de installatie lezen)."""
    import importlib

    try:
        module = importlib.import_module(naam)
    except ImportError:
        return "?"
    return str(getattr(module, "VERSION", None) or getattr(module, "__version__", "?"))


def sleutel(map_: Path) -> str:
    h = hashlib.sha256()
    h.update(sys.version.encode())
    for naam in _BIBLIOTHEKEN:
        h.update(f"{naam}={_versie(naam)}".encode())
    engine = Path(__file__).resolve().parent
    for naam in _BRONNEN:
        h.update((engine / naam).read_bytes())
    _voeg_pakket_toe(h, map_.resolve(), 0)
    return h.hexdigest()[:32]


def uit_cache(map_: Path, lees: Callable[[Path], Any]) -> Any:
    """Het pakket uit de cache, of gelezen met `lees` (en dan bewaard). Fouten van `lees` gaan door."""
    cachemap = _map()
    try:
        pad = cachemap / f"pakket-{sleutel(map_)}.pickle" if cachemap else None
    except (OSError, ValueError):
        pad = None
    if pad is not None:
        try:
            with open(pad, "rb") as f:
                eigen = not hasattr(os, "getuid") or os.fstat(f.fileno()).st_uid == os.getuid()
                if eigen:
                    return _laad(f)
        except Exception:  # geen, kapotte of vreemde cache: gewoon lezen
            pass
    pakket = lees(map_)
    if pad is not None:
        tijdelijk = None
        try:
            pad.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            with tempfile.NamedTemporaryFile(dir=pad.parent, prefix=".pakket-", delete=False) as f:
                tijdelijk = Path(f.name)
                _bewaar(pakket, f, protocol=PROTOCOL)
            os.replace(tijdelijk, pad)
        except Exception:  # niet te bewaren: dan de volgende keer opnieuw lezen
            if tijdelijk is not None:
                tijdelijk.unlink(missing_ok=True)
    return pakket
