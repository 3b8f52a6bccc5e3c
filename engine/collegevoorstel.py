# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Een collegevoorstel maken: casus en pakket lezen, beoordelen, alternatieven en stempel samenstellen,
en de weergave (Markdown, HTML of Word) het document laten schrijven. De weergaven rekenen zelf niets."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from importlib import metadata
from pathlib import Path

from .beoordelen import Beoordelaar
from .fouten import InvoerFout
from .laden import bestandshash, lees_bytes, lees_casus_met_pakket
from .varianten import Variant
from .watals import kolommen, vergelijk
from .weergave.collegeadvies import Stempel, stel_op

MAX_SJABLOON = 20_000_000  # een huisstijlsjabloon met logo is hooguit enkele megabytes
MAX_UITGEPAKT = 100_000_000  # wat het zip-bestand uitgepakt mag worden (geen 'zipbom')
MAX_ONDERDELEN = 2_000

EXTENSIES = {"docx": (".docx",), "html": (".html", ".htm"), "markdown": (".md", ".markdown")}


def lees_sjabloon(pad: str) -> bytes:
    """Het Word-sjabloon van de gemeente (.docx of .dotx), gecontroleerd voordat het gebruikt wordt."""
    from docx import Document as Word

    from .weergave.word import als_document

    ruw = lees_bytes(pad, MAX_SJABLOON, "een Word-sjabloon (.docx of .dotx)")
    uitleg = ("Sla het sjabloon in Word op als Word-document (.docx) of Word-sjabloon (.dotx) en probeer "
              "opnieuw.")
    try:
        archief = zipfile.ZipFile(io.BytesIO(ruw))
        onderdelen = archief.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise InvoerFout(f"Het sjabloon '{pad}' is geen Word-document (.docx of .dotx). {uitleg}") from None
    namen = {o.filename for o in onderdelen}
    if len(onderdelen) > MAX_ONDERDELEN or sum(o.file_size for o in onderdelen) > MAX_UITGEPAKT:
        raise InvoerFout(f"Het sjabloon '{pad}' is uitgepakt te groot (hooguit {MAX_UITGEPAKT // 1_000_000} MB). "
                         "Is het wel een gewoon Word-sjabloon?")
    if "word/document.xml" not in namen or "[Content_Types].xml" not in namen:
        raise InvoerFout(f"Het sjabloon '{pad}' is een zip-bestand, maar geen Word-document. {uitleg}")
    if any(n.lower().endswith("vbaproject.bin") for n in namen):
        raise InvoerFout(f"Het sjabloon '{pad}' bevat macro's. Een sjabloon met macro's wordt niet gebruikt; sla het "
                         "in Word op als Word-sjabloon zonder macro's (.dotx).")
    extern = _externe_verwijzing(archief, [n for n in namen if n.endswith(".rels")])
    if extern:
        raise InvoerFout(f"Het sjabloon '{pad}' verwijst naar iets buiten het document ({extern}). Word zou dat bij "
                         "het openen ophalen; zo'n sjabloon wordt niet gebruikt. Verwijder die koppeling (een "
                         "gekoppeld sjabloon, een afbeelding of een koppeling naar een bestand of netwerkmap) en "
                         "probeer opnieuw.")
    try:
        Word(io.BytesIO(als_document(ruw)))
    except Exception as fout:  # python-docx en lxml kennen veel soorten fouten; de gebruiker hoort er één
        raise InvoerFout(f"Het sjabloon '{pad}' kan niet als Word-document geopend worden "
                         f"({type(fout).__name__}). {uitleg} Een sjabloon met macro's (.dotm) werkt niet.") from None
    return ruw


_RELATIE = re.compile(rb"<Relationship\b[^>]*>", re.I)


def _externe_verwijzing(archief: zipfile.ZipFile, relatiebestanden: list[str]) -> str | None:
    """Een koppeling naar buiten het document die Word zelf ophaalt of opent (een gekoppeld sjabloon, een afbeelding
    van internet, een bestand of netwerkpad); een gewone webkoppeling (http, https, mailto) in de tekst mag."""
    for naam in relatiebestanden:
        info = archief.getinfo(naam)
        if info.file_size > 5_000_000:
            return f"{naam} is te groot"
        for relatie in _RELATIE.findall(archief.read(naam)):
            if not re.search(rb'TargetMode\s*=\s*"External"', relatie, re.I):
                continue
            doel = (re.search(rb'Target\s*=\s*"([^"]*)"', relatie) or [b"", b""])[1].decode("utf-8", "replace")
            soort = (re.search(rb'Type\s*=\s*"([^"]*)"', relatie) or [b"", b""])[1].decode("utf-8", "replace")
            gewone_link = soort.endswith("/hyperlink") and re.match(r"(?i)(https?|mailto):", doel)
            if not gewone_link:
                return f"{soort.rsplit('/', 1)[-1] or 'koppeling'} naar {doel[:80]}"
    return None


def programmaversie() -> str:
    try:
        return metadata.version("samenwerkingstoets")
    except metadata.PackageNotFoundError:
        return "onbekend"


def stempeldatum(datum: dt.date | None) -> dt.date:
    """De opgegeven datum; anders SOURCE_DATE_EPOCH (reproduceerbare builds); anders vandaag."""
    if datum is not None:
        return datum
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            raise InvoerFout("SOURCE_DATE_EPOCH is geen bruikbaar tijdstip (seconden sinds 1970); gebruik "
                             "--datum JJJJ-MM-DD of een kleinere waarde.") from None
    return dt.date.today()


def maak_collegeadvies(casuspad: str, formaat: str, regelpad: str, varianten: list[Variant],
                       datum: dt.date | None, sjabloon: bytes | None = None) -> bytes:
    """Het collegevoorstel als bytes; `sjabloon` is een gecontroleerd Word-sjabloon (zie lees_sjabloon)."""
    if sjabloon is not None and formaat != "docx":
        raise InvoerFout("Een sjabloon (--sjabloon) geldt alleen voor een Word-document. Schrijf naar een "
                         "bestand dat op .docx eindigt, of laat --sjabloon weg.")
    casus, pakket, gelezen = lees_casus_met_pakket(casuspad, regelpad)  # de versie op de peildatum
    beoordelaar = Beoordelaar(pakket)
    advies = beoordelaar.beoordeel(casus)
    alternatieven = vergelijk(kolommen([casus], varianten, [beoordelaar])) if varianten else None
    stempel = Stempel(datum=stempeldatum(datum), regelpakket=f"{pakket.naam} {pakket.versie}",
                      inhoudshash_pakket=pakket.inhoudshash, casusbestand=Path(casuspad).name,
                      casushash=bestandshash(gelezen), programmaversie=programmaversie())
    document = stel_op(advies, casus, pakket, stempel, alternatieven)
    if formaat == "markdown":
        from .weergave.markdown import collegeadvies
    elif formaat == "html":
        from .weergave.html import collegeadvies
    else:
        from .weergave.word import collegeadvies as word

        return word(document, sjabloon)
    return collegeadvies(document)
