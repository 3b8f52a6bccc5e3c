# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Veilig schrijven: eerst naar een tijdelijk bestand in dezelfde map, dan in één keer hernoemen.

Zo bestaat het doelbestand nooit half. Een bestaand bestand wordt alleen vervangen als de
gebruiker daar uitdrukkelijk om vraagt.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable

from .fouten import InvoerFout


def te_lang(pad: Path) -> None:
    """Een naam die het besturingssysteem toch weigert, krijgt meteen een Nederlandse melding (exitcode 2)."""
    if any(len(deel.encode("utf-8")) > 255 for deel in pad.parts) or len(str(pad).encode("utf-8")) > 4000:
        raise SchrijfFout(f"De naam '{pad.name[:60]}…' is te lang (hooguit 255 tekens per naam); kies een kortere.")


def kies_formaat(uitvoer: str, formaat: str | None, extensies: dict[str, tuple[str, ...]], voorbeeld: str) -> str:
    """Het formaat: uit --formaat, of afgeleid van de extensie van -o (`extensies`: formaat -> extensies).
    Passen ze niet bij elkaar (een Word-document in 'x.pdf'), dan is dat een fout: niemand opent zo'n bestand.
    `voorbeeld` is een bestandsnaam voor de melding als -o een map is."""
    te_lang(Path(uitvoer))
    if Path(uitvoer).is_dir():
        raise InvoerFout(f"'{uitvoer}' is een map. Geef een bestandsnaam, zoals {Path(uitvoer) / voorbeeld}.")
    extensie = Path(uitvoer).suffix.lower()
    afgeleid = next((f for f, reeks in extensies.items() if extensie in reeks), None)
    if formaat is None:
        if afgeleid is None:
            namen = [reeks[0] for reeks in extensies.values()]
            raise InvoerFout(f"Uit de naam '{uitvoer}' valt het formaat niet af te leiden. Gebruik een naam die op "
                             f"{', '.join(namen[:-1])} of {namen[-1]} eindigt.")
        return afgeleid
    if extensie not in extensies[formaat]:
        waar = f"eindigt op {extensie}" if extensie else "heeft geen extensie"
        raise InvoerFout(f"Het bestand '{uitvoer}' {waar}, maar het formaat is {formaat}. "
                         f"Gebruik {extensies[formaat][0]} of kies het passende --formaat.")
    return formaat


class SchrijfFout(InvoerFout):
    """Het uitvoerbestand kan niet (of mag niet) geschreven worden; er is niets veranderd."""


def schrijf(pad: str | Path, inhoud: bytes | Iterable[bytes], overschrijf: bool = False,
            invoer: tuple[str | Path, ...] = ()) -> Path:
    """Schrijf `inhoud` (bytes, of bytes in delen) naar `pad`: eerst een tijdelijk bestand in dezelfde map, dan in
    één keer op zijn plaats.

    Zonder `overschrijf` wordt de naam geclaimd met een harde koppeling (os.link): bestaat het bestand
    al, ook als een ander proces het net maakte, dan mislukt dat en verandert er niets. Met
    `overschrijf` wordt alleen een gewoon bestand vervangen, nooit een apparaat, pijp of map, en nooit
    een bestand dat deze opdracht zelf leest (`invoer`). Het tijdelijke bestand verdwijnt altijd, ook
    bij Ctrl-C.
    """
    pad = Path(pad)
    te_lang(pad)
    map_ = pad.parent if str(pad.parent) else Path(".")
    if not map_.exists():
        raise SchrijfFout(f"De map '{map_}' bestaat niet. Maak de map eerst aan, of kies een andere plek.")
    if not map_.is_dir():
        raise SchrijfFout(f"'{map_}' is geen map; het bestand '{pad.name}' kan daar niet in.")
    if pad.is_dir():
        raise SchrijfFout(f"'{pad}' is een map. Geef een bestandsnaam, zoals {pad / 'collegeadvies.docx'}.")
    for bron in invoer:
        try:
            if pad.exists() and Path(bron).exists() and os.path.samefile(pad, bron):
                raise SchrijfFout(f"'{pad}' is ook een invoerbestand van deze opdracht; kies een andere naam, "
                                  "anders gaat de invoer verloren.")
        except OSError:
            pass
    if pad.exists() and not overschrijf:
        raise SchrijfFout(f"Het bestand '{pad}' bestaat al en is niet overschreven. "
                          "Kies een andere naam of gebruik --overschrijf.")
    if pad.exists() and not stat.S_ISREG(pad.stat().st_mode):
        raise SchrijfFout(f"'{pad}' is geen gewoon bestand (maar bijvoorbeeld een apparaat of pijp); "
                          "dat wordt nooit vervangen.")
    modus = pad.stat().st_mode & 0o777 if pad.exists() else 0o666 & ~_umask()
    tijdelijk = None
    try:
        with tempfile.NamedTemporaryFile(dir=map_, prefix=f".{pad.name}.", suffix=".tmp", delete=False) as f:
            tijdelijk = Path(f.name)
            for deel in (inhoud,) if isinstance(inhoud, bytes) else inhoud:
                f.write(deel)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tijdelijk, modus)  # een tijdelijk bestand is alleen voor de eigenaar leesbaar
        if overschrijf:
            os.replace(tijdelijk, pad)
        else:
            try:
                os.link(tijdelijk, pad)  # claimt de naam alleen als die nog vrij is: geen race
            except FileExistsError:
                raise SchrijfFout(f"Het bestand '{pad}' bestaat al en is niet overschreven. "
                                  "Kies een andere naam of gebruik --overschrijf.") from None
    except OSError as fout:
        raise SchrijfFout(f"Kan niet schrijven naar '{pad}': {_reden(fout)}.") from None
    finally:
        if tijdelijk is not None and tijdelijk.exists():
            tijdelijk.unlink()
    return pad


def _umask() -> int:
    huidig = os.umask(0)
    os.umask(huidig)
    return huidig


_REDENEN = {
    errno.EACCES: "u hebt geen schrijfrechten in die map",
    errno.EPERM: "u hebt geen schrijfrechten in die map",
    errno.EROFS: "die plek is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
    errno.ENOENT: "die plek bestaat niet of laat geen nieuwe bestanden toe",
    errno.ENAMETOOLONG: "de naam of het pad is te lang",
}


def _reden(fout: OSError) -> str:
    return _REDENEN.get(fout.errno, f"het besturingssysteem weigerde het (foutcode {fout.errno})")
