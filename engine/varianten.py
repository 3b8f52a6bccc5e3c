# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Varianten: een benoemde, pure wijziging van een casus.

Een variant komt uit `--wat-als pad=waarde` of uit een klein variantbestand (naam, omschrijving en
alleen de velden die veranderen). De oorspronkelijke casus blijft ongewijzigd; de gewijzigde casus
wordt net zo gecontroleerd als een casusbestand. Een gewone beoordeling zonder varianten laadt dit
module niet.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .casus import CATALOGUS, Casus, suggestie
from .fouten import CasusFout, InvoerFout, Melding
from .laden import Gelezen, casuscontext, casusvelden, lees_waarde, lees_yaml, valideer
from .waarden import fragment, schone_tekst, toon_waarde
from .woordenlijsten import Woordenlijsten, standaard

# Velden die een variant kan wijzigen: elk veld van het casusformaat behalve de afgeleide.
WIJZIGBAAR = [pad for pad, v in CATALOGUS.items() if not v.afgeleid and "[]" not in pad]


@dataclass(frozen=True)
class Variant:
    """Een benoemde wijziging van een casus; `wijzigingen` heeft de vorm van een casusbestand."""

    naam: str
    omschrijving: str
    wijzigingen: dict[str, Any]
    herkomst: str
    plat: dict[str, Any] = field(default_factory=dict)  # pad -> waarde, zoals --wat-als ze schrijft
    bestand: Gelezen | None = None  # het variantbestand, voor regelnummers in foutmeldingen


def wijzigbaar(woorden: Woordenlijsten | None = None) -> list[str]:
    """De velden die een variant kan wijzigen, met de eigen vragen van het pakket."""
    return WIJZIGBAAR + list((woorden or standaard()).vragen)


def lees_wat_als(teksten: list[str], woorden: Woordenlijsten | None = None) -> Variant:
    """Eén variant uit een of meer `pad=waarde`-teksten; een fout veld of woord is een InvoerFout."""
    plat: dict[str, Any] = {}
    velden = wijzigbaar(woorden)
    for tekst in teksten:
        pad, is_, ruw = tekst.partition("=")
        pad = pad.strip()
        if not is_ or not pad:
            raise InvoerFout(f"--wat-als '{fragment(tekst)}': schrijf het als veld=waarde, bijvoorbeeld "
                             "juridische_vorm=centrumregeling.")
        if pad not in velden:
            hint = suggestie(pad, velden)
            raise InvoerFout(f"--wat-als '{fragment(tekst)}': veld '{fragment(pad)}' bestaat niet in het "
                             f"casusformaat.{hint}")
        plat[pad] = _waarde(ruw.strip(), tekst)
    naam = "wat-als: " + ", ".join(f"{p}={toon_waarde(w)}" for p, w in plat.items())
    return Variant(naam=naam, omschrijving="", wijzigingen=genest(plat), herkomst="--wat-als", plat=plat)


def _waarde(ruw: str, tekst: str) -> Any:
    try:
        return lees_waarde(ruw) if ruw else ""
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError):
        raise InvoerFout(f"--wat-als '{fragment(tekst)}': de waarde is niet te lezen; gebruik een woord, "
                         "een getal of een lijst zoals [a, b].") from None


def genest(plat: dict[str, Any]) -> dict[str, Any]:
    uit: dict[str, Any] = {}
    for pad, waarde in plat.items():
        *groepen, naam = pad.split(".")
        doel = uit
        for groep in groepen:
            doel = doel.setdefault(groep, {})
        doel[naam] = waarde
    return uit


def _samenvoegen(basis: dict, wijzigingen: dict) -> dict:
    """Groepen worden per veld samengevoegd; een lijst of waarde vervangt; `null` haalt een veld
    weg (het wordt onbekend), zodat een variant bijvoorbeeld één partner kan laten vertrekken."""
    uit = copy.deepcopy(basis)
    for sleutel, waarde in wijzigingen.items():
        if waarde is None:
            uit.pop(sleutel, None)
        elif isinstance(waarde, dict) and waarde and isinstance(uit.get(sleutel), dict):
            uit[sleutel] = _samenvoegen(uit[sleutel], waarde)
        else:
            uit[sleutel] = copy.deepcopy(waarde)
    return uit


def casusdata(casus: Casus) -> dict[str, Any]:
    """De casus terug als data in de vorm van een casusbestand (alleen wat bekend is)."""
    return casus.model_dump(mode="json", by_alias=True, exclude_none=True)


def pas_toe(casus: Casus, variant: Variant) -> Casus:
    """De casus met de wijzigingen van de variant; de casus zelf verandert niet.

    Een fout wordt gemeld zoals bij een casusbestand, met de regelnummers uit het
    variantbestand (of zonder regelnummer bij --wat-als).
    """
    data = _samenvoegen(casusdata(casus), variant.wijzigingen)
    bron = variant.bestand or Gelezen(Path(variant.herkomst), variant.wijzigingen)
    woorden = casus.woordenlijsten  # dezelfde woorden als de casus: die van het pakket
    return valideer(Casus, data, bron, casusvelden(woorden), CasusFout,
                    f"De variant '{variant.naam}' geeft geen geldige casus:", casuscontext(woorden))



def met_varianten(casus: Casus, varianten: list[Variant]) -> tuple[Casus, str | None]:
    """De casus met alle varianten na elkaar toegepast, en de naam van die combinatie."""
    for variant in varianten:
        casus = pas_toe(casus, variant)
    return casus, " + ".join(v.naam for v in varianten) or None



def lees_variant(pad: str | Path):
    """Lees een variantbestand: `naam`, `omschrijving` en alleen de velden die veranderen."""
    gelezen = lees_yaml(pad)
    data = dict(gelezen.data)
    naam = data.pop("naam", None)
    omschrijving = data.pop("omschrijving", "")
    naam = schone_tekst(naam) if isinstance(naam, str) else ""
    omschrijving = schone_tekst(omschrijving) if isinstance(omschrijving, str) else ""
    if not naam or len(naam) > 200 or len(omschrijving) > 5_000:
        raise CasusFout(f"De variant '{gelezen.naam}' klopt niet:", [Melding(
            gelezen.naam, "een variant heeft een 'naam' nodig die zegt wat hij verandert (hooguit 200 tekens; "
                          "de omschrijving hooguit 5.000)", gelezen.lijn(("naam",)), "naam")])
    if not data:
        raise CasusFout(f"De variant '{gelezen.naam}' klopt niet:", [Melding(
            gelezen.naam, "de variant wijzigt geen enkel veld", 1)])
    return Variant(naam=naam, omschrijving=omschrijving, wijzigingen=data,
                   herkomst=gelezen.naam, bestand=gelezen)
